/// The kinds of content vcc knows; the folder under `content/` or a `type:` key chooses one.
public enum ContentKind: String, Sendable, Hashable, CaseIterable {
    case blueprint, report, course, module, project, municipality, page
    case dataset, cluster
    case event

    /// The German name shown in the UI and used for search facets.
    public var germanName: String {
        switch self {
        case .blueprint: "Blaupause"
        case .report: "Bericht"
        case .course: "Kurs"
        case .module: "Kursmodul"
        case .project: "Projekt"
        case .municipality: "Kommune"
        case .page: "Seite"
        case .dataset: "Datensatz"
        case .cluster: "Kompetenzcluster"
        case .event: "Veranstaltung"
        }
    }

    /// "keine Blaupause", "kein Projekt": the German name with the negative article.
    public var noneOf: String {
        // Every case named, so a new kind has to choose its article.
        switch self {
        case .project, .module: "kein \(germanName)"
        case .report, .dataset, .cluster: "keinen \(germanName)"
        case .blueprint, .course, .municipality, .page: "keine \(germanName)"
        case .event: "keine \(germanName)"
        }
    }

    /// The German name `type:` and `vcc new` take (`blaupause`); the English `rawValue` is taken too.
    public var germanTypeName: String {
        switch self {
        case .blueprint: "blaupause"
        case .report: "bericht"
        case .course: "kurs"
        case .module: "modul"
        case .project: "projekt"
        case .municipality: "kommune"
        case .page: "seite"
        case .dataset: "datensatz"
        case .cluster: "kompetenzcluster"
        case .event: "veranstaltung"
        }
    }

    /// The kind a type name names, German or English, in any case (`Blaupause`, `blueprint`).
    public init?(typeName: String) {
        let name = typeName.lowercased()
        guard let kind = Self.allCases.first(where: { $0.rawValue == name || $0.germanTypeName == name }) else { return nil }
        self = kind
    }

    /// The documents of the kind as a group of the site index (`/seitenuebersicht/`): its id and heading.
    public var siteIndexGroup: (id: String, title: String) {
        switch self {
        case .blueprint: ("blaupausen", "Blaupausen")
        case .report: ("berichte", "Berichte")
        case .project: ("projekte", "Projekte")
        case .course: ("kurse", "Kurse")
        case .module: ("module", "Kursmodule")
        case .municipality: ("kommunen", "Kommunen")
        case .page: ("seiten", "Weitere Seiten")
        case .dataset: ("daten", "Datensätze")
        case .cluster: ("kompetenzcluster", "Kompetenzcluster")
        case .event: ("veranstaltungen", "Veranstaltungen")
        }
    }
}

/// How far a blueprint has come; the order is the life cycle.
public enum Maturity: String, Sendable, Hashable, CaseIterable {
    case idee, pilot, imBetrieb = "im-betrieb", mehrfachImBetrieb = "mehrfach-im-betrieb", eingestellt

    /// Values older files use, still accepted: `ausgerollt` is now `mehrfach-im-betrieb`.
    public static let formerNames: [String: Maturity] = ["ausgerollt": .mehrfachImBetrieb]

    /// How many municipalities must run the solution in regular operation for this level to be true.
    public var municipalitiesInOperation: Int {
        switch self {
        case .idee, .pilot, .eingestellt: 0
        case .imBetrieb: 1
        case .mehrfachImBetrieb: 2
        }
    }

    /// The label shown to readers.
    public var label: String {
        switch self {
        case .idee: "Idee"
        case .pilot: "Pilot"
        case .imBetrieb: "Im Betrieb"
        case .mehrfachImBetrieb: "In mehreren Kommunen im Betrieb"
        case .eingestellt: "Eingestellt"
        }
    }

    /// What the level means for a municipality that considers taking the blueprint over.
    public var explanation: String {
        switch self {
        case .idee: "Ein Vorschlag, der noch nirgends umgesetzt ist. Gut für Mitstreiter, noch nicht zum Übernehmen."
        case .pilot: "Läuft probeweise in einer Stadt oder einem Amt. Erste Erfahrungen liegen vor, Änderungen sind wahrscheinlich."
        case .imBetrieb: "Im regulären Betrieb mindestens einer Stadt. Abläufe, Kosten und Vorlagen sind erprobt."
        case .mehrfachImBetrieb: "In mindestens zwei Kommunen im regulären Betrieb. Die Übernahme ist erprobt."
        case .eingestellt: "Nicht mehr im Einsatz. Die Beschreibung bleibt als Erfahrung erhalten, zur Übernahme ist sie nicht empfohlen."
        }
    }
}

