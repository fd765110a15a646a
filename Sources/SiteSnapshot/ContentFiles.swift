import Foundation
public import FileAccess
public import SiteModel

/// The files of `content/` that outputs publish, size or package, read through the project's one
/// reader (``ProjectFiles``), each from the disk at most once, with one error policy: a file that
/// cannot be read any more (deleted or swapped for a link since loading) is an error at the file,
/// and every output leaves it out.
///
/// Files read for a package are kept until the copy into the site takes them (``take(_:)``), so
/// the package, the DCAT catalogue's byte size and the copy share one read; other files are not
/// held in memory.
public final class ContentFiles: @unchecked Sendable {
    private let reader: ProjectFiles
    /// SVGs as the site publishes them (rewritten without script), by path below `content/`.
    private let rewritten: [String: [UInt8]]
    private let lock = NSLock()
    private var kept: [String: [UInt8]] = [:]
    private var sizes: [String: Int] = [:]
    private var failed: [String: Diagnostic] = [:]

    public init(reader: ProjectFiles, rewritten: [String: [UInt8]] = [:]) {
        self.reader = reader
        self.rewritten = rewritten
    }

    /// The published bytes of a file below `content/`, kept for later readers; nil when it cannot be read.
    public func contents(of contentPath: String) -> [UInt8]? {
        if let bytes = rewritten[contentPath] ?? lock.withLock({ kept[contentPath] }) { return bytes }
        guard let bytes = read(contentPath) else { return nil }
        lock.withLock { kept[contentPath] = bytes; sizes[contentPath] = bytes.count }
        return bytes
    }

    /// The published bytes of a file for its last reader (the copy into the site), released after.
    public func take(_ contentPath: String) -> [UInt8]? {
        if let bytes = rewritten[contentPath] ?? lock.withLock({ kept.removeValue(forKey: contentPath) }) { return bytes }
        return read(contentPath)
    }

    /// The published size of a file in bytes, without reading it; nil when it cannot be read.
    public func size(of contentPath: String) -> Int? {
        if let bytes = rewritten[contentPath] { return bytes.count }
        if let known = lock.withLock({ sizes[contentPath] }) { return known }
        // A read allowed no bytes stops after the same checks as a full read and says how large the file is.
        let size: Int?
        switch reader.read(Self.prefix + contentPath, maximumBytes: 0) {
        case .success(let bytes): size = bytes.count
        case .failure(.tooLarge(let bytes)): size = bytes
        case .failure(let problem): record(problem, at: contentPath); size = nil
        }
        if let size { lock.withLock { sizes[contentPath] = size } }
        return size
    }

    /// The files that could not be read, one error each, in path order.
    public var diagnostics: [Diagnostic] {
        lock.withLock { failed.keys.sorted().compactMap { failed[$0] } }
    }

    private func read(_ contentPath: String) -> [UInt8]? {
        switch reader.read(Self.prefix + contentPath) {
        case .success(let bytes): return bytes
        case .failure(let problem): record(problem, at: contentPath); return nil
        }
    }

    private func record(_ problem: ProjectFileProblem, at contentPath: String) {
        lock.withLock {
            failed[contentPath] = failed[contentPath] ?? .error(
                at: SourceLocation(file: Self.prefix + contentPath, line: 1, column: 1),
                "Die Datei ließ sich beim Veröffentlichen nicht mehr lesen: \(problem.description)", hint: problem.hint)
        }
    }

    private static let prefix = "content/"
}
