import SiteModel

/// A chart as it stands in a page: a `<figure>` with the title, a legend that shows each series'
/// mark, the SVG, the numbers as a table behind a `<details>` disclosure, and where the data come
/// from. Every text is escaped; the markup is vcc's own.
public struct ChartFigure: Sendable {
    public let data: ChartData
    /// Unique on the page: `diagramm-1`.
    public let id: String
    /// The data set's title, page and licence, for the source line.
    public let sourceTitle: String
    public let sourceURL: String
    public let license: String

    public init(data: ChartData, id: String, sourceTitle: String, sourceURL: String, license: String) {
        self.data = data; self.id = id; self.sourceTitle = sourceTitle; self.sourceURL = sourceURL; self.license = license
    }

    public var html: String {
        let svg = data.kind == .lines ? LineChartSVG(data: data, prefix: id).svg : BarChartSVG(data: data, prefix: id).svg
        return "<figure class=\"chart-figure data-chart\" id=\"\(id)\">\n"
            + "<figcaption><span class=\"chart-heading\">\(XMLText.escaped(data.title))</span>"
            + (data.unit.map { " <span class=\"chart-unit\">(\(XMLText.escaped($0)))</span>" } ?? "") + "</figcaption>\n"
            + legend + "\n" + svg + "\n" + table + "\n"
            + "<p class=\"chart-source\">Quelle: <a href=\"\(XMLText.escaped(sourceURL))\">\(XMLText.escaped(sourceTitle))</a> · Lizenz: \(XMLText.escaped(license))</p>\n"
            + "</figure>\n"
    }

    /// One entry per series with the series' mark; hidden from screen readers, which read the table.
    private var legend: String {
        guard data.series.count > 1 || data.kind == .stackedBars else { return "" }
        let items = data.series.enumerated().map { index, series in
            let swatch: String
            if data.kind == .lines {
                let dash = ChartMarks.dash(index)
                swatch = "<svg class=\"swatch swatch-line\" viewBox=\"0 0 28 12\" aria-hidden=\"true\"><path class=\"chart-line \(ChartMarks.colorClass(index))\" d=\"M1,6 H27\""
                    + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>" + ChartMarks.marker(index, x: 14, y: 6) + "</svg>"
            } else {
                swatch = "<svg class=\"swatch\" viewBox=\"0 0 16 16\" aria-hidden=\"true\"><rect width=\"16\" height=\"16\" fill=\"\(ChartMarks.fill(index, prefix: id))\"/></svg>"
            }
            return "<li>\(swatch) \(XMLText.escaped(series.label))</li>"
        }
        return "<ul class=\"chart-legend\" aria-hidden=\"true\">" + items.joined() + "</ul>"
    }

    /// The numbers behind the chart: a row per category, a column per series.
    private var table: String {
        var rows = ""
        for (index, category) in data.categories.enumerated() {
            rows += "<tr><th scope=\"row\">\(XMLText.escaped(category))</th>"
            for series in data.series {
                rows += "<td class=\"number\">" + (series.values[index].map { GermanFormat.decimal($0) } ?? "–") + "</td>"
            }
            rows += "</tr>\n"
        }
        let heads = ([data.categoryHeading] + data.series.map(\.label)).map { "<th scope=\"col\">\(XMLText.escaped($0))</th>" }.joined()
        return "<details class=\"chart-data\"><summary>Die Zahlen als Tabelle</summary>\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
            + "aria-label=\"\(XMLText.escaped("Tabelle: " + data.title))\"><table class=\"data chart-table\">\n<caption>\(XMLText.escaped(data.title))"
            + (data.unit.map { " (\(XMLText.escaped($0)))" } ?? "") + "</caption>\n<thead><tr>\(heads)</tr></thead>\n<tbody>\n\(rows)</tbody></table></div></details>"
    }
}
