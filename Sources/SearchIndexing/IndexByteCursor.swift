/// Reads the varints of one binary index file (`t/<n>.bin`, `r/index.bin`) front to back, checking
/// each number against the range the format allows before anyone computes with it: a damaged file
/// becomes a ``SearchIndexError/damaged(file:problem:)`` naming the file, never a trap or a huge loop.
struct IndexByteCursor {
    let bytes: [UInt8]
    /// The file's path in the index folder, for the message.
    let file: String
    var offset: Int

    init(_ bytes: [UInt8], file: String, offset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.offset = offset
    }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// The next varint, which must lie in `lowest...highest` (no range is built: `highest` may be
    /// below `lowest` when the file has no room left, and then every value is damage); `what` names
    /// the number in German for the message.
    mutating func number(from lowest: Int, through highest: Int, _ what: @autoclosure () -> String) throws(SearchIndexError) -> Int {
        guard let value = VarInt.read(bytes, &offset) else { throw damage("\(what()) ist abgeschnitten oder zu lang") }
        guard value >= lowest && value <= highest else { throw damage("\(what()) (\(value)) liegt nicht zwischen \(lowest) und \(highest)") }
        return value
    }

    /// Whether the file starts with `magic`.
    func starts(with magic: String) -> Bool { bytes.starts(with: Array(magic.utf8)) }

    /// The error for this file.
    func damage(_ problem: String) -> SearchIndexError { .damaged(file: file, problem: problem) }
}
