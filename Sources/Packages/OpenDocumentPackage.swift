import SiteModel
/// The ZIP structure every OpenDocument file shares (ODF 1.2, part 3): `mimetype` first and
/// stored, so that tools recognise the type from the first bytes, then `META-INF/manifest.xml`
/// and the XML parts. ``OpenDocumentText`` and ``OpenDocumentSpreadsheet`` differ only in their
/// media type and parts; the same parts always give the same bytes.
struct OpenDocumentPackage {
    /// E.g. `application/vnd.oasis.opendocument.text`.
    var mediaType: String
    /// The XML parts by path (`content.xml`, `styles.xml`, `meta.xml`), without the XML declaration.
    var parts: [(path: String, xml: String)]
    /// The date of every ZIP entry; nil for 1980-01-01, the DOS epoch.
    var date: ISODate?

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

    /// The file's bytes.
    ///
    /// Traps only if a part reaches 4 GiB, the ZIP limit, which nothing held in memory as a
    /// blueprint or attachment can reach.
    func bytes() -> [UInt8] {
        var archive = ZipArchive(date: date.map { ($0.year, $0.month, $0.day) } ?? (1980, 1, 1))
        do {
            try archive.add(path: "mimetype", contents: Array(mediaType.utf8), compress: false)
            for part in [("META-INF/manifest.xml", manifestXML)] + parts {
                try archive.add(path: part.0, contents: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + part.1).utf8))
            }
        } catch {
            preconditionFailure("\(error)")
        }
        return archive.bytes()
    }

    private var manifestXML: String {
        #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#
            + #"<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="\#(mediaType)"/>"#
            + parts.map { #"<manifest:file-entry manifest:full-path="\#($0.path)" manifest:media-type="text/xml"/>"# }.joined()
            + "</manifest:manifest>"
    }

    /// meta.xml: title, description, language, dates and source; no editing time or statistics,
    /// which would only be wrong once someone edits the document.
    static func metaXML(title: String, description: String, language: String, date: ISODate?, source: String) -> String {
        var meta = "<meta:generator>vcc</meta:generator>"
        meta += "<dc:title>\(XMLText.escaped(title))</dc:title>"
        if !description.isEmpty { meta += "<dc:description>\(XMLText.escaped(description))</dc:description>" }
        meta += "<dc:language>\(XMLText.escaped(language))</dc:language>"
        if let date {
            meta += "<meta:creation-date>\(date.text)T00:00:00</meta:creation-date><dc:date>\(date.text)T00:00:00</dc:date>"
        }
        if !source.isEmpty {
            meta += #"<meta:user-defined meta:name="Quelle">\#(XMLText.escaped(source))</meta:user-defined>"#
        }
        return #"<office:document-meta\#(namespaces) office:version="1.2"><office:meta>"# + meta + "</office:meta></office:document-meta>"
    }
}
