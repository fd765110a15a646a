import Foundation
import SiteGeneration
import SiteModel
import SiteSnapshot
import Testing
import TestSupport

/// A new output format is one type (this file's `HumansTXT`) and one line in the output list
/// (here `additionalOutputs`); its paths join the output plan like vcc's own.
@Suite("Outputs as a family")
struct OutputFamilyTests {
    /// A throw-away format: `humans.txt` naming the cities of the cooperation.
    struct HumansTXT: SiteOutput {
        func claims(_ directory: SiteDirectory) -> [OutputClaim] { [.generatedFile("humans.txt")] }
        func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
            let cities = site.routes.entries(of: .municipality).map(\.document.title).sorted()
            try sink.accept(OutputFile(path: "humans.txt", text: "/* TEAM */\n" + cities.joined(separator: "\n") + "\n"))
        }
    }

    /// An output that writes a file it never claimed.
    struct Unplanned: SiteOutput {
        func claims(_ directory: SiteDirectory) -> [OutputClaim] { [] }
        func write(_ site: SiteSnapshot, ledger: inout OutputLedger, into sink: some OutputSink) throws {
            try sink.accept(OutputFile(path: "heimlich.txt", text: "x"))
        }
    }

    let files = ["content/kommunen/marburg.md": Fixtures.municipality]

    private func options(_ outputs: [any SiteOutput]) -> BuildOptions {
        var options = BuildOptions(sourceDateEpoch: 1_700_000_000)
        options.additionalOutputs = outputs
        return options
    }

    @Test("a new output is written from the snapshot")
    func newOutput() throws {
        let site = try InlineSite(files)
        defer { site.remove() }
        let built = try site.build(options: options([HumansTXT()]))
        #expect(built.errors.isEmpty, "\(built.errors)")
        #expect(built.text("humans.txt") == "/* TEAM */\nMarburg\n")
    }

    @Test("a content file that takes the new output's path is an error naming both")
    func newOutputCollides() throws {
        let site = try InlineSite(files.merging(["content/humans.txt": "meins"]) { a, _ in a })
        defer { site.remove() }
        let built = try site.build(options: options([HumansTXT()]))
        let error = try #require(built.errors.first { $0.location.file == "content/humans.txt" })
        #expect(error.message.contains("die Datei humans.txt, die vcc erzeugt"))
        #expect(built.text("humans.txt")?.hasPrefix("/* TEAM */") == true, "the generated file wins")
    }

    @Test("an output that writes a path it did not claim fails the build, in release builds too")
    func unplannedWrite() throws {
        let site = try InlineSite(files)
        defer { site.remove() }
        #expect(throws: (any Error).self) { try site.build(options: options([Unplanned()])) }
    }

    @Test("the build counts every file it writes, packages and the search index included")
    func fileCount() throws {
        let site = try InlineSite(files)
        defer { site.remove() }
        let built = try site.build()
        #expect(built.summary.fileCount == built.files.count)
    }
}
