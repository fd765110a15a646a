public import SiteModel

/// One record of a CSV file (RFC 4180) with where each of its fields starts, so a message about a
/// value can name the line and column a spreadsheet or editor shows.
public struct CSVRecord: Sendable, Hashable {
    /// One field: its text with the quotes removed, and the line and column of its first character.
    public struct Field: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public var fields: [Field]
    /// The line the record starts on (a quoted field may continue over several lines).
    public var line: Int
    /// The column just after the record's last character, for a message about a missing field.
    public var endColumn: Int

    /// The fields' texts.
    public var texts: [String] { fields.map(\.text) }
}
