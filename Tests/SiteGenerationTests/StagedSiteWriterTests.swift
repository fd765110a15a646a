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
        #expect(leftovers == ["public"], "no staging folder may be left behind")
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
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
}
