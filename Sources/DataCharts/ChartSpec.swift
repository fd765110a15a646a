import Foundation
public import SiteModel

/// What a ```` ```diagramm ```` block in Markdown asks for, one `schlüssel: wert` per line:
///
///     ```diagramm
///     daten: nutzungszahlen
///     art: linien
///     x: monat
///     werte: aufrufe
///     gruppen: dienst
///     titel: Aufrufe je Onlinedienst 2024
///     ```
///
/// `daten` names a data set by its id, `art` is `balken`, `gestapelte balken` or `linien`, `x` the
/// column along the axis, `werte` one or more number columns (comma-separated), `gruppen`
/// optionally a column whose values become the series (with one `werte` column), `titel` the
/// chart's title and `beschreibung` an optional sentence under it. Rows with the same `x` (and
/// group) are added up.
public struct ChartSpec: Sendable, Hashable {
    /// The kinds of chart vcc draws.
    public enum Kind: String, Sendable, CaseIterable {
        case bars = "balken", stackedBars = "gestapelte balken", lines = "linien"
    }

    public var dataset: String
    public var kind: Kind
    public var x: String
    public var values: [String]
    public var groups: String?
    public var title: String
    public var caption: String?

    public init(dataset: String, kind: Kind, x: String, values: [String], groups: String?, title: String, caption: String?) {
        self.dataset = dataset; self.kind = kind; self.x = x; self.values = values; self.groups = groups
        self.title = title; self.caption = caption
    }

    /// The keys a block may have, in the order a scaffold writes them.
    public static let keys = ["daten", "art", "x", "werte", "gruppen", "titel", "beschreibung"]

    /// Reads the block's lines; `location` is the fence's line, each problem is an error at its
    /// own line with a fix.
    public static func parse(_ literal: String, at location: SourceLocation) -> (ChartSpec?, [Diagnostic]) {
        var values: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (offset, rawLine) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let place = SourceLocation(file: location.file, line: location.line + 1 + offset, column: 1)
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(.error(at: place, "Die Zeile `\(line)` im Diagramm ist keine Angabe `schlüssel: wert`.",
                                       hint: "Erlaubt sind: " + keys.map { "`\($0):`" }.joined(separator: ", ") + "."))
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            guard keys.contains(key) else {
                let suggestion = EditDistance.closest(to: key, among: keys).map { "Meintest du `\($0):`? " } ?? ""
                problems.append(.error(at: place, "`\(key)` ist keine Angabe, die ein Diagramm kennt.",
                                       hint: suggestion + "Erlaubt sind: " + keys.map { "`\($0):`" }.joined(separator: ", ") + "."))
                continue
            }
            if values[key] != nil {
                problems.append(.error(at: place, "`\(key)` steht zweimal im Diagramm.", hint: "Lösche eine der beiden Zeilen."))
            }
            values[key] = value
        }
        for key in ["daten", "art", "x", "werte", "titel"] where values[key]?.isEmpty ?? true {
            problems.append(.error(at: location, "Dem Diagramm fehlt `\(key):`.", hint: "Ergänze im Block eine Zeile `\(key): …`. " + example))
        }
        var kind: Kind?
        if let text = values["art"], !text.isEmpty {
            let normalized = text.lowercased().split(separator: " ").joined(separator: " ")
            kind = Kind(rawValue: normalized)
            if kind == nil {
                let allowed = Kind.allCases.map(\.rawValue)
                let suggestion = EditDistance.closest(to: normalized, among: allowed).map { " Meintest du `\($0)`?" } ?? ""
                problems.append(.error(at: location, "`art: \(text)` ist keine Diagrammart, die vcc zeichnet.",
                                       hint: "Erlaubt: " + allowed.map { "`\($0)`" }.joined(separator: ", ") + "." + suggestion))
            }
        }
        let columns = (values["werte"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if values["gruppen"] != nil, columns.count > 1 {
            problems.append(.error(at: location, "Mit `gruppen:` zeigt ein Diagramm genau eine Spalte aus `werte:`, hier sind es \(columns.count).",
                                   hint: "Nimm eine Spalte in `werte:` oder lass `gruppen:` weg."))
        }
        guard problems.isEmpty, let kind, let dataset = values["daten"], let x = values["x"], let title = values["titel"], !columns.isEmpty else {
            return (nil, problems)
        }
        let groups = values["gruppen"].flatMap { $0.isEmpty ? nil : $0 }
        return (ChartSpec(dataset: dataset, kind: kind, x: x, values: columns, groups: groups, title: title,
                          caption: values["beschreibung"].flatMap { $0.isEmpty ? nil : $0 }), [])
    }

    private static let example = "Zum Beispiel:\n    daten: nutzungszahlen\n    art: balken\n    x: monat\n    werte: aufrufe\n    titel: Aufrufe 2024"
}
