/// What every document's page adds to the frame: its rendered text and table of contents, and the
/// fields of its kind (`blueprint`, `report`, … ; nothing for a plain page).
struct DocumentFields<Kind: Encodable>: Encodable {
    /// The body as HTML from cmark, as UTF-8 (inserted unescaped; everything else is escaped).
    var content: [UInt8]
    var toc: [TOCEntry]
    /// The table of contents as ready `<li>` items: a long law has hundreds of entries.
    var tocItems: String
    /// A blueprint's themes; empty elsewhere (an absent list would be looked up in the frame).
    var themes: [ThemeLink]
    var kind: Kind

    private enum CodingKeys: String, CodingKey { case content, toc, tocItems, themes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(decoding: content, as: UTF8.self), forKey: .content)
        try container.encode(toc, forKey: .toc)
        try container.encode(tocItems, forKey: .tocItems)
        try container.encode(themes, forKey: .themes)
        try kind.encode(to: encoder)
    }
}

/// A theme of a blueprint, linked to its page.
struct ThemeLink: Encodable {
    var name: String
    var url: String
    /// Whether the theme has a page (only blueprints' themes get one); without, `url` is empty and
    /// the theme is shown as text. A flag, not a missing `url`: Mustache would look a missing name
    /// up in the enclosing context and find the page's own address.
    var hasPage = true
}

/// A plain page (about, Impressum) has no fields of its kind.
struct PlainPageFields: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// `{{report.…}}`.
struct ReportPageFields: Encodable {
    struct Report: Encodable {
        var reportType: String
        var published: String
        var publishedLabel: String
        var authors: String
        var project: NamedLink
        var license: LicenseFields?
    }
    var report: Report
}

/// `{{project.…}}`.
struct ProjectPageFields: Encodable {
    struct Project: Encodable {
        var acronym: String
        var status: String
        var start: String
        var startLabel: String
        var end: String?
        var endLabel: String?
        var funding: String?
        var lead: NamedLink
        var partners: [NamedLink]
        var reports: [Card]
        var blueprints: [Card]
        /// The competence cluster the project belongs to.
        var cluster: NamedLink?
        /// Sessions of events about the project.
        var sessions: [SessionLink] = []
        /// Data sets the project's figures are published in.
        var datasets: [Card] = []
    }
    var project: Project
}

/// `{{municipality.…}}`.
struct MunicipalityPageFields: Encodable {
    struct Municipality: Encodable {
        var officialName: String
        var ags: String
        var website: String
        /// `133.000`.
        var population: String?
        var contact: ContactFields?
        var built: [Card]
        /// Cards with `adoption` saying how far the city has come.
        var adopted: [Card]
        var projects: [Card]
        /// Cards of the competence clusters the city leads or joins; `adoption` says which.
        var clusters: [Card]
        /// Sessions of events its people speak in.
        var sessions: [SessionLink] = []
        /// Data sets the city publishes.
        var datasets: [Card] = []
    }
    var municipality: Municipality
}

/// `{{course.…}}`.
struct CoursePageFields: Encodable {
    struct Course: Encodable {
        var audience: String
        var workload: String
        var license: LicenseFields
        var learningOutcomes: [String]
        var modules: [Module]
        /// `Vor Ort, Material für eigene Schulungen im Haus`.
        var formats: String?
        var provider: String?
        var dates: [CourseDateItem]
        var cost: String?
        var registration: String?
        var contact: ContactFields?
        /// The course material as a package for running it in-house.
        var material: BlueprintPageFields.Package?
        /// The competence cluster the course belongs to.
        var cluster: NamedLink?
        /// Sessions of events about the course.
        var sessions: [SessionLink] = []
    }
    struct CourseDateItem: Encodable {
        var date: String
        var dateLabel: String
        var place: String?
    }
    struct Module: Encodable {
        var title: String
        var url: String
        var duration: String?
    }
    var course: Course
}

/// `{{module.…}}`.
struct ModulePageFields: Encodable {
    struct Module: Encodable {
        var duration: String
        var learningObjectives: [String]
        var position: Int
        var count: Int
        var course: PageLink
        var previous: PageLink?
        var next: PageLink?
        /// On the last module: back to the course, so a learner is never at a dead end.
        var backToCourse: PageLink?
    }
    var module: Module
}
