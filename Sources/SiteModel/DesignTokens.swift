/// The default theme's colour roles in light and dark mode, with the site's `colors:` applied, and
/// every pair of them that stands on each other with the contrast WCAG 2.1 AA asks of it.
///
/// This is the one source of the theme's colours: vcc writes them as custom properties to
/// `assets/<fingerprint>/farben.css` (``stylesheet``) and checks every pair at build time
/// (``contrastProblems()``), so a site's colours can never ship a pair that fails. Type, spacing
/// and widths are tokens in `style.css` (they have nothing to check); docs/TEMPLATES.md lists both.
public struct DesignTokens: Sendable, Hashable {
    /// A colour role: its custom property and its value in each mode.
    public enum Role: String, CaseIterable, Sendable {
        case background = "bg", surface = "surface", text = "fg", muted = "muted", border = "border"
        case link = "link", linkVisited = "link-visited"
        /// Buttons and the main call to action, and the text on them.
        case action = "action", actionText = "action-fg", actionHover = "action-hover"
        case focus = "focus"
        /// Lines that carry the site's identity: the header's top bar, the current menu entry.
        case accent = "accent"
        /// A blueprint's maturity (Idee … Ausgerollt): one tag colour for the whole family.
        case maturityTag = "tag-maturity-bg", maturityTagText = "tag-maturity-fg"
        /// A municipality's adoption status (interessiert … im Betrieb): the other family.
        case adoptionTag = "tag-adoption-bg", adoptionTagText = "tag-adoption-fg"
        /// Notice boxes: the line of a note, the line and ground of a warning.
        case info = "info", warning = "warning", warningSurface = "warning-bg"
        /// Search hits marked in snippets.
        case mark = "mark"
        /// The adoption chart's statuses on /nachnutzung/.
        case statusInOperation = "status-im-betrieb", statusPilot = "status-pilot"
        case statusPreparing = "status-in-vorbereitung", statusInterested = "status-interessiert"
        case statusEnded = "status-beendet", statusUnknown = "status-ohne-angabe"
        /// The series of charts drawn from data sets (colours repeat after four; patterns, dashes and markers do not).
        case chart1 = "chart-1", chart2 = "chart-2", chart3 = "chart-3", chart4 = "chart-4"

        /// The custom property that carries it: `--link`.
        public var property: String { "--" + rawValue }
    }

    /// Two roles that stand on each other and the contrast they need.
    public struct Pair: Sendable, Hashable {
        public let foreground: Role, background: Role
        public let ratio: Double
        /// What the pair is, for the error message: „Links auf dem Flächenton“.
        public let purpose: String
    }

    /// A pair that fails in one mode.
    public struct ContrastProblem: Sendable, Hashable {
        public let pair: Pair
        public let dark: Bool
        public let foreground: HexColor, background: HexColor
        public var ratio: Double { foreground.contrast(with: background) }
    }

    public private(set) var light: [Role: HexColor]
    public private(set) var dark: [Role: HexColor]

    /// The default theme with the site's colours: `primary` colours links and buttons, `accent`
    /// the identity lines, `focus` the focus ring; the text on buttons and the buttons' hover shade
    /// are derived, so they always fit the colour the site chose.
    public init(colors: SiteColors? = nil) {
        light = Self.defaultLight
        dark = Self.defaultDark
        if let colors {
            Self.apply(colors.light, to: &light)
            Self.apply(colors.dark, to: &dark)
        }
        Self.deriveActionText(&light, darker: true)
        Self.deriveActionText(&dark, darker: false)
    }

    private static func apply(_ pair: SiteColors.Pair, to roles: inout [Role: HexColor]) {
        if let primary = pair.primary { roles[.link] = primary; roles[.action] = primary }
        if let accent = pair.accent { roles[.accent] = accent }
        if let focus = pair.focus { roles[.focus] = focus }
    }

    /// White or the page's dark text on the button, whichever reads better, and a hover shade a
    /// fifth of the way toward the page's text colour.
    private static func deriveActionText(_ roles: inout [Role: HexColor], darker: Bool) {
        guard let action = roles[.action] else { return }
        let white: HexColor = "#ffffff", ink: HexColor = "#121417"
        roles[.actionText] = action.contrast(with: white) >= action.contrast(with: ink) ? white : ink
        let toward = darker ? HexColor(red: 0, green: 0, blue: 0) : white
        roles[.actionHover] = action.mixed(with: toward, amount: 0.2)
    }

    /// The value of a role in a mode.
    public func color(_ role: Role, dark isDark: Bool) -> HexColor {
        (isDark ? dark : light)[role] ?? HexColor(red: 0, green: 0, blue: 0)
    }

