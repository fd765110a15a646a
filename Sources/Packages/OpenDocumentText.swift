import SiteModel
/// An OpenDocument text document (`.odt`, ODF 1.2) of a ``ReuseDocument``, which LibreOffice,
/// Word and other word processors open for editing.
///
/// ODF 1.2 rather than 1.3: everything written here exists in 1.2, and Word 2013-2021 read ODF
/// only up to 1.2. The package holds `mimetype` (first and stored, so that tools recognise the
/// type from the first bytes), `META-INF/manifest.xml`, `content.xml`, `styles.xml` and
/// `meta.xml`. The same document always gives the same bytes.
public enum OpenDocumentText {
    /// The media type of ODF text documents.
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The `.odt` file for `document`.
    ///
    /// Traps only if content.xml reaches 4 GiB, the ZIP limit, which no document held in memory
    /// as a blueprint can reach.
    public static func file(for document: ReuseDocument) -> [UInt8] {
        let date = ISODate(document.date)
        var archive = ZipArchive(date: date.map { ($0.year, $0.month, $0.day) } ?? (1980, 1, 1))
        let parts: [(path: String, xml: String)] = [
            ("META-INF/manifest.xml", manifestXML),
            ("content.xml", contentXML(for: document)),
            ("styles.xml", stylesXML(language: document.language)),
            ("meta.xml", metaXML(for: document, date: date)),
        ]
        do {
            try archive.add(path: "mimetype", contents: Array(mediaType.utf8), compress: false)
            for part in parts {
                try archive.add(path: part.path, contents: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + part.xml).utf8))
            }
        } catch {
            preconditionFailure("\(error)")
        }
        return archive.bytes()
    }

    /// The namespaces the parts use; declared on every root element.
    static let namespaces = [
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "xlink": "http://www.w3.org/1999/xlink",
        "dc": "http://purl.org/dc/elements/1.1/",
        "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ].sorted { $0.key < $1.key }.map { #" xmlns:\#($0.key)="\#($0.value)""# }.joined()

    /// Fonts named by the styles: Liberation fonts are metric-compatible with Arial and Courier
    /// New, which Word substitutes where they are missing.
    static let fontFaceDeclarations = "<office:font-face-decls>"
        + #"<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;, Arial" style:font-family-generic="swiss" style:font-pitch="variable"/>"#
        + #"<style:font-face style:name="Liberation Mono" svg:font-family="&apos;Liberation Mono&apos;, &apos;Courier New&apos;" style:font-family-generic="modern" style:font-pitch="fixed"/>"#
        + "</office:font-face-decls>"

    private static let manifestXML = #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#
        + #"<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="\#(mediaType)"/>"#
        + ["content.xml", "styles.xml", "meta.xml"].map { #"<manifest:file-entry manifest:full-path="\#($0)" manifest:media-type="text/xml"/>"# }.joined()
        + "</manifest:manifest>"

    /// Title, lead, facts, body, then where the text comes from and under which licence.
    private static func contentXML(for document: ReuseDocument) -> String {
        var body = OpenDocumentBody()
        body.appendParagraph([.text(document.title)], style: "Title")
        if !document.summary.isEmpty { body.appendParagraph([.text(document.summary)], style: "Vorspann") }
        body.appendFacts(document.facts)
        body.append(document.blocks)
        body.appendHeading([.text("Quelle und Lizenz")], level: 2)
        if !document.attribution.isEmpty { body.appendParagraph([.text(document.attribution)], style: "Text_20_body") }
        if !document.sourceURL.isEmpty {
            body.appendParagraph(
                [.text("Online-Fassung: "), .link(url: document.sourceURL, [.text(document.sourceURL)])], style: "Text_20_body")
        }
        return #"<office:document-content\#(namespaces) office:version="1.2">"#
            + fontFaceDeclarations
            + "<office:automatic-styles>" + body.automaticStyles + "</office:automatic-styles>"
            + "<office:body><office:text>" + body.xml + "</office:text></office:body>"
            + "</office:document-content>"
    }

    /// Title, description, language and dates; no editing time or statistics, which would only
    /// be wrong once someone edits the document.
    private static func metaXML(for document: ReuseDocument, date: ISODate?) -> String {
        var meta = "<meta:generator>vcc</meta:generator>"
        meta += "<dc:title>\(XMLText.escaped(document.title))</dc:title>"
        if !document.summary.isEmpty { meta += "<dc:description>\(XMLText.escaped(document.summary))</dc:description>" }
        meta += "<dc:language>\(XMLText.escaped(document.language))</dc:language>"
        if let date {
            meta += "<meta:creation-date>\(date.text)T00:00:00</meta:creation-date><dc:date>\(date.text)T00:00:00</dc:date>"
        }
        if !document.sourceURL.isEmpty {
            meta += #"<meta:user-defined meta:name="Quelle">\#(XMLText.escaped(document.sourceURL))</meta:user-defined>"#
        }
        return #"<office:document-meta\#(namespaces) office:version="1.2"><office:meta>"# + meta + "</office:meta></office:document-meta>"
    }
}
