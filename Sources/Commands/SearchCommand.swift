import ArgumentParser
import Foundation
import SearchIndexing

/// `vcc search`: the reference engine on a built site's index, for tests, scripts and curiosity.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Durchsucht den Suchindex einer gebauten Website (wie die Suche im Browser).")

    @Option(name: .long, help: ArgumentHelp("Gebaute Website (Standard: public).", valueName: "ordner"))
    var site: String = "public"

    @Option(name: .long, help: "Höchstens so viele Treffer.")
    var limit: Int = 10

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Facettenfilter GRUPPE=WERT (type, city, theme, project); mehrfach möglich.", valueName: "filter"))
    var filter: [String] = []

    @Flag(name: .long, help: "Ergebnis als JSON ausgeben.")
    var json = false

    @Option(name: .customLong("repeat"), help: ArgumentHelp(
        "Zum Messen: führt die Suche so oft aus und meldet auf stderr den Median der Dauer aller Läufe nach dem ersten (warm).",
        valueName: "anzahl"))
    var runs: Int = 1

    @Argument(help: "Suchbegriffe.")
    var query: [String]

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit muss größer als 0 sein.") }
        guard (1...10_000).contains(runs) else { throw ValidationError("--repeat muss zwischen 1 und 10000 liegen.") }
        for item in filter {
            guard let (group, value) = Self.parsedFilter(item) else {
                throw ValidationError(TerminalText.sanitized("--filter erwartet GRUPPE=WERT mit einem Wert, nicht `\(item)`."))
            }
            guard Self.facetGroups[group] != nil else {
                let known = Self.facetGroups.keys.sorted().joined(separator: ", ")
                throw ValidationError(TerminalText.sanitized("Unbekannte Facette `\(group)` in --filter. Bekannt sind: \(known)."))
            }
            _ = value
        }
    }

    /// Facet groups by the names a person may type: the index's own and the German ones of the search page.
    static let facetGroups: [String: String] = [
        "type": "type", "art": "type", "typ": "type",
        "city": "city", "kommune": "city", "stadt": "city",
        "theme": "theme", "thema": "theme",
        "project": "project", "projekt": "project",
    ]

    /// `GRUPPE=WERT` split in two; nil when either side is empty.
    static func parsedFilter(_ item: String) -> (String, String)? {
        guard let equals = item.firstIndex(of: "=") else { return nil }
        let group = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        let value = String(item[item.index(after: equals)...])
        guard !group.isEmpty, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (group, value)
    }

    func run() throws {
        let engine: SearchEngine
        do {
            engine = SearchEngine(index: try SearchIndexReader(folder: site + "/" + SearchIndexBuilder.folder))
        } catch {
            Console.error("\(error)")
            throw VCCExit.environment
        }
        var filters: [String: Set<String>] = [:]
        for item in filter {
            guard let (group, value) = Self.parsedFilter(item), let key = Self.facetGroups[group] else { continue }
            filters[key, default: []].insert(value)
        }
        let text = query.joined(separator: " ")
        let response: SearchEngine.Response
        do {
            response = try engine.search(text, filters: filters, limit: limit)
            if runs > 1 { try reportTiming(engine, text, filters) }
        } catch {
            // A damaged index must not print results without title or address, nor "0 Treffer".
            Console.error("\(error)")
            throw VCCExit.environment
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(SearchAnswer(query: text, response: response))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            // Partial matches (some of the words) are counted apart, as the search page heads them.
            let partial = response.total - response.complete
            var lines = ["\(response.total) Treffer für „\(text)“" + (partial > 0 ? ", \(partial) davon mit einem Teil der Suchwörter" : "")]
            for (rank, result) in response.results.enumerated() {
                let missing = result.missing.map { response.words[$0] }
                lines.append("\(rank + 1). \(result.title)  \(result.url)  (\(result.score))"
                             + (missing.isEmpty ? "" : "  Es fehlt: " + missing.joined(separator: ", ")))
            }
            Console.write(lines.joined(separator: "\n") + "\n", to: FileHandle.standardOutput)
        }
    }

    /// For `--repeat`: runs the query again `runs - 1` times on the warm engine (shards and records
    /// already read) and writes the median duration to stderr, where it does not disturb `--json`.
    private func reportTiming(_ engine: SearchEngine, _ text: String, _ filters: [String: Set<String>]) throws(SearchIndexError) {
        let clock = ContinuousClock()
        var durations: [Duration] = []
        for _ in 1..<runs {
            let start = clock.now
            _ = try engine.search(text, filters: filters, limit: limit)
            durations.append(clock.now - start)
        }
        let median = durations.sorted()[durations.count / 2]
        let milliseconds = Double(median.components.attoseconds) / 1e15 + Double(median.components.seconds) * 1000
        Console.info(String(format: "search() Median: %.3f ms über %d Läufe", milliseconds, durations.count))
    }
}
