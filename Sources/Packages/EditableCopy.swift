/// The editable OpenDocument copy a reuse package carries beside a text or table attachment, so
/// that a clerk edits the model instruction in the word processor instead of retyping it:
/// `.txt` as OpenDocument text (see ``PlainTextDocument``), `.csv` as OpenDocument spreadsheet
/// (see ``OpenDocumentSpreadsheet``).
enum EditableCopy {
    /// The copy's path for the file at `packagePath`, or nil when vcc makes none for its type.
    static func path(for packagePath: String) -> String? {
        guard let dot = packagePath.lastIndex(of: "."), !packagePath[dot...].contains("/") else { return nil }
        let stem = packagePath[..<dot]
        guard !stem.hasSuffix("/"), !stem.isEmpty else { return nil }
        switch packagePath[packagePath.index(after: dot)...].lowercased() {
        case "txt": return stem + ".odt"
        case "csv": return stem + ".ods"
        default: return nil
        }
    }

    /// The copy of `contents`, the file at `packagePath`; nil when vcc makes none for its type.
    /// - Parameters:
    ///   - title: the attachment's title, for the document's metadata and as its heading.
    ///   - date: the blueprint's version, the date of the copy's ZIP entries.
    static func contents(of contents: [UInt8], at packagePath: String, title: String, language: String, date: ISODate?) -> [UInt8]? {
        guard let path = path(for: packagePath) else { return nil }
        // Invalid UTF-8 is repaired rather than refused: the original lies beside the copy.
        let text = String(decoding: contents, as: UTF8.self)
        if path.hasSuffix(".ods") {
            return OpenDocumentSpreadsheet.file(table: CSVTable(text), title: title, language: language, date: date)
        }
        return PlainTextDocument.file(text: text, title: title, language: language, date: date)
    }
}
