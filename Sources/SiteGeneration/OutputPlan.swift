import Foundation
import SiteModel

/// Every path a build will write, with what asks for it, checked for collisions before anything is
/// written: a content file that would overwrite a file vcc generates (`content/sitemap.xml`), two
/// sources with one output (`a.md` beside `a/index.html`), or a file where another output needs a
/// folder. Each collision is an error naming both sources; generated files win, and the files
/// that lose are left out (see ``sink(wrapping:)``), so the build ends with exit 1, not with a
/// write failure.
struct OutputPlan {
    /// What asks for an output path.
    enum Origin: Equatable {
        /// A file under `content/` (a page's Markdown or a copied file), by its project-relative path.
        case content(String)
        /// Something vcc makes itself, described in words ("die Sitemap").
        case generated(String)

        var description: String {
            switch self {
            case .content(let path): path
            case .generated(let what): what
            }
        }
    }

    private var owners: [String: Origin] = [:]
    private var order: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Paths left out of the output because a folder of the same name is needed.
    private(set) var blockedPaths: Set<String> = []

    /// Records that `origin` will write `path`; a second claim on one path is an error.
    mutating func claim(_ path: String, by origin: Origin) {
        guard let first = owners[path] else {
            owners[path] = origin
            order.append(path)
            return
        }
        let (winner, loser) = Self.ranked(first, origin)
        if case .content(let source) = loser {
            diagnostics.append(.error(
                at: SourceLocation(file: source, line: 1, column: 1),
                "\(source) ergibt dieselbe Ausgabedatei `\(path)` wie \(winner.description).",
                hint: Self.hint(for: winner)))
        }
        owners[path] = winner
    }

    /// Checks that no output file stands where another output needs a folder (`a` and `a/b.html`).
    mutating func checkFoldersAgainstFiles() {
        for path in order {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard let fileOwner = owners[String(folder)] else { continue }
                let needing = owners[path]!
                let (winner, loser) = Self.ranked(needing, fileOwner)
                if case .content(let source) = loser {
                    diagnostics.append(.error(
                        at: SourceLocation(file: source, line: 1, column: 1),
                        "\(source) und \(winner.description) vertragen sich nicht: `\(folder)` wäre zugleich Datei und Ordner.",
                        hint: Self.hint(for: winner)))
                }
                blockedPaths.insert(String(folder))
                break
            }
        }
    }

    /// `sink` itself when nothing collided; otherwise a sink that writes each path once and leaves
    /// out blocked paths, so the build can finish and report.
    func sink(wrapping sink: some OutputSink) -> any OutputSink {
        diagnostics.isEmpty ? sink : CollisionTolerantSink(base: sink, blocked: blockedPaths)
    }

    /// Generated files keep their path; of two content files, the one first in path order does.
    private static func ranked(_ a: Origin, _ b: Origin) -> (winner: Origin, loser: Origin) {
        switch (a, b) {
        case (.generated, _): (a, b)
        case (_, .generated): (b, a)
        case (.content(let x), .content(let y)): x.utf8.lexicographicallyPrecedes(y.utf8) ? (a, b) : (b, a)
        }
    }

    private static func hint(for winner: Origin) -> String {
        switch winner {
        case .generated: "Diese Datei erzeugt vcc selbst; benenne deine Datei um oder verschiebe sie in einen anderen Ordner."
        case .content: "Benenne eine der beiden Dateien um; jede Ausgabedatei braucht genau eine Quelle."
        }
    }
}

/// Writes each path once and leaves out blocked ones; used only for a build that already failed.
private final class CollisionTolerantSink<Base: OutputSink>: OutputSink, @unchecked Sendable {
    private let base: Base
    private let blocked: Set<String>
    private let lock = NSLock()
    private var written: Set<String> = []

    init(base: Base, blocked: Set<String>) {
        self.base = base
        self.blocked = blocked
    }

    func accept(_ file: OutputFile) throws {
        guard !blocked.contains(file.path), lock.withLock({ written.insert(file.path).inserted }) else { return }
        try base.accept(file)
    }

    func moveFolder(_ from: String, to: String) throws { try base.moveFolder(from, to: to) }
}