    /// Every pair the theme puts on each other. Text needs 4.5:1; lines, rings and the parts of
    /// controls and charts need 3:1 (WCAG 1.4.3 and 1.4.11).
    public static let pairs: [Pair] = {
        var pairs: [Pair] = []
        func text(_ role: Role, _ name: String, on grounds: [Role] = [.background, .surface]) {
            for ground in grounds { pairs.append(Pair(foreground: role, background: ground, ratio: 4.5, purpose: "\(name) auf \(ground.germanName)")) }
        }
        func line(_ role: Role, _ name: String, on grounds: [Role] = [.background, .surface]) {
            for ground in grounds { pairs.append(Pair(foreground: role, background: ground, ratio: 3, purpose: "\(name) auf \(ground.germanName)")) }
        }
        text(.text, "Text"); text(.muted, "Nebentext"); text(.link, "Links"); text(.linkVisited, "besuchte Links")
        text(.actionText, "Schrift auf Schaltflächen", on: [.action, .actionHover])
        line(.action, "Schaltflächen")
        line(.focus, "der Fokusrahmen"); line(.accent, "Linien in der Akzentfarbe")
        text(.maturityTagText, "Reifegrad-Markierungen", on: [.maturityTag])
        text(.adoptionTagText, "Nachnutzungs-Markierungen", on: [.adoptionTag])
        line(.info, "die Linie von Hinweisen"); line(.warning, "die Linie von Warnungen")
        line(.warning, "die Linie von Warnungen", on: [.warningSurface])
        text(.text, "Text in Warnungen", on: [.warningSurface])
        text(.text, "markierte Suchtreffer", on: [.mark])
        for status in [Role.statusInOperation, .statusPilot, .statusPreparing, .statusInterested, .statusEnded, .statusUnknown] {
            line(status, "der Balken „\(status.rawValue.dropFirst("status-".count))“ im Diagramm", on: [.background])
        }
        for series in [Role.chart1, .chart2, .chart3, .chart4] {
            line(series, "die Reihe \(series.rawValue.dropFirst("chart-".count)) in Diagrammen")
        }
        return pairs
    }()

    /// Every pair that falls short of its ratio, light mode first.
    public func contrastProblems() -> [ContrastProblem] {
        [false, true].flatMap { isDark in
            Self.pairs.compactMap { pair in
                let foreground = color(pair.foreground, dark: isDark), background = color(pair.background, dark: isDark)
                return foreground.contrast(with: background) + 0.0005 < pair.ratio
                    ? ContrastProblem(pair: pair, dark: isDark, foreground: foreground, background: background) : nil
            }
        }
    }

    /// `farben.css`: every role as a custom property, the dark values under `prefers-color-scheme: dark`.
    public var stylesheet: String {
        func block(_ roles: [Role: HexColor]) -> String {
            Role.allCases.map { "  \($0.property): \(roles[$0] ?? HexColor(red: 0, green: 0, blue: 0));" }.joined(separator: "\n")
        }
        return """
        /* The theme's colour roles (vcc's DesignTokens with the site's colors: from site.yml),
           each pair checked by vcc for WCAG 2.1 AA contrast in light and dark mode. */
        :root {
        \(block(light))
        }
        @media (prefers-color-scheme: dark) {
          :root {
        \(block(dark).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          }
        }

        """
    }

    static let defaultLight: [Role: HexColor] = [
        .background: "#ffffff", .surface: "#f3f5f8", .text: "#1b1b1b", .muted: "#4a4f55", .border: "#c4ccd6",
        .link: "#0b5394", .linkVisited: "#5b2c83", .action: "#0b5394", .focus: "#b34700", .accent: "#0b5394",
        .maturityTag: "#e3f1ea", .maturityTagText: "#0a4a2b", .adoptionTag: "#efe7f6", .adoptionTagText: "#4a2470",
        .info: "#0b5394", .warning: "#a14f00", .warningSurface: "#fff4e5", .mark: "#fff1a8",
        .statusInOperation: "#0b5394", .statusPilot: "#1d6b34", .statusPreparing: "#a14f00", .statusInterested: "#6a3d9a",
        .statusEnded: "#5c5c5c", .statusUnknown: "#5c5c5c",
        .chart1: "#0b5394", .chart2: "#1d6b34", .chart3: "#a14f00", .chart4: "#6a3d9a",
    ]

    static let defaultDark: [Role: HexColor] = [
        .background: "#121417", .surface: "#1d2126", .text: "#e9ecef", .muted: "#b8c0c8", .border: "#3d4650",
        .link: "#8cc4ff", .linkVisited: "#d0a8ff", .action: "#8cc4ff", .focus: "#ffbf47", .accent: "#8cc4ff",
        .maturityTag: "#163526", .maturityTagText: "#bfe8cf", .adoptionTag: "#2e2140", .adoptionTagText: "#ddc8f3",
        .info: "#8cc4ff", .warning: "#ffb86b", .warningSurface: "#2b2115", .mark: "#5c4b00",
        .statusInOperation: "#8cc4ff", .statusPilot: "#6fdc8c", .statusPreparing: "#ffb86b", .statusInterested: "#d0a8ff",
        .statusEnded: "#c8ced4", .statusUnknown: "#c8ced4",
        .chart1: "#8cc4ff", .chart2: "#6fdc8c", .chart3: "#ffb86b", .chart4: "#d0a8ff",
    ]
}

extension DesignTokens.Role {
    /// The ground's name in an error message: „dem Hintergrund“.
    var germanName: String {
        switch self {
        case .background: "dem Hintergrund"
        case .surface: "dem Flächenton"
        case .action: "der Schaltfläche"
        case .actionHover: "der Schaltfläche unter dem Mauszeiger"
        case .warningSurface: "dem Grund von Warnungen"
        default: "--" + rawValue
        }
    }
}