/// Another municipality that took over a blueprint: one of the cooperation by id, or any other
/// by name and Amtlicher Gemeindeschlüssel.
public struct Adoption: Sendable, Hashable {
    /// The id of a municipality in `content/kommunen/`; nil for one outside the cooperation.
    public var municipality: String?
    /// Name and AGS of a municipality outside the cooperation.
    public var name: String?
    public var ags: String?
    public var since: ContentDate?
    public var status: AdoptionStatus?
    /// Whom other municipalities ask about their experience (else the city page's contact).
    public var contact: Contact?
    /// Where the entry is written, for messages about it.
    public var location: SourceLocation?
    public init(municipality: String?, name: String? = nil, ags: String? = nil, since: ContentDate?, status: AdoptionStatus?,
                contact: Contact? = nil, location: SourceLocation? = nil) {
        self.municipality = municipality; self.name = name; self.ags = ags
        self.since = since; self.status = status; self.contact = contact; self.location = location
    }

    /// Whether the adopter runs the solution in regular operation.
    public var isInOperation: Bool { status == .imBetrieb }
}

/// How far a municipality has come with a blueprint it takes over.
public enum AdoptionStatus: String, Sendable, Hashable, CaseIterable {
    case interessiert, inVorbereitung = "in-vorbereitung", pilot, imBetrieb = "im-betrieb", beendet

    /// The label shown to readers, after "Status der Übernahme:"; worded unlike the maturity
    /// levels (a blueprint "Im Betrieb" and a city that "nutzt die Lösung im Betrieb").
    public var label: String {
        switch self {
        case .interessiert: "Prüft die Übernahme"
        case .inVorbereitung: "Bereitet die Übernahme vor"
        case .pilot: "Erprobt die Lösung"
        case .imBetrieb: "Nutzt die Lösung im Betrieb"
        case .beendet: "Hat die Nutzung beendet"
        }
    }

    /// Whether other municipalities may ask this one about its experience (it has tried or runs the solution).
    public var hasExperience: Bool { self == .pilot || self == .imBetrieb }

    /// What the status means, for the legend and the explanation page.
    public var explanation: String {
        switch self {
        case .interessiert: "Die Kommune prüft, ob sie die Blaupause übernimmt."
        case .inVorbereitung: "Die Übernahme ist beschlossen und wird vorbereitet (Beschaffung, Dienstvereinbarung, Schulung)."
        case .pilot: "Die Lösung läuft probeweise in einem Teil der Verwaltung."
        case .imBetrieb: "Die Lösung ist im regulären Betrieb."
        case .beendet: "Die Nachnutzung wurde beendet."
        }
    }
}

/// Costs of running a blueprint, in whole euros, as its authors estimate them.
public struct Costs: Sendable, Hashable {
    public var oneOff: Int?
    public var yearly: Int?
    public var note: String?
    public init(oneOff: Int?, yearly: Int?, note: String?) { self.oneOff = oneOff; self.yearly = yearly; self.note = note }
}

/// Software a blueprint uses.
public struct Product: Sendable, Hashable {
    public var name: String
    public var isOpenSource: Bool?
    /// An SPDX id or free text ("proprietär").
    public var license: String?
    public var url: String?
    public init(name: String, isOpenSource: Bool?, license: String?, url: String?) {
        self.name = name; self.isOpenSource = isOpenSource; self.license = license; self.url = url
    }
}

/// The municipality sizes (inhabitants) a blueprint suits.
public struct PopulationRange: Sendable, Hashable {
    public var minimum: Int?
    public var maximum: Int?
    public init(minimum: Int?, maximum: Int?) { self.minimum = minimum; self.maximum = maximum }
}

/// A file offered for download with a blueprint.
public struct Attachment: Sendable, Hashable {
    public var title: String
    /// The file, relative to the blueprint's Markdown file.
    public var path: String
    /// Where `path` is written, for errors about it.
    public var location: SourceLocation?
    public init(title: String, path: String, location: SourceLocation? = nil) {
        self.title = title; self.path = path; self.location = location
    }
}

/// A reusable solution another municipality can copy.
public struct Blueprint: Sendable, Hashable {
    public var summary: String
    public var municipalities: [Reference]
    public var themes: [String]
    public var maturity: Maturity
    /// The licence, validated against vcc's table when loading.
    public var license: License
    public var contact: Contact
    public var updated: ContentDate
    public var prerequisites: [String]
    public var effort: String?
    public var adoptedBy: [Adoption]
    public var related: [Reference]
    public var attachments: [Attachment]
    /// The facts for a decision (all optional).
    public var costs: Costs?
    public var products: [Product] = []
    public var legalBasis: [String] = []
    /// Templates to adapt (data-protection assessment, staff-council agreement), offered like attachments.
    public var documents: [Attachment] = []
    public var suitableFor: PopulationRange?
    /// The project that produced the blueprint.
    public var project: Reference?
    /// Software others can run themselves; gives the blueprint a publiccode.yml.
    public var software: Software?
    /// Developing municipalities that run the solution in regular operation.
    public var inOperation: [Operation] = []
    /// The competence cluster the blueprint belongs to.
    public var cluster: Reference?

    /// How many municipalities run the solution in regular operation: developers in `in_operation`
    /// and adopters with `status: im-betrieb`.
    public var operationCount: Int { inOperation.count + adoptedBy.filter(\.isInOperation).count }

