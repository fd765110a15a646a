import SiteModel

/// What every page's context has: the site, the page itself, the navigation and the breadcrumbs.
/// Each layout's context adds its own fields beside these (see ``LayoutContext``).
struct PageFrame: Encodable {
    var site: SiteFields
    var page: PageFields
    var nav: [NavigationLink]
    var breadcrumbs: [PageLink]
}

/// `{{site.…}}`: the site as `site.yml` describes it.
struct SiteFields: Encodable {
    var title: String
    /// Left out when empty: a section treats an empty text as present.
    var description: String?
    /// `/kb` for a site below the root, else empty.
    var basePath: String
    /// The theme's folder with its fingerprint: `{{site.assets}}/style.css`.
    var assets: String
    var language: String
    var publisher: String?
    var feedbackEmail: String?
    /// Whether `site.yml` sets colours (`farben.css`, the theme's colour roles, is written either way).
    var hasColors: Bool
    var logo: String?
    /// The logo for dark mode (`logo: {dunkel: …}`), when the site has one.
    var darkLogo: String?
    /// `notice:`: the sentence under the header of every page.
    var notice: String?
    /// `phase:`: the phase banner's tag and sentence.
    var phase: PhaseFields?
    /// The member cities, one by one (for the footer's list).
    var members: [String]
    /// The cooperation's members, comma-separated.
    var organisations: String?
    /// Impressum, Datenschutz, Barrierefreiheit: only those the site has.
    var legalPages: [PageLink]
}

/// `{{site.phase.…}}`: the phase banner.
struct PhaseFields: Encodable {
    var label: String
    var text: String
    /// The feedback link after the sentence, when `phase:` has one.
    var link: String?
    var linkText: String?
}

/// `{{page.…}}`: the page being rendered.
struct PageFields: Encodable {
    var title: String
    var url: String
    var isHome: Bool
    var summary: String?
    /// The canonical address, where the site knows its address.
    var canonical: String?
    /// For `<meta name="description">` and sharing: the summary or the start of the text.
    var description: String?
    var absoluteURL: String
    /// Open Graph type: `website` or `article`.
    var ogType: String
    /// The schema.org JSON-LD, as text for a `<script type="application/ld+json">` data block.
    var jsonLD: String?
    /// Where staff edit the page's Markdown, when `site.yml` says.
    var editURL: String?
    /// A course's or module's AMB record (JSON-LD text), and a course's record file.
    var amb: String?
    var ambURL: String?
}

/// A link in the header's navigation.
struct NavigationLink: Encodable {
    var title: String
    var url: String
    /// Whether the page lies in this section.
    var current: Bool
}

/// A link with a title: breadcrumbs, legal pages, modules of a course.
struct PageLink: Encodable {
    var title: String
    var url: String
}

/// A link to another document by its id: its title and page, or only the id when it does not exist.
struct NamedLink: Encodable {
    var name: String
    var url: String?
}

/// A licence with its name linked to its text and what it allows.
struct LicenseFields: Encodable {
    var spdx: String
    var name: String
    var shortName: String
    var url: String
    var conditions: String
}

/// A summary card in lists: title, link, kind, date, maturity and cities.
struct Card: Encodable {
    var title: String
    var url: String
    var kindLabel: String
    var summary: String?
    var date: String?
    var dateLabel: String?
    /// `Stand`, `Veröffentlicht` or `Start`.
    var dateCaption: String?
    /// A blueprint's filter values (`reifegrad:pilot kommune:offenbach`), for filtering in the browser.
    var facetKeys: String?
    var maturity: String?
    var maturityLabel: String?
    var cities: String?
    /// A blueprint's municipalities in regular operation: `Offenbach, Wetzlar`.
    var operation: String?
    /// On a municipality's page: how far it has come with the blueprint.
    var adoption: String?
    /// A competence cluster's lead and members, or on a municipality's page its part in the cluster.
    var role: String?
    /// A blueprint's adopters: `2 Kommunen übernehmen die Lösung`.
    var adopters: String?
    /// A blueprint's estimated costs: `16.000 € einmalig, 3.600 € im Jahr`.
    var costs: String?
    /// A blueprint's numbers the browser sorts and filters by.
    var sorting: CardSorting?
}

/// Whom to ask: an office, optionally a person, and how to reach them.
struct ContactFields: Encodable {
    var name: String
    var person: String?
    var email: String?
    var url: String?
    var phone: String?
    /// `tel:+49698065…`, for the phone number's link.
    var tel: String?

    init(_ contact: Contact) {
        name = contact.name; person = contact.person; email = contact.email; url = contact.url
        phone = contact.phone; tel = contact.telURI
    }
}

/// An entry of the table of contents.
struct TOCEntry: Encodable {
    var level: Int
    var text: String
    var id: String
}
