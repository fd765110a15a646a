import Foundation
import SiteModel
import SiteWriter
import Testing

@Suite("Staged site writer")
struct StagedSiteWriterTests {
    func temporaryFolder() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory() + "vcc-writer-" + UUID().uuidString)
    }

    @Test("a discarded build leaves the previous output exactly as it was")
    func discardKeepsOutput() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output)
        try first.accept(OutputFile(path: "index.html", text: "alt"))
        try first.commit()
        let second = try StagedSiteWriter(outputFolder: output)
        try second.accept(OutputFile(path: "index.html", text: "neu"))
        try second.accept(OutputFile(path: "extra/seite.html", text: "neu"))
        second.discard()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "alt")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("extra").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(leftovers.filter { !$0.hasSuffix(".vcc-sperre") } == ["public"], "no staging folder may be left behind")
    }

    @Test("commit replaces the whole output, removing files of the previous build")
    func commitReplaces() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output)
        try first.accept(OutputFile(path: "alt.html", text: "alt"))
        try first.commit()
        let second = try StagedSiteWriter(outputFolder: output)
        try second.accept(OutputFile(path: "a/b/neu.html", text: "neu"))
        try second.commit()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("alt.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/b/neu.html").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasSuffix(".vcc-sperre") }
        #expect(names == ["public"])
    }

    @Test("two files with one path and paths leaving the folder are refused")
    func invalidPaths() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = try StagedSiteWriter(outputFolder: root.appendingPathComponent("public"))
        defer { writer.discard() }
        try writer.accept(OutputFile(path: "x.html", text: "1"))
        #expect(throws: SiteWriterError.self) { try writer.accept(OutputFile(path: "x.html", text: "2")) }
        #expect(throws: SiteWriterError.self) { try writer.accept(OutputFile(path: "../x.html", text: "2")) }
    }

    @Test("a folder vcc did not write, the project and the folders above it are refused, and nothing is touched")
    func foreignFoldersAreRefused() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("projekt")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("content/blaupausen"), withIntermediateDirectories: true)
        let notes = root.appendingPathComponent("notizen")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("wichtig".utf8).write(to: notes.appendingPathComponent("a.txt"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
        for output in [project, root, project.appendingPathComponent("content"), project.appendingPathComponent("content/blaupausen"),
                       project.appendingPathComponent("templates"), notes, URL(fileURLWithPath: "/")] {
            #expect(throws: SiteWriterError.self, "\(output.path)") {
                _ = try StagedSiteWriter(outputFolder: output, sourceFolder: project.path)
            }
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted() == before)
        // A site vcc wrote itself is replaced.
        let output = project.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output, sourceFolder: project.path)
        try first.commit()
        let second = try StagedSiteWriter(outputFolder: output, sourceFolder: project.path)
        second.discard()
    }

    @Test("a second writer for the same output is refused while the first one is open")
    func concurrentBuildsAreSerialised() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output)
        try first.accept(OutputFile(path: "a.html", text: "1"))
        #expect {
            _ = try StagedSiteWriter(outputFolder: output)
        } throws: { error in
            if case SiteWriterError.busy = error { return true } else { return false }
        }
        // The refused writer did not remove the first one's staging folder.
        #expect(FileManager.default.fileExists(atPath: first.stagingFolder.appendingPathComponent("a.html").path))
        try first.commit()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.html").path))
    }

    @Test("a swap interrupted between its two renames gets the previous site back instead of deleting it")
    func interruptedSwapIsRestored() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output)
        try first.accept(OutputFile(path: "index.html", text: "alt"))
        try first.commit()
        // What a build killed after the first rename of a two-rename swap leaves behind.
        let old = root.appendingPathComponent(".public.vcc-alt-99999")
        try FileManager.default.moveItem(at: output, to: old)
        let next = try StagedSiteWriter(outputFolder: output)
        next.discard()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "alt")
        #expect(!FileManager.default.fileExists(atPath: old.path))
    }

    @Test("leftovers are removed only when vcc wrote them, and a symbolic link in them is not followed")
    func leftoversAreRemovedCarefully() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let precious = root.appendingPathComponent("wertvoll")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: precious.appendingPathComponent("datei.txt"))
        // A user's folder whose name only looks like a leftover, and a real leftover with a link inside.
        let lookalike = root.appendingPathComponent(".public.vcc-staging-1")
        try FileManager.default.createDirectory(at: lookalike, withIntermediateDirectories: true)
        let leftover = root.appendingPathComponent(".public.vcc-staging-2")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(".vcc-ausgabe"))
        try FileManager.default.createSymbolicLink(at: leftover.appendingPathComponent("link"), withDestinationURL: precious)
        let writer = try StagedSiteWriter(outputFolder: output)
        try writer.commit()
        Thread.sleep(forTimeInterval: 0.3)  // Leftovers may go in the background.
        #expect(FileManager.default.fileExists(atPath: lookalike.path))
        #expect(FileManager.default.fileExists(atPath: precious.appendingPathComponent("datei.txt").path))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test("commit swaps atomically: the output folder exists at every moment")
    func commitIsAtomic() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let first = try StagedSiteWriter(outputFolder: output)
        try first.accept(OutputFile(path: "index.html", text: "0"))
        try first.commit()
        let watching = Flag()
        let missing = Flag()
        let watcher = Thread {
            while !watching.isSet {
                if !FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path) { missing.set() }
            }
        }
        watcher.start()
        for round in 1...30 {
            let writer = try StagedSiteWriter(outputFolder: output)
            try writer.accept(OutputFile(path: "index.html", text: "\(round)"))
            try writer.commit()
        }
        watching.set()
        #expect(!missing.isSet, "the output folder was missing for a moment during a swap")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "30")
    }
}

/// A thread-safe boolean for the tests.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
