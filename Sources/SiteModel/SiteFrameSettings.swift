/// `site.yml` `phase:`: the service's development phase, shown as a banner under the header
/// (as the GOV.UK Design System's phase banner): `phase: {label: Beta, text: "Neue Wissensbasis …"}`.
public struct SitePhase: Sendable, Hashable {
    /// The tag's text: „Beta“, „Erprobung“.
    public var label: String
    /// One sentence beside it.
    public var text: String
    /// Where readers give feedback (a web address or `mailto:`), and the link's words.
    public var link: String?
    public var linkText: String?
    public init(label: String, text: String, link: String? = nil, linkText: String? = nil) {
        self.label = label; self.text = text; self.link = link; self.linkText = linkText
    }
}

/// One entry of `site.yml` `menu:`: a label and where it leads, with its place in `site.yml` so
/// that the build can check the target once it knows the site's pages.
public struct MenuEntry: Sendable, Hashable {
    public var label: String
    /// A path on the site (`/blaupausen/`) or a web address (`https://…`).
    public var target: String
    public var location: SourceLocation
    public init(label: String, target: String, location: SourceLocation) {
        self.label = label; self.target = target; self.location = location
    }

    /// Whether the target is a path on the site (checked against its pages), not a web address.
    public var isSitePath: Bool { target.hasPrefix("/") && !target.hasPrefix("//") }
}
