import ArgumentParser
import ContentLoading
import ExternalLinks
import Foundation
import SiteGeneration
import SiteModel

/// `vcc check`: builds in memory and reports what builds but hurts readers, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prüft die Inhalte ohne zu schreiben: alles, was vcc build meldet, dazu Bilder ohne Alternativtext, "
            + "übersprungene Überschriften-Ebenen, nichtssagende Linktexte, veraltete Blaupausen, Seiten ohne Zusammenfassung, fehlende Pflichtseiten.",
        discussion: "Exit-Codes: 0 ohne Fehler (mit --strict: ohne Warnungen), 1 sonst, 2 Aufruf- oder Umgebungsfehler. "
            + "Blaupausen, die zur Überprüfung anstehen (`review.after_months` in site.yml, Vorgabe 24 Monate), bleiben auch mit --strict "
            + "Warnungen, außer site.yml setzt `review: {strict: true}`: ein Datum allein soll keine CI-Pipeline brechen.")

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Warnungen als Fehler behandeln (für CI); anstehende Überprüfungen nur mit `review: {strict: true}` in site.yml.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Befunde zusätzlich auf der Standardausgabe: gitlab (Code-Quality-JSON, z. B. `> gl-code-quality-report.json`) "
                                             + "oder github (Workflow-Befehle `::warning file=…`).", valueName: "text|gitlab|github"))
    var format: FindingFormat = .text

    @OptionGroup var address: BaseURLOption

    @Flag(name: .long, help: "Auch Links auf andere Websites prüfen (braucht curl und Netz; Antworten werden einen Tag in .vcc-linkcache.json gemerkt).")
    var external = false

    @Option(name: .long, help: ArgumentHelp("Sekunden, die eine andere Website für eine Antwort hat.", valueName: "sekunden"))
    var timeout: Int = 10

    @Option(name: .long, help: ArgumentHelp("Sekunden, die die Prüfung der Links mit --external insgesamt dauern darf.", valueName: "sekunden"))
    var deadline: Int = 120

    @Option(name: .long, help: ArgumentHelp("Höchstens so viele verschiedene Adressen je Lauf abfragen (--external).", valueName: "anzahl"))
    var maxLinks: Int = 1000

    @Flag(name: .long, help: "Mit --external auch Adressen im eigenen oder einem privaten Netz abfragen (127.0.0.1, 10.x, 192.168.x, …).")
    var allowInternal = false

    func validate() throws {
        guard (1...120).contains(timeout) else { throw ValidationError("--timeout muss zwischen 1 und 120 Sekunden liegen.") }
        guard (1...3600).contains(deadline) else { throw ValidationError("--deadline muss zwischen 1 und 3600 Sekunden liegen.") }
        guard (1...100_000).contains(maxLinks) else { throw ValidationError("--max-links muss zwischen 1 und 100000 liegen.") }
    }

    func run() throws {
        let root = try project.resolvedSourceFolder()
        let loaded: LoadedProject
        do {
            loaded = try ContentLoader().loadProject(at: root)
        } catch {
            Console.error("\(error)")
            throw VCCExit.environment
        }
        let summary: BuildSummary
        do {
            summary = try SiteBuilder(options: BuildOptions(baseURL: address.baseURL, sourceDateEpoch: Environment.sourceDateEpoch))
                .build(loaded, into: DiscardingSink())
        } catch {
            Console.error("Die Prüfung ist gescheitert: \(error)")
            throw VCCExit.environment
        }
        let today = ContentDate(unixSeconds: Environment.sourceDateEpoch ?? Int(Date().timeIntervalSince1970))
        let quality = ContentQualityCheck(today: today, review: loaded.configuration.review)
        var diagnostics = summary.diagnostics + quality.contentFindings(for: loaded.documents)
        var dueForReview = quality.blueprintsDueForReview(in: loaded.documents)
        // Not a finding (a new site does not know its address yet), but worth saying before publishing.
        if loaded.configuration.baseURL.isEmpty && address.baseURL == nil {
            Console.info("Hinweis: Ohne `base_url` in site.yml (oder `--base-url` beim Bauen, wie in den CI-Rezepten) "
                         + "enthalten sitemap.xml, Quellenangaben, AMB- und DCAT-Datensätze nur Pfade statt Adressen.")
        }
        if external {
            do {
                let check = ExternalLinkCheck(timeoutSeconds: timeout, deadlineSeconds: deadline, maximumAddresses: maxLinks,
                                              allowInternal: allowInternal, cacheFile: root + "/.vcc-linkcache.json")
                diagnostics += try check.diagnostics(for: loaded.documents)
            } catch ExternalLinkCheck.CheckError.interrupted(let signal) {
                Console.error("Die Prüfung der Links wurde abgebrochen.")
                throw ExitCode(128 + signal)
            } catch {
                Console.error("\(error)")
                throw VCCExit.environment
            }
        }
        if strict {
            let asError = { (finding: Diagnostic) -> Diagnostic in var strict = finding; strict.severity = .error; return strict }
            diagnostics = diagnostics.map(asError)
            if loaded.configuration.review.strict { dueForReview = dueForReview.map(asError) }
        }
        diagnostics = (diagnostics + dueForReview).sortedByLocation()
        Console.report(diagnostics, relativeTo: project.source)
        if let output = format.standardOutput(for: diagnostics, relativeTo: project.source) {
            Console.write(output, to: FileHandle.standardOutput)
        }
        if diagnostics.containsErrors {
            throw VCCExit.contentErrors
        }
        Console.info(diagnostics.isEmpty ? "Keine Befunde." : "Keine Fehler.")
    }
}

/// A sink that keeps nothing: `vcc check` builds only for the diagnostics.
private struct DiscardingSink: OutputSink {
    func accept(_ file: OutputFile) throws {}
    func moveFolder(_ from: String, to: String) throws {}
}
