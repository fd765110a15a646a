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

    @Argument(help: "Suchbegriffe.")
    var query: [String]

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit muss größer als 0 sein.") }
        for item in filter where !item.contains("=") { throw ValidationError("--filter erwartet GRUPPE=WERT, nicht `\(item)`.") }
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
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            filters[parts[0], default: []].insert(parts[1])
        }
        let text = query.joined(separator: " ")
        let response = engine.search(text, filters: filters, limit: limit)
        if json {
            let object: [String: Any] = [
                "query": text, "total": response.total,
                "results": response.results.map { ["url": $0.url, "title": $0.title, "score": $0.score] as [String: Any] },
                "facets": response.facets.map { ["group": $0.group, "value": $0.value, "count": $0.count] as [String: Any] },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            var lines = ["\(response.total) Treffer für „\(text)“"]
            for (rank, result) in response.results.enumerated() {
                lines.append("\(rank + 1). \(result.title)  \(result.url)  (\(result.score))")
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
