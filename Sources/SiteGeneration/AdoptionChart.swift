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

    /// Layout in SVG user units; the chart scales to the width of its container.
    private static let labelWidth = 260, barWidth = 300, rowHeight = 28, valueGap = 8

    /// The `<svg>` element, every text escaped.
    var svg: String {
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let width = Self.labelWidth + Self.barWidth + 60
        let height = max(1, bars.count) * Self.rowHeight + 8
        var out = """
        <svg class="chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="chart-title chart-desc" \
        xmlns="http://www.w3.org/2000/svg"><title id="chart-title">\(XMLText.escaped(title))</title>\
        <desc id="chart-desc">\(XMLText.escaped(description))</desc>
        """
        for (index, bar) in bars.enumerated() {
            let y = index * Self.rowHeight + 4
            let length = bar.value * Self.barWidth / maximum
            let label = bar.label.count > 38 ? String(bar.label.prefix(37)) + "…" : bar.label
            out += "<g><text class=\"chart-label\" x=\"\(Self.labelWidth - Self.valueGap)\" y=\"\(y + 18)\" text-anchor=\"end\">\(XMLText.escaped(label))</text>"
            out += "<rect class=\"chart-bar\" x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(max(length, 2))\" height=\"\(Self.rowHeight - 10)\"/>"
            out += "<text class=\"chart-value\" x=\"\(Self.labelWidth + max(length, 2) + Self.valueGap)\" y=\"\(y + 18)\">\(bar.value)</text></g>"
        }
        return out + "</svg>"
    }

}
