import SiteModel

/// The parts every chart shares: its `<svg>` element with title and description, wrapped labels,
/// and the text alternative that names what the chart shows.
public enum ChartText {
    /// `text` in lines of at most `length` characters, broken at spaces (a longer word stands alone).
    /// The adoption chart of /nachnutzung/ wraps its labels with it too.
    public static func lines(_ text: String, length: Int) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= length {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The `<svg>` with `role="img"`, its title and description named by `aria-labelledby`.
    static func svgElement(width: Double, height: Double, prefix: String, data: ChartData, defs: String, body: String) -> String {
        "<svg class=\"chart data-chart-svg\" viewBox=\"0 0 \(ChartMarks.n(width)) \(ChartMarks.n(max(1, height)))\" role=\"img\" "
            + "aria-labelledby=\"\(prefix)-titel \(prefix)-beschreibung\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(prefix)-titel\">\(XMLText.escaped(data.title))</title>"
            + "<desc id=\"\(prefix)-beschreibung\">\(XMLText.escaped(description(of: data)))</desc>\(defs)\(body)</svg>"
    }

    /// „Liniendiagramm: Aufrufe für Gewerbeanmeldung, Bewohnerparkausweis; 12 Werte von Jan. 2024
    /// bis Dez. 2024, zwischen 120 und 2.300. Alle Zahlen stehen in der Tabelle unter dem Diagramm.“
    static func description(of data: ChartData) -> String {
        let kind = switch data.kind {
        case .bars: "Balkendiagramm"
        case .stackedBars: "Gestapelte Balken"
        case .lines: "Liniendiagramm"
        }
        let values = data.series.flatMap { $0.values.compactMap { $0 } }
        var text = "\(kind) mit \(data.series.count == 1 ? "einer Reihe" : "\(data.series.count) Reihen") ("
            + data.series.map(\.label).joined(separator: ", ") + ")"
        if let first = data.categories.first, let last = data.categories.last {
            text += data.categories.count == 1 ? " für \(first)" : ", \(data.categories.count) Werte von \(first) bis \(last)"
        }
        if let low = values.min(), let high = values.max() {
            text += low == high ? ", jeweils \(GermanFormat.decimal(low))" : ", zwischen \(GermanFormat.decimal(low)) und \(GermanFormat.decimal(high))"
        }
        if let unit = data.unit { text += " (\(unit))" }
        return text + ". Alle Zahlen stehen in der Tabelle unter dem Diagramm."
    }
}
