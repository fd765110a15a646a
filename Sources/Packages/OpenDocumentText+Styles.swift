import SiteModel
/// styles.xml: the named styles of the document, kept few.
///
/// Styles LibreOffice and Word know (Title, Text body, Heading 1-6, Quotations, Preformatted Text,
/// Table Contents/Heading, Horizontal Line) keep their standard internal names: both programs then
/// treat them as their own built-in styles, show them under the German names of the user's
/// interface ("Titel", "Überschrift 1", …) and build outlines and tables of contents from the
/// headings. Styles vcc adds have German names.
extension OpenDocumentText {
    static func stylesXML(language: String) -> String {
        #"<office:document-styles\#(namespaces) office:version="1.2">"#
            + fontFaceDeclarations
            + "<office:styles>"
            + defaultStyle(language: language)
            + paragraphStyles
            + textStyles
            + outlineStyle
            + listStyle(name: "Aufzaehlung", displayName: "Aufzählung", numbered: false)
            + listStyle(name: "Nummerierung", displayName: "Nummerierung", numbered: true)
            + "</office:styles>"
            + "<office:automatic-styles>"
            + #"<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm""#
            + #" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>"#
            + "</office:automatic-styles>"
            + #"<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>"#
            + "</office:document-styles>"
    }

    /// 11 pt Liberation Sans in the document's language, so that spelling and hyphenation use it.
    private static func defaultStyle(language: String) -> String {
        let subtags = language.split(separator: "-").map(String.init)
        let code = subtags.first?.lowercased() ?? "de"
        // BCP 47: the region is the subtag of two letters or three digits after the language
        // (de-DE, de-Latn-DE, es-419). Without one, German means Germany, where the site's readers are.
        let region = subtags.dropFirst().first { subtag in
            (subtag.count == 2 && subtag.allSatisfy(\.isLetter)) || (subtag.count == 3 && subtag.allSatisfy(\.isNumber))
        }
        let country = region?.uppercased() ?? (code == "de" ? "DE" : nil)
        var locale = #"fo:language="\#(XMLText.escaped(code))""#
        if let country { locale += #" fo:country="\#(XMLText.escaped(country))""# }
        return #"<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>"#
            + #"<style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" \#(locale)/></style:default-style>"#
    }

    private static let bold = #"fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#

    private static var paragraphStyles: String {
        let body = #" style:class="text""#
        let html = #" style:class="html""#
        var styles = [
            NamedParagraphStyle(name: "Standard", parent: nil, attributes: body),
            NamedParagraphStyle(
                name: "Text_20_body", displayName: "Text body", attributes: body,
                paragraph: #"fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%""#),
            NamedParagraphStyle(
                name: "Vorspann", displayName: "Vorspann", parent: "Text_20_body",
                paragraph: #"fo:margin-bottom="0.4cm""#, text: #"fo:font-size="12.5pt""#),
            // A line of a plain-text attachment (see PlainTextDocument): its blank lines space it.
            NamedParagraphStyle(
                name: "Textzeile", displayName: "Textzeile", parent: "Text_20_body",
                paragraph: #"fo:margin-bottom="0cm""#),
            NamedParagraphStyle(
                name: "Listenabsatz", displayName: "Listenabsatz", parent: "Text_20_body",
                paragraph: #"fo:margin-bottom="0.1cm""#),
            NamedParagraphStyle(
                name: "Heading", attributes: #" style:next-style-name="Text_20_body""# + body,
                paragraph: #"fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always""#, text: bold),
            NamedParagraphStyle(
                name: "Title", parent: "Heading", attributes: #" style:class="chapter""#,
                paragraph: #"fo:margin-top="0cm" fo:margin-bottom="0.3cm""#, text: #"fo:font-size="22pt""#),
        ]
        for (index, size) in ["18pt", "15pt", "13pt", "12pt", "11pt", "11pt"].enumerated() {
            let level = index + 1
            styles.append(NamedParagraphStyle(
                name: "Heading_20_\(level)", displayName: "Heading \(level)", parent: "Heading",
                attributes: #" style:next-style-name="Text_20_body" style:default-outline-level="\#(level)""# + body,
                text: #"fo:font-size="\#(size)""#))
        }
        styles += [
            NamedParagraphStyle(
                name: "Quotations", parent: "Text_20_body", attributes: html,
                paragraph: #"fo:margin-left="0.6cm" fo:margin-right="0.6cm" fo:padding-left="0.3cm""#
                    + #" fo:border-left="2pt solid #a0a0a0" fo:border-right="none" fo:border-top="none" fo:border-bottom="none""#),
            NamedParagraphStyle(
                name: "Preformatted_20_Text", displayName: "Preformatted Text", attributes: html,
                paragraph: ##"fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:background-color="#f2f2f2" fo:padding="0.15cm""##,
                text: #"style:font-name="Liberation Mono" fo:font-size="9.5pt""#),
            NamedParagraphStyle(
                name: "Table_20_Contents", displayName: "Table Contents", attributes: #" style:class="extra""#,
                paragraph: #"fo:margin-top="0cm" fo:margin-bottom="0cm""#),
            NamedParagraphStyle(
                name: "Table_20_Heading", displayName: "Table Heading", parent: "Table_20_Contents",
                attributes: #" style:class="extra""#, text: bold),
            // An empty paragraph with a bottom border: the one rule both LibreOffice and Word draw.
            NamedParagraphStyle(
                name: "Horizontal_20_Line", displayName: "Horizontal Line", attributes: html,
                paragraph: #"fo:margin-top="0cm" fo:margin-bottom="0.4cm" fo:padding="0cm" fo:border-top="none""#
                    + #" fo:border-left="none" fo:border-right="none" fo:border-bottom="0.5pt solid #808080""#,
                text: #"fo:font-size="6pt""#),
        ]
        return styles.map(\.xml).joined()
    }

    private static let textStyles =
        #"<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">"#
        + ##"<style:text-properties fo:color="#0b57a4" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>"##
        + #"<style:style style:name="Visited_20_Internet_20_Link" style:display-name="Visited Internet Link" style:family="text">"#
        + ##"<style:text-properties fo:color="#6b2f8f" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>"##

    /// Headings without numbers; LibreOffice expects an outline style to attach them to.
    private static var outlineStyle: String {
        #"<text:outline-style style:name="Outline">"#
            + (1...10).map { #"<text:outline-level-style text:level="\#($0)" style:num-format=""/>"# }.joined()
            + "</text:outline-style>"
    }

    /// Ten levels, each indented by one step further; bullets alternate between • and –, numbers
    /// are "1." on every level, as in HTML.
    private static func listStyle(name: String, displayName: String, numbered: Bool) -> String {
        let step = numbered ? 750 : 600  // thousandths of a centimetre; "10." needs more room than "•"
        var out = #"<text:list-style style:name="\#(name)" style:display-name="\#(displayName)">"#
        for level in 1...10 {
            let indent = OpenDocumentBody.centimetres(step * level)
            let properties = #"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">"#
                + #"<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="\#(indent)""#
                + #" fo:text-indent="-\#(OpenDocumentBody.centimetres(step))" fo:margin-left="\#(indent)"/></style:list-level-properties>"#
            if numbered {
                out += #"<text:list-level-style-number text:level="\#(level)" style:num-suffix="." style:num-format="1">"#
                    + properties + "</text:list-level-style-number>"
            } else {
                out += #"<text:list-level-style-bullet text:level="\#(level)" text:bullet-char="\#(level % 2 == 1 ? "•" : "–")">"#
                    + properties + "</text:list-level-style-bullet>"
            }
        }
        return out + "</text:list-style>"
    }
}
