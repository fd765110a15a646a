import Foundation

/// The files a ``MarkdownRenderer`` parsed, in order: lets a test see that a build parses each
/// body once. A build without one records nothing.
public final class MarkdownParseLog: @unchecked Sendable {
    // Pages are parsed on several threads at once.
    private let lock = NSLock()
    private var files: [String] = []

    public init() {}

    func record(_ file: String) {
        lock.withLock { files.append(file) }
    }

    /// How often the file at `sourcePath` was parsed.
    public func parses(of sourcePath: String) -> Int {
        lock.withLock { files.filter { $0 == sourcePath }.count }
    }
}
