/// What a file is, by its extension: the IANA media type and the EU's file-type code (DCAT-AP's
/// `dct:format`). One table for the catalogue's downloads and the preview's `Content-Type`, so
/// the two cannot disagree (they once did on `.md`: text/markdown in the catalogue and on nginx,
/// text/plain in the preview).
public struct MediaType: Sendable, Equatable {
    /// `application/pdf`.
    public var name: String
    /// `PDF`, from the EU's file-type vocabulary; `BIN` for what it does not name.
    public var euFileType: String

    /// The type of the file at `path`; `application/octet-stream` for unknown extensions.
    public static func of(_ path: String) -> MediaType {
        let name = path.split(separator: "/").last ?? ""
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        return known[fileExtension] ?? MediaType(name: "application/octet-stream", euFileType: "BIN")
    }

    /// The `Content-Type` header: text types say that they are UTF-8, as vcc writes them.
    public var header: String {
        name.hasPrefix("text/") || name == "application/xml" ? name + "; charset=utf-8" : name
    }

    private static let known: [String: MediaType] = [
        "html": MediaType(name: "text/html", euFileType: "HTML"),
        "htm": MediaType(name: "text/html", euFileType: "HTML"),
        "css": MediaType(name: "text/css", euFileType: "CSS"),
        "js": MediaType(name: "text/javascript", euFileType: "JS"),
        "mjs": MediaType(name: "text/javascript", euFileType: "JS"),
        "json": MediaType(name: "application/json", euFileType: "JSON"),
        "xml": MediaType(name: "application/xml", euFileType: "XML"),
        "svg": MediaType(name: "image/svg+xml", euFileType: "SVG"),
        "png": MediaType(name: "image/png", euFileType: "PNG"),
        "jpg": MediaType(name: "image/jpeg", euFileType: "JPEG"),
        "jpeg": MediaType(name: "image/jpeg", euFileType: "JPEG"),
        "pdf": MediaType(name: "application/pdf", euFileType: "PDF"),
        "txt": MediaType(name: "text/plain", euFileType: "TXT"),
        "md": MediaType(name: "text/markdown", euFileType: "TXT"),
        "csv": MediaType(name: "text/csv", euFileType: "CSV"),
        "odt": MediaType(name: "application/vnd.oasis.opendocument.text", euFileType: "ODT"),
        "ods": MediaType(name: "application/vnd.oasis.opendocument.spreadsheet", euFileType: "ODS"),
        "docx": MediaType(name: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", euFileType: "DOCX"),
        "xlsx": MediaType(name: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", euFileType: "XLSX"),
        "zip": MediaType(name: "application/zip", euFileType: "ZIP"),
        "ics": MediaType(name: "text/calendar", euFileType: "ICS"),
        "vtt": MediaType(name: "text/vtt", euFileType: "TXT"),
        "mp4": MediaType(name: "video/mp4", euFileType: "MP4"),
        "webm": MediaType(name: "video/webm", euFileType: "WEBM"),
    ]
}
