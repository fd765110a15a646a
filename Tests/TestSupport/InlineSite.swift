public import ContentLoading
import Foundation
public import SiteGeneration
public import SiteModel

/// A small site written from a `[path: contents]` table into a temporary folder, for pipeline tests.
public struct InlineSite {
    /// The temporary project folder.
    public let root: String

    /// Writes `files` (paths relative to the project folder) into a new temporary folder.
    public init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "vcc-test-" + UUID().uuidString
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    }

    private init(root: String) { self.root = root }

    /// Wraps an existing project folder (the repository's sample site) without copying it.
    public static func existing(_ root: String) throws -> InlineSite { InlineSite(root: root) }

    /// Writes raw bytes, for encoding tests.
    public func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    /// Loads and builds the site in memory.
    public func build(drafts: Bool = false, options: BuildOptions = BuildOptions(sourceDateEpoch: 1_700_000_000)) throws -> BuiltSite {
        let project = try ContentLoader(includesDrafts: drafts).loadProject(at: root)
        let sink = MemorySink()
        let summary = try SiteBuilder(options: options).build(project, into: sink)
        return BuiltSite(files: sink.files, summary: summary)
    }

    /// Removes the temporary folder.
    public func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The result of an in-memory build.
public struct BuiltSite: Sendable {
    public let files: [String: [UInt8]]
    public let summary: BuildSummary

    public var diagnostics: [Diagnostic] { summary.diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The text of an output file, or nil.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Collects output files in memory.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: [UInt8]] = [:]

    public init() {}

    public func accept(_ file: OutputFile) throws {
        lock.withLock { stored[file.path] = file.contents }
    }

    public func moveFolder(_ from: String, to: String) throws {
        lock.withLock { stored = stored.movingFolder(from, to: to) }
    }

    public var files: [String: [UInt8]] { lock.withLock { stored } }
}

/// Front matter for a valid blueprint, with one field replaceable, for tests that break one thing.
public enum Fixtures {
    public static let municipality = """
    ---
    name: Marburg
    official_name: Universitätsstadt Marburg
    ags: "06534014"
    website: https://www.marburg.de
    ---
    Text über Marburg.
    """

    public static func blueprint(title: String = "Digitaler Posteingang", municipalities: String = "[marburg]",
                                 extra: String = "", body: String = "## Ziele\n\nPost wird gescannt.") -> String {
        """
        ---
        title: \(title)
        summary: Post wird zentral gescannt.
        municipalities: \(municipalities)
        themes: [Digitale Verwaltung]
        maturity: pilot
        license: CC-BY-4.0
        contact: {name: Stabsstelle, email: digital@example.org}
        updated: 2024-05-01
        \(extra)
        ---
        \(body)
        """
    }
}

/// `suche/index/<version>/`: the folder that the index's entry file names in a set of output files.
public func indexVersionFolder(_ files: [String: [UInt8]]) -> String {
    let entry = files["suche/index/current.json"].map { String(decoding: $0, as: UTF8.self) } ?? ""
    let version = entry.split(separator: "\"").dropFirst(7).first.map(String.init) ?? "?"
    return "suche/index/" + version + "/"
}
