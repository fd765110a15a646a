/// One file of the built site, with its path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// The path inside the output folder, with `/` separators, for example `blaupausen/index.html`.
    public let path: String
    /// The bytes to write.
    public let contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = Array(text.utf8)
    }
}

/// Receives the output files of a build one at a time, so a large site need not be held in memory.
public protocol OutputSink: Sendable {
    /// Accepts one file. Called from several threads at once; implementations must be thread-safe.
    func accept(_ file: OutputFile) throws
}
