import ArgumentParser
import ContentLoading
import Foundation
import SiteGeneration
import SiteModel
import SiteWriter
import ParallelSteps

/// `vcc build`: content + templates into the output folder, swapped in only when the build has no errors.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Baut die Website aus site.yml, content/ und templates/ nach public/.")

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Zielordner der Website (Standard: QUELLE/public).", valueName: "ordner"))
    var output: String?

    @OptionGroup var address: BaseURLOption

    @Flag(name: .long, help: "Entwürfe (draft: true) mit bauen.")
    var drafts = false

    @Flag(name: .long, help: "Dauer der einzelnen Schritte ausgeben.")
    var timings = false

    func run() throws {
        let root = try project.resolvedSourceFolder()
        let outputFolder = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? root + "/public"
        let started = DispatchTime.now().uptimeNanoseconds
        var clock = StepClock()
        // A folder vcc must not replace is refused before any work, with nothing touched.
        let outputURL = URL(fileURLWithPath: outputFolder)
        if let refusal = StagedSiteWriter.refusal(forOutput: outputURL, sourceFolder: root) {
            Console.error("\(refusal)")
            throw VCCExit.environment
        }
        let loaded: LoadedProject
        do {
            loaded = try ContentLoader(includesDrafts: drafts).loadProject(at: root)
        } catch {
            Console.error("\(error)")
            throw VCCExit.environment
        }
        clock.lap("Inhalte laden")
        let builder = SiteBuilder(options: BuildOptions(baseURL: address.baseURL, sourceDateEpoch: Environment.sourceDateEpoch))
        let writer: StagedSiteWriter
        do {
            writer = try StagedSiteWriter(outputFolder: outputURL, sourceFolder: root)
        } catch let refusal as SiteWriterError {
            Console.error("\(refusal)")
            throw VCCExit.environment
        } catch {
            Console.error("Der Zielordner \(outputFolder) kann nicht vorbereitet werden: \(error)")
            throw VCCExit.environment
        }
        let summary: BuildSummary
        do {
            summary = try builder.build(loaded, into: writer)
        } catch {
            writer.discard()
            Console.error("Die Website kann nicht geschrieben werden: \(error)")
            throw VCCExit.environment
        }
        Console.report(summary.diagnostics, relativeTo: project.source)
        if summary.diagnostics.containsErrors {
            writer.discard()
            let count = summary.diagnostics.filter { $0.severity == .error }.count
            Console.error("Build abgebrochen: \(count) Fehler. \(outputFolder) bleibt unverändert.")
            throw VCCExit.contentErrors
        }
        clock.append(summary.timings)
        do {
            try writer.commit(removingPreviousInBackground: true)
        } catch {
            writer.discard()
            Console.error("Die fertige Website kann nicht nach \(outputFolder) verschoben werden: \(error)")
            throw VCCExit.environment
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        clock.lap("Ausgabe tauschen")
        if timings {
            Console.info("  Schritt" + String(repeating: " ", count: 21) + "   Zeit      CPU")
            for lap in clock.laps {
                let padding = String(repeating: " ", count: max(1, 28 - lap.step.count))
                Console.info("  " + lap.step + padding + String(format: "%7.3f s %7.3f s", lap.seconds, lap.cpuSeconds))
            }
        }
        Console.info(String(format: "%d Seiten, %d Dateien nach %@ geschrieben (%.2f s).",
                            summary.pageCount, summary.fileCount, outputFolder, seconds))
        ProcessExit.keep((loaded, summary))
    }
}
