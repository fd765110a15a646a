import SiteModel
/// An OpenDocument spreadsheet (`.ods`, ODF 1.2) of a CSV table, which LibreOffice Calc and Excel
/// open for editing: one sheet, the first row as repeated bold header, each column as wide as
/// its longest entry (within limits), numbers as numbers so that the sheet can calculate with them.
enum OpenDocumentSpreadsheet {
    /// The media type of ODF spreadsheets.
    static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"

    /// Column width per character of the longest entry, and its bounds, in thousandths of a
    /// centimetre: 0.2 cm fits a character of 10 pt Liberation Sans; below 2 cm a column is hard
    /// to hit, beyond 8 cm a single column fills the screen.
    private static let widthPerCharacter = 200
    private static let widths = 2_000...8_000

    /// The `.ods` file for `table`.
    static func file(table: CSVTable, title: String, language: String, date: ISODate?) -> [UInt8] {
        OpenDocumentPackage(mediaType: mediaType, parts: [
            ("content.xml", contentXML(table)),
            ("styles.xml", stylesXML(language: language)),
            ("meta.xml", OpenDocumentPackage.metaXML(title: title, description: "", language: language, date: date, source: "")),
        ], date: date).bytes()
    }

    private static func contentXML(_ table: CSVTable) -> String {
        let columns = table.rows.map(\.count).max() ?? 0
        var styles = #"<style:style style:name="Kopf" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>"#
        var sheet = #"<table:table table:name="Tabelle1">"#
        for column in 0..<columns {
            let longest = table.rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
            let width = min(max(longest * widthPerCharacter, widths.lowerBound), widths.upperBound)
            styles += #"<style:style style:name="Spalte\#(column + 1)" style:family="table-column">"#
                + #"<style:table-column-properties style:column-width="\#(OpenDocumentBody.centimetres(width))"/></style:style>"#
            sheet += #"<table:table-column table:style-name="Spalte\#(column + 1)"/>"#
        }
        for (index, row) in table.rows.enumerated() {
            let cells = (0..<columns).map { cell(column: $0 < row.count ? row[$0] : "", header: index == 0) }.joined()
            sheet += index == 0 ? "<table:table-header-rows><table:table-row>\(cells)</table:table-row></table:table-header-rows>"
                : "<table:table-row>\(cells)</table:table-row>"
        }
        // A sheet needs at least one column and row to be valid.
        if columns == 0 { sheet += "<table:table-column/><table:table-row><table:table-cell/></table:table-row>" }
        sheet += "</table:table>"
        return #"<office:document-content\#(OpenDocumentPackage.namespaces) office:version="1.2">"#
            + "<office:automatic-styles>" + styles + "</office:automatic-styles>"
            + "<office:body><office:spreadsheet>" + sheet + "</office:spreadsheet></office:body>"
            + "</office:document-content>"
    }

    /// A cell: a number as written in German (`1092`, `59,7`, `-3`) becomes a number, everything
    /// else text; numbers with leading zeros (`06435099`, a municipality key) stay text.
    private static func cell(column text: String, header: Bool) -> String {
        let style = header ? #" table:style-name="Kopf""# : ""
        guard !text.isEmpty else { return "<table:table-cell\(style)/>" }
        let paragraph = "<text:p>\(XMLText.escaped(text))</text:p>"
        if !header, let value = number(text) {
            return #"<table:table-cell office:value-type="float" office:value="\#(value)">"# + paragraph + "</table:table-cell>"
        }
        return #"<table:table-cell\#(style) office:value-type="string">"# + paragraph + "</table:table-cell>"
    }

    /// `59,7` as `59.7`, the notation of `office:value`; nil for anything but a German decimal number.
    static func number(_ text: String) -> String? {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 15, parts[0] == "0" || !parts[0].hasPrefix("0") else { return nil }
        return (text.hasPrefix("-") ? "-" : "") + parts.joined(separator: ".")
    }

    /// The sheet's language, so that numbers show with a decimal comma and spelling checks German.
    private static func stylesXML(language: String) -> String {
        let code = language.split(separator: "-").first.map(String.init)?.lowercased() ?? "de"
        let country = code == "de" ? #" fo:country="DE""# : ""
        return #"<office:document-styles\#(OpenDocumentPackage.namespaces) office:version="1.2"><office:styles>"#
            + #"<style:default-style style:family="table-cell"><style:text-properties fo:language="\#(XMLText.escaped(code))"\#(country)/></style:default-style>"#
            + "</office:styles></office:document-styles>"
    }
}
