/// How a chart tells its series apart without colour: each series has a fill pattern (bars), a
/// dash pattern and a marker shape (lines), besides its colour (`--chart-1` … `--chart-4` of the
/// theme, each with 3:1 contrast to the page). Legends draw the same marks.
enum ChartMarks {
    /// The colour class of series `index` (colours repeat after four; the patterns do not).
    static func colorClass(_ index: Int) -> String { "chart-color-\(index % 4 + 1)" }

    /// Background-coloured lines or dots over the series colour, in an 8-unit tile.
    private static let fillMarks = [
        "",
        "<path class=\"chart-mark\" d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\"/>",
        "<circle class=\"chart-dot\" cx=\"4\" cy=\"4\" r=\"1.6\"/>",
        "<path class=\"chart-mark\" d=\"M0,4 h8\"/>",
        "<path class=\"chart-mark\" d=\"M4,0 v8\"/>",
        "<path class=\"chart-mark\" d=\"M0,0 l8,8 M8,0 l-8,8\"/>",
    ]

    /// The `<pattern>` of every series, with ids unique to the chart (`prefix`).
    static func patterns(count: Int, prefix: String) -> String {
        "<defs>" + (0..<count).map { index in
            "<pattern id=\"\(prefix)-muster-\(index + 1)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                + "<rect class=\"chart-ground \(colorClass(index))\" width=\"8\" height=\"8\"/>\(fillMarks[index % fillMarks.count])</pattern>"
        }.joined() + "</defs>"
    }

    static func fill(_ index: Int, prefix: String) -> String { "url(#\(prefix)-muster-\(index + 1))" }

    /// The dash pattern of series `index`'s line: solid, dashed, dotted, dash-dot, …
    static func dash(_ index: Int) -> String {
        ["", "8 4", "2 4", "12 4 2 4", "4 2", "16 4"][index % 6]
    }

    /// The marker of series `index` at (`x`, `y`): circle, square, triangle, diamond, cross, bar.
    static func marker(_ index: Int, x: Double, y: Double) -> String {
        let cls = "class=\"chart-point \(colorClass(index))\""
        switch index % 6 {
        case 0: return "<circle \(cls) cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4\"/>"
        case 1: return "<rect \(cls) x=\"\(n(x - 3.5))\" y=\"\(n(y - 3.5))\" width=\"7\" height=\"7\"/>"
        case 2: return "<path \(cls) d=\"M\(n(x)),\(n(y - 5)) l4.5,8 h-9 z\"/>"
        case 3: return "<path \(cls) d=\"M\(n(x)),\(n(y - 5)) l5,5 l-5,5 l-5,-5 z\"/>"
        case 4: return "<path \(cls) d=\"M\(n(x - 4)),\(n(y - 4)) l8,8 m0,-8 l-8,8\" stroke-width=\"2.5\"/>"
        default: return "<rect \(cls) x=\"\(n(x - 1.5))\" y=\"\(n(y - 5))\" width=\"3\" height=\"10\"/>"
        }
    }

    /// A number for SVG coordinates: at most one decimal, dot as decimal point.
    static func n(_ value: Double) -> String {
        // Data can hold any number; a coordinate beyond this is off the drawing anyway, and Int() of
        // an infinite or enormous Double would stop the build.
        guard value.isFinite else { return "0" }
        let rounded = (min(max(value, -1e9), 1e9) * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