    public init(summary: String, municipalities: [Reference], themes: [String], maturity: Maturity, license: License,
                contact: Contact, updated: ContentDate, prerequisites: [String], effort: String?,
                adoptedBy: [Adoption], related: [Reference], attachments: [Attachment]) {
        self.summary = summary; self.municipalities = municipalities; self.themes = themes
        self.maturity = maturity; self.license = license; self.contact = contact; self.updated = updated
        self.prerequisites = prerequisites; self.effort = effort; self.adoptedBy = adoptedBy
        self.related = related; self.attachments = attachments
    }
}

/// A report from a project.
public struct Report: Sendable, Hashable {
    public var summary: String
    public var project: Reference
    public var reportType: String
    public var published: ContentDate
    public var authors: [String]
    /// Optional: the licence the report is published under.
    public var license: License?
    public init(summary: String, project: Reference, reportType: String, published: ContentDate, authors: [String]) {
        self.summary = summary; self.project = project; self.reportType = reportType
        self.published = published; self.authors = authors
    }
}

/// A qualification course; its modules are the other files in its folder.
public struct Course: Sendable, Hashable {
    public var summary: String
    public var audience: String
    public var learningOutcomes: [String]
    public var workload: String
    public var license: License
    /// For OER portals (AMB): the level of the course and the kinds of its material.
    public var educationalLevel: EducationalLevel?
    public var learningResourceTypes: [LearningResourceType] = []
    /// How the course is taken: on one's own, on site, online, or run in-house from the material.
    public var formats: [CourseFormat] = []
    /// Who runs the course.
    public var provider: String?
    /// Dates it takes place, with the place.
    public var dates: [CourseDate] = []
    /// What it costs, in words (`kostenfrei für Kommunen der Kooperation`, `120 € pro Person`).
    public var cost: String?
    /// Whether taking part costs nothing (AMB's `isAccessibleForFree`, for OER portals).
    public var isFreeOfCharge: Bool?
    /// Where to register.
    public var registration: String?
    /// Whom to ask about the course.
    public var contact: Contact?
    /// Themes, as blueprints have them: the theme's page lists the course and its modules.
    public var themes: [String] = []
    /// The competence cluster the course belongs to.
    public var cluster: Reference?
    public init(summary: String, audience: String, learningOutcomes: [String], workload: String, license: License) {
        self.summary = summary; self.audience = audience; self.learningOutcomes = learningOutcomes
        self.workload = workload; self.license = license
    }
}

/// One module of a course, placed by `order`.
public struct CourseModule: Sendable, Hashable {
    public var order: Int
    public var learningObjectives: [String]
    public var duration: String
    /// For OER portals (AMB): what kind of material the module is.
    public var learningResourceTypes: [LearningResourceType] = []
    public init(order: Int, learningObjectives: [String], duration: String) {
        self.order = order; self.learningObjectives = learningObjectives; self.duration = duration
    }
}

/// A project of the cooperation.
public struct Project: Sendable, Hashable {
    public var acronym: String
    public var lead: Reference
    public var partners: [Reference]
    public var status: String
    public var start: ContentDate
    public var end: ContentDate?
    public var funding: String?
    public var summary: String?
    /// The competence cluster the project belongs to.
    public var cluster: Reference?
    public init(acronym: String, lead: Reference, partners: [Reference], status: String, start: ContentDate,
                end: ContentDate?, funding: String?, summary: String?) {
        self.acronym = acronym; self.lead = lead; self.partners = partners; self.status = status
        self.start = start; self.end = end; self.funding = funding; self.summary = summary
    }
}

/// A municipality of the cooperation.
public struct Municipality: Sendable, Hashable {
    public var officialName: String
    public var ags: String
    public var website: String
    public var summary: String?
    /// Inhabitants, for "Passt zu unserer Größe" and the city page.
    public var population: Int?
    /// Whom other municipalities ask (the city's digital office).
    public var contact: Contact?
    public init(officialName: String, ags: String, website: String, summary: String?) {
        self.officialName = officialName; self.ags = ags; self.website = website; self.summary = summary
    }
}

/// Any other page: about, Impressum, Datenschutz, accessibility statement.
public struct PlainPage: Sendable, Hashable {
    public var summary: String?
    public var keywords: [String]
    public init(summary: String?, keywords: [String]) { self.summary = summary; self.keywords = keywords }
}

/// The typed front matter of one document.
public enum DocumentMetadata: Sendable, Hashable {
    case blueprint(Blueprint)
    case report(Report)
    case course(Course)
    case module(CourseModule)
    case project(Project)
    case municipality(Municipality)
    case page(PlainPage)
    case dataset(Dataset)
    case cluster(Cluster)
    case event(Event)

    public var kind: ContentKind {
        switch self {
        case .blueprint: .blueprint
        case .report: .report
        case .course: .course
        case .module: .module
        case .project: .project
        case .municipality: .municipality
        case .page: .page
        case .dataset: .dataset
        case .cluster: .cluster
        case .event: .event
        }
    }
}

/// An id that points at another document (a municipality, a project, a blueprint), with where it was written.
public struct Reference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public init(id: String, location: SourceLocation) { self.id = id; self.location = location }
}
