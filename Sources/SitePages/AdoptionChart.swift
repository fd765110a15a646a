import DataCharts
import SiteModel

/// A horizontal bar chart drawn at build time as inline SVG, one bar per blueprint stacked by
/// adoption status: no script, text in the markup (so it scales, prints and is read by screen
/// readers through its title and description), colours and patterns from the stylesheet (so dark
/// mode and contrast follow the theme).
///
/// A status is never told by colour alone: each has its own pattern (the legend shows the same
/// swatches), each segment carries its status and count as a tooltip, and a line under each bar
/// names the counts in words.
struct AdoptionChart {
    struct Bar {
        var label: String
        /// Adoptions per status, in ``statusOrder``; statuses without adoptions are left out.
        var segments: [Segment]

        var total: Int { segments.map(\.count).reduce(0, +) }

        /// "1 Im Betrieb, 1 Pilot": the bar in words.
        var breakdown: String { segments.map { "\($0.count) \($0.series.label)" }.joined(separator: ", ") }
    }

    struct Segment {
        var series: AdoptionSeries
        var count: Int
    }

    let title: String
    let bars: [Bar]

    /// The bars of `adoptions` grouped by blueprint title (in the given order), stacked by status.
    init(title: String, adoptions: [(blueprint: String, status: AdoptionStatus?)]) {
        self.title = title
        var order: [String] = []
        var counts: [String: [AdoptionSeries: Int]] = [:]
        for adoption in adoptions {
            if counts[adoption.blueprint] == nil { order.append(adoption.blueprint) }
            counts[adoption.blueprint, default: [:]][AdoptionSeries(adoption.status), default: 0] += 1
        }
        bars = order.map { blueprint in
            Bar(label: blueprint, segments: AdoptionSeries.allCases.compactMap { series in
                counts[blueprint]?[series].map { Segment(series: series, count: $0) }
            })
        }
    }

    /// The statuses that occur, in the order of the stack, with their totals: the legend.
    var legend: [(series: AdoptionSeries, count: Int)] {
        AdoptionSeries.allCases.compactMap { series in
            let count = bars.flatMap(\.segments).filter { $0.series == series }.map(\.count).reduce(0, +)
            return count == 0 ? nil : (series, count)
        }
    }

    /// The text alternative: every bar with its total and its segments.
    var description: String {
        bars.map { "\($0.label): \($0.total) (\($0.breakdown))" }.joined(separator: "; ")
    }

    /// Layout in SVG user units. The chart is drawn about as wide as a phone's column and scales
    /// to its container (at most 22rem, see style.css), so its 15-unit text is about 15 px on a
    /// 320 px phone and 17 px on a desktop, near the body text. Titles stand above their bar,
    /// wrapped at spaces after `lineLength` characters (a rough measure of 300 units at 15 px).
    private static let width = 300, barWidth = 250, barHeight = 18, lineHeight = 19, gap = 14, lineLength = 32

    /// The `<svg>` element, every text escaped.
    var svg: String {
        let maximum = max(1, bars.map(\.total).max() ?? 1)
        var body = ""
        var y = 0
        for bar in bars {
            body += "<g>"
            for line in Self.lines(bar.label) {
                y += Self.lineHeight
                body += "<text class=\"chart-label\" x=\"0\" y=\"\(y - 4)\">\(XMLText.escaped(line))</text>"
            }
            y += 4
            var x = 0
            for segment in bar.segments {
                let length = max(2, segment.count * Self.barWidth / maximum)
                body += "<rect class=\"chart-segment\" fill=\"url(#chart-muster-\(segment.series.key))\" x=\"\(x)\" y=\"\(y)\" "
                    + "width=\"\(length)\" height=\"\(Self.barHeight)\"><title>\(XMLText.escaped(segment.series.label)): \(segment.count)</title></rect>"
                x += length
            }
            body += "<text class=\"chart-value\" x=\"\(x + 6)\" y=\"\(y + 14)\">\(bar.total)</text>"
            y += Self.barHeight
            for line in Self.lines(bar.breakdown) {
                y += Self.lineHeight
                body += "<text class=\"chart-breakdown\" x=\"0\" y=\"\(y - 4)\">\(XMLText.escaped(line))</text>"
            }
            body += "</g>"
            y += Self.gap
        }
        return """
        <svg class="chart" viewBox="0 0 \(Self.width) \(max(1, y))" role="img" aria-labelledby="chart-title chart-desc" \
        xmlns="http://www.w3.org/2000/svg"><title id="chart-title">\(XMLText.escaped(title))</title>\
        <desc id="chart-desc">\(XMLText.escaped(description))</desc>\(Self.patterns)\(body)</svg>
        """
    }

    /// `text` in lines of at most ``lineLength`` characters, broken at spaces (a longer word stands alone).
    private static func lines(_ text: String) -> [String] { ChartText.lines(text, length: lineLength) }

    /// One pattern per status, filled with the status's colour and crossed by lines or dots in the
    /// page's background colour (style.css colours them); the legend's swatches use them too.
    private static let patterns: String = {
        let marks: [AdoptionSeries: String] = [
            .status(.pilot): "<path class=\"chart-mark\" d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\"/>",
            .status(.inVorbereitung): "<path class=\"chart-mark\" d=\"M4,0 v8\"/>",
            .status(.interessiert): "<path class=\"chart-mark\" d=\"M0,4 h8\"/>",
            .status(.beendet): "<path class=\"chart-mark\" d=\"M0,0 l8,8 M8,0 l-8,8\"/>",
            .unknown: "<circle class=\"chart-dot\" cx=\"4\" cy=\"4\" r=\"1.6\"/>",
        ]
        let defs = AdoptionSeries.allCases.map { series in
            "<pattern id=\"chart-muster-\(series.key)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                + "<rect class=\"chart-ground status-\(series.key)\" width=\"8\" height=\"8\"/>\(marks[series] ?? "")</pattern>"
        }
        return "<defs>" + defs.joined() + "</defs>"
    }()
}
