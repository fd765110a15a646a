import SiteModel

/// A line chart drawn at build time: one line per series with its own dash pattern and marker
/// shape (so lines differ without colour), a value axis with German numbers, and every few
/// categories labelled along the bottom (the table under the chart has every value).
struct LineChartSVG {
    let data: ChartData
    let prefix: String

    /// Layout in SVG user units (see ``BarChartSVG`` for the scale).
    private static let width = 360.0, height = 236.0, left = 56.0, right = 14.0, top = 12.0, bottom = 36.0

    var svg: String {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let ticks = Self.ticks(upTo: data.maximum)
        let top = ticks.last ?? 1
        let count = data.categories.count
        func x(_ index: Int) -> Double { Self.left + (count <= 1 ? plotWidth / 2 : Double(index) * plotWidth / Double(count - 1)) }
        func y(_ value: Double) -> Double { Self.top + plotHeight - value / top * plotHeight }
        var out = "<g class=\"chart-axis\">"
        for tick in ticks {
            out += "<line class=\"chart-grid\" x1=\"\(ChartMarks.n(Self.left))\" x2=\"\(ChartMarks.n(Self.width - Self.right))\" "
                + "y1=\"\(ChartMarks.n(y(tick)))\" y2=\"\(ChartMarks.n(y(tick)))\"/>"
                + "<text class=\"chart-tick\" x=\"\(ChartMarks.n(Self.left - 6))\" y=\"\(ChartMarks.n(y(tick) + 5))\" text-anchor=\"end\">"
                + "\(GermanFormat.decimal(tick))</text>"
        }
        // Every `step`-th category is labelled, so labels (about 8.7 units a character at the ticks'
        // 16 units, plus a gap) never overlap; the table has them all.
        let labelWidth = Double(data.categories.map(\.count).max() ?? 1) * 8.7 + 14
        let spacing = count <= 1 ? plotWidth : plotWidth / Double(count - 1)
        let step = max(1, Int((labelWidth / spacing).rounded(.up)))
        // Centred under their points; the left margin leaves room for half of the first label.
        for index in stride(from: 0, to: count, by: step) {
            out += "<text class=\"chart-tick\" x=\"\(ChartMarks.n(x(index)))\" y=\"\(ChartMarks.n(Self.height - 10))\" "
                + "text-anchor=\"middle\">\(XMLText.escaped(data.categories[index]))</text>"
        }
        out += "</g>"
        for (s, series) in data.series.enumerated() {
            var path = ""
            var markers = ""
            var pen = "M"
            for (index, value) in series.values.enumerated() {
                guard let value else { pen = "M"; continue }
                path += "\(pen)\(ChartMarks.n(x(index))),\(ChartMarks.n(y(value))) "
                pen = "L"
                markers += ChartMarks.marker(s, x: x(index), y: y(value))
                    .replacingOccurrences(of: "/>", with: "><title>\(XMLText.escaped("\(series.label), \(data.categories[index]): \(GermanFormat.decimal(value))"))</title></\(Self.tagName(ChartMarks.marker(s, x: 0, y: 0)))>")
            }
            let dash = ChartMarks.dash(s)
            out += "<g><path class=\"chart-line \(ChartMarks.colorClass(s))\" d=\"\(path.trimmingCharacters(in: .whitespaces))\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\(markers)</g>"
        }
        return ChartText.svgElement(width: Self.width, height: Self.height, prefix: prefix, data: data, defs: "", body: out)
    }

    /// `circle` of `<circle …/>`.
    private static func tagName(_ element: String) -> String {
        String(element.dropFirst().prefix { $0 != " " })
    }

    /// Four or five round steps from 0 to at least `maximum` (1, 2 or 5 times a power of ten).
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        var unit = 1.0
        while unit * 10 <= maximum / 4 { unit *= 10 }
        while unit > maximum / 4 && unit > 1e-6 { unit /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * unit }.first { maximum / $0 <= 5 } ?? unit * 10
        let count = Int((maximum / step).rounded(.up))
        return (0...max(1, count)).map { Double($0) * step }
    }
}
