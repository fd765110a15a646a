import SiteModel
/// Writes the blocks of a ``ReuseDocument`` as the body of content.xml (`office:text`), and
/// collects the automatic styles that body needs.
struct OpenDocumentBody {
    /// The XML written so far.
    private(set) var xml = ""
    private var paragraphs = ParagraphContent()
    /// Column counts of the tables written, for one column style each.
    private var columnCounts: Set<Int> = []
    private var tableCount = 0
    private var hasFacts = false

    /// Text width of an A4 page with the 2 cm margins of styles.xml, in thousandths of a centimetre.
    static let textWidth = 17_000

    /// Where a block stands; it decides the paragraph style and what ODF allows there.
    struct Context {
        /// The style of plain paragraphs: Text_20_body, Quotations inside a quote, Listenabsatz in lists.
        var paragraphStyle = "Text_20_body"
        /// ODF list items hold only paragraphs, headings and lists (part 1, 5.3.3), no tables.
        var insideList = false
    }

    /// Appends a paragraph of the given style.
    mutating func appendParagraph(_ inlines: [ReuseInline], style: String) {
        xml += #"<text:p text:style-name="\#(style)">"# + paragraphs.xml(for: inlines) + "</text:p>"
    }

    /// Appends a paragraph of plain text with every space, tab and line break kept.
    mutating func appendPreservedParagraph(_ text: String, style: String) {
        xml += #"<text:p text:style-name="\#(style)">"# + ParagraphContent.preservedXML(text) + "</text:p>"
    }

    /// Appends a heading; levels outside 1...6 are clamped, as only six heading styles exist.
    mutating func appendHeading(_ inlines: [ReuseInline], level: Int) {
        let level = min(max(level, 1), 6)
        xml += #"<text:h text:style-name="Heading_20_\#(level)" text:outline-level="\#(level)">"#
            + paragraphs.xml(for: inlines) + "</text:h>"
    }

    mutating func append(_ blocks: [ReuseBlock], in context: Context = Context()) {
        for block in blocks { append(block, in: context) }
    }

    mutating func append(_ block: ReuseBlock, in context: Context) {
        switch block {
        case .heading(let level, let inlines):
            appendHeading(inlines, level: level)
        case .paragraph(let inlines):
            appendParagraph(inlines, style: context.paragraphStyle)
        case .bulletList(let items):
            appendList(items, style: "Aufzaehlung", start: nil)
        case .orderedList(let start, let items):
            appendList(items, style: "Nummerierung", start: start)
        case .table(let header, let rows):
            if context.insideList {
                appendTableAsParagraphs(header: header, rows: rows, style: context.paragraphStyle)
            } else {
                appendTable(header: header, rows: rows)
            }
        case .code(let code):
            var lines = code
            if lines.hasSuffix("\n") { lines.removeLast() }
            xml += #"<text:p text:style-name="Preformatted_20_Text">"# + ParagraphContent.preservedXML(lines) + "</text:p>"
        case .quote(let blocks):
            var inner = context
            inner.paragraphStyle = "Quotations"
            append(blocks, in: inner)
        case .rule:
            xml += #"<text:p text:style-name="Horizontal_20_Line"/>"#
        }
    }

    /// A list with its style on every level, nested ones included, so that a bulleted list inside a
    /// numbered one keeps its bullets; the first item carries the start number.
    private mutating func appendList(_ items: [[ReuseBlock]], style: String, start: Int?) {
        guard !items.isEmpty else { return }
        xml += #"<text:list text:style-name="\#(style)">"#
        for (index, item) in items.enumerated() {
            if index == 0, let start, start != 1 {
                xml += #"<text:list-item text:start-value="\#(max(start, 0))">"#
            } else {
                xml += "<text:list-item>"
            }
            // An empty item still shows its bullet or number.
            if item.isEmpty { xml += #"<text:p text:style-name="Listenabsatz"/>"# }
            append(item, in: Context(paragraphStyle: "Listenabsatz", insideList: true))
            xml += "</text:list-item>"
        }
        xml += "</text:list>"
    }

    /// A table with a repeated header row; short rows are padded so every row has as many cells
    /// as there are columns, which Word requires.
    private mutating func appendTable(header: [[ReuseInline]], rows: [[[ReuseInline]]]) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        tableCount += 1
        columnCounts.insert(columns)
        xml += #"<table:table table:name="Tabelle\#(tableCount)" table:style-name="Tabelle">"#
        xml += #"<table:table-column table:style-name="Spalten\#(columns)" table:number-columns-repeated="\#(columns)"/>"#
        if !header.isEmpty {
            xml += "<table:table-header-rows>"
            appendRow(header, columns: columns, cellStyle: "Kopfzelle", paragraphStyle: "Table_20_Heading")
            xml += "</table:table-header-rows>"
        }
        for row in rows {
            appendRow(row, columns: columns, cellStyle: "Zelle", paragraphStyle: "Table_20_Contents")
        }
        xml += "</table:table>"
    }

