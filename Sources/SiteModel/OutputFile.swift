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

    /// Moves every file under the folder `from` (a path ending in `/`) to the folder `to`, which must
    /// not exist yet. The search index is written under a temporary name and moved to a name made
    /// of its own fingerprint once every file of it is known.
    func moveFolder(_ from: String, to: String) throws
}

extension Dictionary where Key == String {
    /// The same entries with every key under the folder `from` moved under `to`, for in-memory sinks.
    public func movingFolder(_ from: String, to: String) -> [String: Value] {
        var moved: [String: Value] = [:]
        moved.reserveCapacity(count)
        for (path, value) in self {
            moved[path.hasPrefix(from) ? to + path.dropFirst(from.count) : path] = value
        }
        return moved
    }
}
