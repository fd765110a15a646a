import SiteModel

/// Horizontal bars drawn at build time, one group per category: side by side (`balken`) or stacked
/// (`gestapelte balken`). Labels stand above their bars, so long names fit a phone's width; every
/// bar carries its value as text at its end (stacks: their total, and a line with the parts in
/// words), so no value depends on colour or pattern.
struct BarChartSVG {
    let data: ChartData
    /// The prefix of the chart's ids (unique on its page).
    let prefix: String

    /// Layout in SVG user units; the chart scales to its column (see style.css), so the 14-unit
    /// text is about 12 px on a 320 px phone and 17 px at its widest.
    private static let width = 360.0, barArea = 262.0, barHeight = 16.0, stackHeight = 20.0, lineHeight = 18.0, gap = 12.0

    var body: (svg: String, height: Double) {
        let maximum = max(data.maximum, 1)
        var out = ""
        var y = 0.0
        for (index, category) in data.categories.enumerated() {
            out += "<g>"
            for line in ChartText.lines(category, length: 38) {
                y += Self.lineHeight
                out += "<text class=\"chart-label\" x=\"0\" y=\"\(ChartMarks.n(y - 4))\">\(XMLText.escaped(line))</text>"
            }
            y += 3
            if data.kind == .stackedBars {
                var x = 0.0
                var parts: [String] = []
                for (s, series) in data.series.enumerated() {
                    guard let value = series.values[index], value > 0 else { continue }
                    let length = max(2, value / maximum * Self.barArea)
                    out += rect(x: x, y: y, width: length, height: Self.stackHeight, series: s, title: "\(series.label): \(GermanFormat.decimal(value))")
                    x += length
                    parts.append("\(GermanFormat.decimal(value)) \(series.label)")
                }
                let total = data.series.compactMap { $0.values[index] }.reduce(0, +)
                out += "<text class=\"chart-value\" x=\"\(ChartMarks.n(x + 5))\" y=\"\(ChartMarks.n(y + 15))\">\(GermanFormat.decimal(total))</text>"
                y += Self.stackHeight
                for line in ChartText.lines(parts.joined(separator: ", "), length: 38) {
                    y += Self.lineHeight
                    out += "<text class=\"chart-breakdown\" x=\"0\" y=\"\(ChartMarks.n(y - 4))\">\(XMLText.escaped(line))</text>"
                }
            } else {
                for (s, series) in data.series.enumerated() {
                    let value = series.values[index]
                    let length = value.map { max(value == 0 ? 0 : 2, $0 / maximum * Self.barArea) } ?? 0
                    out += rect(x: 0, y: y, width: length, height: Self.barHeight, series: s,
                                title: "\(series.label): \(value.map { GermanFormat.decimal($0) } ?? "kein Wert")")
                    out += "<text class=\"chart-value\" x=\"\(ChartMarks.n(length + 5))\" y=\"\(ChartMarks.n(y + 13))\">"
                        + (value.map { GermanFormat.decimal($0) } ?? "–") + "</text>"
                    y += Self.barHeight + 3
                }
            }
            out += "</g>"
            y += Self.gap
        }
        return (out, y)
    }

    var svg: String {
        let (content, height) = body
        return ChartText.svgElement(width: Self.width, height: height, prefix: prefix, data: data,
                                    defs: ChartMarks.patterns(count: data.series.count, prefix: prefix), body: content)
    }

    private func rect(x: Double, y: Double, width: Double, height: Double, series: Int, title: String) -> String {
        "<rect class=\"chart-segment\" fill=\"\(ChartMarks.fill(series, prefix: prefix))\" x=\"\(ChartMarks.n(x))\" y=\"\(ChartMarks.n(y))\" "
            + "width=\"\(ChartMarks.n(width))\" height=\"\(ChartMarks.n(height))\"><title>\(XMLText.escaped(title))</title></rect>"
    }
}
