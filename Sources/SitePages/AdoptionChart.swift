import SiteModel

/// A horizontal bar chart drawn at build time as inline SVG: no script, text in the markup (so
/// it scales, prints and is read by screen readers through its title and description), colours
/// from the stylesheet's variables (so dark mode and contrast follow the theme).
struct AdoptionChart {
    struct Bar {
        var label: String
        var value: Int
    }

    let title: String
    let description: String
    let bars: [Bar]

    /// Layout in SVG user units; the chart scales to the width of its container. Each label stands
    /// above its bar, so long titles are never cut and the chart stays readable on a phone.
    private static let width = 480, barWidth = 420, rowHeight = 46, barHeight = 16

    /// The `<svg>` element, every text escaped.
    var svg: String {
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let height = max(1, bars.count) * Self.rowHeight + 4
        var out = """
        <svg class="chart" viewBox="0 0 \(Self.width) \(height)" role="img" aria-labelledby="chart-title chart-desc" \
        xmlns="http://www.w3.org/2000/svg"><title id="chart-title">\(XMLText.escaped(title))</title>\
        <desc id="chart-desc">\(XMLText.escaped(description))</desc>
        """
        for (index, bar) in bars.enumerated() {
            let y = index * Self.rowHeight
            let length = max(2, bar.value * Self.barWidth / maximum)
            let label = bar.label.count > 52 ? String(bar.label.prefix(51)) + "…" : bar.label
            out += "<g><text class=\"chart-label\" x=\"0\" y=\"\(y + 17)\">\(XMLText.escaped(label))</text>"
            out += "<rect class=\"chart-bar\" x=\"0\" y=\"\(y + 24)\" width=\"\(length)\" height=\"\(Self.barHeight)\"/>"
            out += "<text class=\"chart-value\" x=\"\(length + 6)\" y=\"\(y + 37)\">\(bar.value)</text></g>"
        }
        return out + "</svg>"
    }

}
