import Foundation

/// A colour written `#rrggbb`, with the WCAG 2.1 contrast arithmetic vcc checks site colours with.
public struct HexColor: Sendable, Hashable, CustomStringConvertible {
    public let red: Int, green: Int, blue: Int

    /// Parses `#rrggbb` or `#rgb`; nil for anything else.
    public init?(_ text: String) {
        var hex = text.trimmingCharacters(in: .whitespaces)
        guard hex.hasPrefix("#") else { return nil }
        hex.removeFirst()
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return nil }
        red = (value >> 16) & 0xFF; green = (value >> 8) & 0xFF; blue = value & 0xFF
    }

    public init(red: Int, green: Int, blue: Int) {
        self.red = max(0, min(255, red)); self.green = max(0, min(255, green)); self.blue = max(0, min(255, blue))
    }

    public var description: String { String(format: "#%02x%02x%02x", red, green, blue) }

    /// WCAG 2.1 relative luminance.
    public var luminance: Double {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2.1 contrast ratio between two colours (1 to 21).
    public func contrast(with other: HexColor) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The closest shade of this colour (mixed toward black or white, whichever the background
    /// calls for) that reaches `ratio` against `background`.
    public func nearestShade(reaching ratio: Double, against background: HexColor) -> HexColor {
        let target = background.luminance > 0.5 ? HexColor(red: 0, green: 0, blue: 0) : HexColor(red: 255, green: 255, blue: 255)
        for step in 1...100 {
            let t = Double(step) / 100
            let shade = HexColor(red: Int((Double(red) + (Double(target.red) - Double(red)) * t).rounded()),
                                 green: Int((Double(green) + (Double(target.green) - Double(green)) * t).rounded()),
                                 blue: Int((Double(blue) + (Double(target.blue) - Double(blue)) * t).rounded()))
            if shade.contrast(with: background) >= ratio { return shade }
        }
        return target
    }
}

/// `site.yml` `colors:`: the site's own primary colour (links, text in colour) and accent
/// (buttons, badges, lines), for light and dark mode.
public struct SiteColors: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public var primary: HexColor?
        public var accent: HexColor?
        public init(primary: HexColor?, accent: HexColor?) { self.primary = primary; self.accent = accent }
    }

    public var light: Pair
    public var dark: Pair

    public init(light: Pair, dark: Pair) { self.light = light; self.dark = dark }

    /// The default theme's backgrounds (page and surfaces such as the header and cards), which the
    /// colours are checked against: each must pass on all of them.
    public static let lightBackgrounds = [HexColor("#ffffff")!, HexColor("#f3f5f8")!]
    public static let darkBackgrounds = [HexColor("#121417")!, HexColor("#1d2126")!]
    /// WCAG 2.1 AA: 4.5:1 for text (the primary colour colours links), 3:1 for large text and
    /// the parts of controls and graphics. The theme's accent fills buttons and maturity badges
    /// with text in the background colour on them, so it needs the ratio for text as well.
    public static let textRatio = 4.5
    public static let uiRatio = 3.0
    public static let accentRatio = textRatio

    /// The stylesheet that gives the theme these colours (`assets/<fingerprint>/farben.css`).
    public var stylesheet: String {
        func declarations(_ pair: Pair) -> String {
            var parts: [String] = []
            if let primary = pair.primary { parts.append("--link: \(primary); --site-primary: \(primary);") }
            if let accent = pair.accent { parts.append("--accent: \(accent);") }
            return parts.joined(separator: " ")
        }
        var css = "/* The site's colours from site.yml (colors:), checked by vcc for WCAG 2.1 AA contrast. */\n"
        css += ":root { \(declarations(light)) }\n"
        let dark = declarations(self.dark)
        if !dark.isEmpty { css += "@media (prefers-color-scheme: dark) { :root { \(dark) } }\n" }
        return css
    }
}

/// `site.yml` `logo:`: the site's logo, shown in the header.
public struct SiteLogo: Sendable, Hashable {
    /// `svg` or `png`.
    public var fileExtension: String
    public var contents: [UInt8]
    public init(fileExtension: String, contents: [UInt8]) { self.fileExtension = fileExtension; self.contents = contents }

    /// The logo's name in the assets folder.
    public var assetName: String { "logo." + fileExtension }
}
