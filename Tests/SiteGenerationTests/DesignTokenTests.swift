import SiteModel
import Testing

/// The theme's colour roles: every pair the theme puts on each other passes WCAG 2.1 AA in both
/// modes, with the default colours and with a site's, and the status families keep their own colours.
@Suite("Design tokens")
struct DesignTokenTests {
    @Test("every token pair of the default theme passes in light and dark mode")
    func defaultPairs() {
        let tokens = DesignTokens()
        #expect(tokens.contrastProblems().isEmpty, "\(tokens.contrastProblems().map { "\($0.pair.purpose) \($0.dark ? "dunkel" : "hell"): \($0.ratio)" })")
        // The list covers every role that carries text or is a control's or chart's edge.
        let checked = Set(DesignTokens.pairs.flatMap { [$0.foreground, $0.background] })
        #expect(checked.isSuperset(of: DesignTokens.Role.allCases.filter { $0 != .border }), "\(Set(DesignTokens.Role.allCases).subtracting(checked))")
    }

    @Test("the sample's colours pass, and derived button text and hover shade follow the site's primary colour")
    func siteColors() {
        let sample = SiteColors(light: .init(primary: "#004f7c", accent: "#7a1f3d"), dark: .init(primary: "#8cc4ff", accent: "#f4a6bd"))
        let tokens = DesignTokens(colors: sample)
        #expect(tokens.contrastProblems().isEmpty)
        #expect(tokens.color(.action, dark: false) == "#004f7c" && tokens.color(.actionText, dark: false) == "#ffffff")
        #expect(tokens.color(.actionText, dark: true) == "#121417", "light buttons in dark mode carry dark text")
        #expect(tokens.color(.actionHover, dark: false) != tokens.color(.action, dark: false))
        // A pale primary fails for links, and a dark accent fails as a line in dark mode.
        let failing = DesignTokens(colors: SiteColors(light: .init(primary: "#7fb2e5"), dark: .init(accent: "#1a3d66"))).contrastProblems()
        #expect(failing.contains { !$0.dark && $0.pair.foreground == .link && $0.pair.background == .background })
        #expect(failing.contains { $0.dark && $0.pair.foreground == .accent })
    }

    @Test("maturity and adoption tags have their own colours, never the action colour, in both modes")
    func tagFamilies() {
        for colors in [nil, SiteColors(light: .init(primary: "#004f7c"), dark: .init(primary: "#8cc4ff"))] {
            let tokens = DesignTokens(colors: colors)
            for dark in [false, true] {
                let action = tokens.color(.action, dark: dark)
                let tagColors = [DesignTokens.Role.maturityTag, .maturityTagText, .adoptionTag, .adoptionTagText].map { tokens.color($0, dark: dark) }
                #expect(!tagColors.contains(action))
                #expect(tokens.color(.maturityTag, dark: dark) != tokens.color(.adoptionTag, dark: dark))
                #expect(tokens.color(.maturityTagText, dark: dark) != tokens.color(.adoptionTagText, dark: dark))
            }
        }
    }

    @Test("farben.css declares every role in both modes")
    func stylesheet() {
        let css = DesignTokens().stylesheet
        for role in DesignTokens.Role.allCases {
            #expect(css.components(separatedBy: "\(role.property): #").count == 3, "\(role.property)")
        }
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
    }
}
