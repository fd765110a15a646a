import Foundation
import SiteModel
import SiteSnapshot

/// Every path a build will write, with the output and the source that ask for it, derived from
/// the outputs' claims and checked for collisions before anything is written: a content file
/// that would overwrite a file vcc generates (`content/sitemap.xml`), two sources with one output
/// (`a.md` beside `a/index.html`), or a file where another output needs a folder. Each collision
/// is an error naming both sources; generated files win, and the files that lose are left out
/// (see ``sink(for:wrapping:)``), so the build ends with exit 1, not with a write failure.
struct OutputPlan {
    typealias Origin = OutputClaim.Origin

    /// A path's owner: what asks for it, and the position of the output that writes it.
    private struct Owner {
        var origin: Origin
        var output: Int
    }

    private var owners: [String: Owner] = [:]
    private var order: [String] = []
    /// Folders an output fills with files it names only while writing (the search index).
    private var folders: [(path: String, owner: Owner)] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Paths left out of the output because a folder of the same name is needed.
    private(set) var blockedPaths: Set<String> = []

    /// The plan of every claim of `outputs`, checked.
    init(outputs: [any SiteOutput], directory: SiteDirectory) {
        let claims = outputs.enumerated().flatMap { index, output in output.claims(directory).map { (claim: $0, output: index) } }
        folders = claims.filter(\.claim.isFolder).map { ($0.claim.path, Owner(origin: $0.claim.origin, output: $0.output)) }
        for (claim, output) in claims where !claim.isFolder {
            if let folder = folders.first(where: { claim.path.hasPrefix($0.path) }) { self.claim(claim.path, by: folder.owner) }
            self.claim(claim.path, by: Owner(origin: claim.origin, output: output))
        }
        checkFoldersAgainstFiles()
    }

    /// A sink for the output at position `output`: it passes on the paths that output owns (or
    /// files inside a folder it claimed) and refuses any other with ``UnplannedOutput``, so the
    /// plan and the writing cannot drift apart unnoticed, in release builds too. After a
    /// collision, a path the output lost is left out, and each path is written once.
    func sink(for output: Int, wrapping base: some OutputSink, counter: FileCounter) -> any OutputSink {
        OwnedPathsSink(plan: self, output: output, base: base, counter: counter)
    }

    /// Whether the output at `output` may write `path`; nil when no output claimed it.
    fileprivate func permits(_ path: String, to output: Int) -> Bool? {
        if let owner = owners[path] { return owner.output == output && !blockedPaths.contains(path) }
        if let folder = folders.first(where: { path.hasPrefix($0.path) }) { return folder.owner.output == output }
        return nil
    }

    /// Records that `owner` will write `path`; a second claim on one path is an error.
    private mutating func claim(_ path: String, by owner: Owner) {
        guard let first = owners[path] else {
            owners[path] = owner
            order.append(path)
            return
        }
        let (winner, loser) = Self.ranked(first, owner)
        if case .content(let source) = loser.origin {
            diagnostics.append(.error(
                at: SourceLocation(file: source, line: 1, column: 1),
                "\(source) ergibt dieselbe Ausgabedatei `\(path)` wie \(winner.origin.description).",
                hint: Self.hint(for: winner.origin)))
        }
        owners[path] = winner
    }

    /// Checks that no output file stands where another output needs a folder (`a` and `a/b.html`).
    private mutating func checkFoldersAgainstFiles() {
        for path in order {
            guard let needing = owners[path] else { continue }
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard let fileOwner = owners[String(folder)] else { continue }
                let (winner, loser) = Self.ranked(needing, fileOwner)
                if case .content(let source) = loser.origin {
                    diagnostics.append(.error(
                        at: SourceLocation(file: source, line: 1, column: 1),
                        "\(source) und \(winner.origin.description) vertragen sich nicht: `\(folder)` wäre zugleich Datei und Ordner.",
                        hint: Self.hint(for: winner.origin)))
                }
                blockedPaths.insert(String(folder))
                break
            }
        }
    }

    /// Generated files keep their path; of two content files, the one first in path order does.
    private static func ranked(_ a: Owner, _ b: Owner) -> (winner: Owner, loser: Owner) {
        switch (a.origin, b.origin) {
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

/// The files a build wrote, counted across its outputs; after a collision, each path once.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var written: Set<String> = []

    /// The number of files written.
    var count: Int { lock.withLock { written.count } }

    /// Records `path`; false when it was written before.
    fileprivate func record(_ path: String) -> Bool { lock.withLock { written.insert(path).inserted } }
}

/// One output's view of the sink (see ``OutputPlan/sink(for:wrapping:counter:)``).
private struct OwnedPathsSink<Base: OutputSink>: OutputSink {
    let plan: OutputPlan
    let output: Int
    let base: Base
    let counter: FileCounter

    func accept(_ file: OutputFile) throws {
        guard let permitted = plan.permits(file.path, to: output) else { throw UnplannedOutput(path: file.path) }
        // A path another output won, or one written already by the loser of a collision, is left out.
        guard permitted, counter.record(file.path) else { return }
        try base.accept(file)
    }

    func moveFolder(_ from: String, to: String) throws {
        for path in [from, to] where plan.permits(path, to: output) != true { throw UnplannedOutput(path: path) }
        try base.moveFolder(from, to: to)
    }
}

/// A file an output wrote without claiming it: a fault of vcc, not of the content.
struct UnplannedOutput: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "Interner Fehler: vcc wollte `\(path)` schreiben, ohne die Datei im Ausgabeplan anzumelden; nichts wurde veröffentlicht. "
            + "Bitte melde das den Entwicklern von vcc."
    }
}
