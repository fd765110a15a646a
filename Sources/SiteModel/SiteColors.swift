import Foundation

/// A colour written `#rrggbb`, with the WCAG 2.1 contrast arithmetic vcc checks site colours with.
public struct HexColor: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
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

    /// A literal in vcc's own source; a malformed one is a programming error.
    public init(stringLiteral value: String) {
        guard let color = HexColor(value) else { preconditionFailure("not a colour: \(value)") }
        self = color
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

    /// This colour moved `amount` (0 to 1) of the way toward `other`.
    public func mixed(with other: HexColor, amount: Double) -> HexColor {
        func channel(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * amount).rounded()) }
        return HexColor(red: channel(red, other.red), green: channel(green, other.green), blue: channel(blue, other.blue))
    }

    /// The closest shade of this colour (mixed toward black or white, whichever the background
    /// calls for) that reaches `ratio` against `background`.
    public func nearestShade(reaching ratio: Double, against background: HexColor) -> HexColor {
        if contrast(with: background) >= ratio { return self }
        let target = background.luminance > 0.5 ? HexColor(red: 0, green: 0, blue: 0) : HexColor(red: 255, green: 255, blue: 255)
        for step in 1...100 {
            let shade = mixed(with: target, amount: Double(step) / 100)
            if shade.contrast(with: background) >= ratio { return shade }
        }
        return target
    }
}

/// `site.yml` `colors:`: the site's own colours for light and dark mode. ``DesignTokens`` puts
/// them into the theme's colour roles and checks every pair they stand in.
public struct SiteColors: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        /// Links and buttons.
        public var primary: HexColor?
        /// The identity lines (the header's top bar, the current menu entry).
        public var accent: HexColor?
        /// The focus ring.
        public var focus: HexColor?
        public init(primary: HexColor? = nil, accent: HexColor? = nil, focus: HexColor? = nil) {
            self.primary = primary; self.accent = accent; self.focus = focus
        }
        public var isEmpty: Bool { primary == nil && accent == nil && focus == nil }

        /// The colour of a `colors:` key (`primary`, `accent`, `focus`); nil for any other name.
        public subscript(named name: String) -> HexColor? {
            get {
                switch name {
                case "primary": primary
                case "accent": accent
                case "focus": focus
                default: nil
                }
            }
            set {
                switch name {
                case "primary": primary = newValue
                case "accent": accent = newValue
                case "focus": focus = newValue
                default: break
                }
            }
        }
    }

    public var light: Pair
    public var dark: Pair

    public init(light: Pair, dark: Pair) { self.light = light; self.dark = dark }
}

/// `site.yml` `logo:`: the site's logo, shown in the header.
public struct SiteLogo: Sendable, Hashable {
    /// `svg` or `png`.
    public var fileExtension: String
    public var contents: [UInt8]
    public init(fileExtension: String, contents: [UInt8]) { self.fileExtension = fileExtension; self.contents = contents }

    /// Whether this is the variant for dark mode (`logo: {dunkel: …}`).
    public var isDark = false

    /// The logo's name in the assets folder.
    public var assetName: String { (isDark ? "logo-dunkel." : "logo.") + fileExtension }
}
