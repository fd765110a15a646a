import SiteModel
/// An OpenDocument text document (`.odt`, ODF 1.2) of a ``ReuseDocument``, which LibreOffice,
/// Word and other word processors open for editing.
///
/// ODF 1.2 rather than 1.3: everything written here exists in 1.2, and Word 2013-2021 read ODF
/// only up to 1.2. The package (see ``OpenDocumentPackage``) holds `content.xml`, `styles.xml`
/// and `meta.xml`. The same document always gives the same bytes.
public enum OpenDocumentText {
    /// The media type of ODF text documents.
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The `.odt` file for `document`.
    public static func file(for document: ReuseDocument) -> [UInt8] {
        file(title: document.title, description: document.summary, language: document.language, date: ISODate(document.date),
             source: document.sourceURL, body: body(for: document))
    }

    /// An `.odt` file with `body` as its text, under the named styles of styles.xml.
    static func file(title: String, description: String, language: String, date: ISODate?, source: String,
                     body: OpenDocumentBody) -> [UInt8] {
        OpenDocumentPackage(mediaType: mediaType, parts: [
            ("content.xml", contentXML(body)),
            ("styles.xml", stylesXML(language: language)),
            ("meta.xml", OpenDocumentPackage.metaXML(title: title, description: description, language: language, date: date, source: source)),
        ], date: date).bytes()
    }

    /// The namespaces the parts use; declared on every root element.
    static var namespaces: String { OpenDocumentPackage.namespaces }

    /// Fonts named by the styles: Liberation fonts are metric-compatible with Arial and Courier
    /// New, which Word substitutes where they are missing.
    static let fontFaceDeclarations = "<office:font-face-decls>"
        + #"<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;, Arial" style:font-family-generic="swiss" style:font-pitch="variable"/>"#
        + #"<style:font-face style:name="Liberation Mono" svg:font-family="&apos;Liberation Mono&apos;, &apos;Courier New&apos;" style:font-family-generic="modern" style:font-pitch="fixed"/>"#
        + "</office:font-face-decls>"

    /// Title, lead, how to go about it, facts, body, then where the text comes from and under which licence.
    private static func body(for document: ReuseDocument) -> OpenDocumentBody {
        var body = OpenDocumentBody()
        body.appendParagraph([.text(document.title)], style: "Title")
        if !document.summary.isEmpty { body.appendParagraph([.text(document.summary)], style: "Vorspann") }
        if let guide = document.guide { body.append(guide.blocks) }
        body.appendFacts(document.facts)
        body.append(document.blocks)
        body.appendHeading([.text("Quelle und Lizenz")], level: 2)
        if !document.attribution.isEmpty { body.appendParagraph([.text(document.attribution)], style: "Text_20_body") }
        if !document.sourceURL.isEmpty {
            body.appendParagraph(
                [.text("Online-Fassung: "), .link(url: document.sourceURL, [.text(document.sourceURL)])], style: "Text_20_body")
        }
        return body
    }

    private static func contentXML(_ body: OpenDocumentBody) -> String {
        #"<office:document-content\#(namespaces) office:version="1.2">"#
            + fontFaceDeclarations
            + "<office:automatic-styles>" + body.automaticStyles + "</office:automatic-styles>"
            + "<office:body><office:text>" + body.xml + "</office:text></office:body>"
            + "</office:document-content>"
    }
}