    private mutating func appendRow(_ cells: [[ReuseInline]], columns: Int, cellStyle: String, paragraphStyle: String) {
        xml += "<table:table-row>"
        for column in 0..<columns {
            xml += #"<table:table-cell table:style-name="\#(cellStyle)" office:value-type="string">"#
            appendParagraph(column < cells.count ? cells[column] : [], style: paragraphStyle)
            xml += "</table:table-cell>"
        }
        xml += "</table:table-row>"
    }

    /// Inside a list a table can only be approximated: one paragraph per row, cells separated by
    /// „ | “, the header row in bold.
    private mutating func appendTableAsParagraphs(header: [[ReuseInline]], rows: [[[ReuseInline]]], style: String) {
        func joined(_ cells: [[ReuseInline]]) -> [ReuseInline] {
            cells.enumerated().flatMap { index, cell in index == 0 ? cell : [.text(" | ")] + cell }
        }
        if !header.isEmpty { appendParagraph([.strong(joined(header))], style: style) }
        for row in rows { appendParagraph(joined(row), style: style) }
    }

    /// The facts table: labels in a narrow shaded first column, values beside them.
    mutating func appendFacts(_ facts: [ReuseFact]) {
        guard !facts.isEmpty else { return }
        hasFacts = true
        xml += #"<table:table table:name="Steckbrief" table:style-name="Tabelle">"#
        xml += #"<table:table-column table:style-name="SteckbriefBezeichnung"/>"#
        xml += #"<table:table-column table:style-name="SteckbriefWert"/>"#
        for fact in facts {
            xml += "<table:table-row>"
            xml += #"<table:table-cell table:style-name="Kopfzelle" office:value-type="string">"#
            appendParagraph([.text(fact.label)], style: "Table_20_Heading")
            xml += #"</table:table-cell><table:table-cell table:style-name="Zelle" office:value-type="string">"#
            appendParagraph([.text(fact.value)], style: "Table_20_Contents")
            xml += "</table:table-cell></table:table-row>"
        }
        xml += "</table:table>"
    }

    /// The automatic styles the body uses, in a fixed order: text formats by number, column
    /// styles by column count.
    var automaticStyles: String {
        var out = paragraphs.usedFormats.sorted().map(\.styleXML).joined()
        out += #"<style:style style:name="Tabelle" style:family="table"><style:table-properties"#
            + #" style:width="\#(Self.centimetres(Self.textWidth))" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>"#
        if hasFacts {
            out += Self.columnStyle("SteckbriefBezeichnung", width: 5_000)
            out += Self.columnStyle("SteckbriefWert", width: Self.textWidth - 5_000)
        }
        for columns in columnCounts.sorted() {
            out += Self.columnStyle("Spalten\(columns)", width: Self.textWidth / columns)
        }
        let border = #"fo:padding="0.1cm" fo:border="0.5pt solid #808080""#
        out += #"<style:style style:name="Zelle" style:family="table-cell"><style:table-cell-properties \#(border)/></style:style>"#
        out += ##"<style:style style:name="Kopfzelle" style:family="table-cell"><style:table-cell-properties fo:background-color="#e8edf2" \##(border)/></style:style>"##
        return out
    }

    private static func columnStyle(_ name: String, width: Int) -> String {
        #"<style:style style:name="\#(name)" style:family="table-column"><style:table-column-properties style:column-width="\#(centimetres(width))"/></style:style>"#
    }

    /// Thousandths of a centimetre as an ODF length, with integer arithmetic so the text never
    /// depends on floating-point formatting.
    static func centimetres(_ thousandths: Int) -> String {
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)cm"
    }
}
