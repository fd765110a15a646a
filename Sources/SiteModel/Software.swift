/// Software behind a blueprint that others can run themselves, described for Open CoDE's software
/// directory (publiccode.yml): where its code lies, how mature it is, who maintains it.
public struct Software: Sendable, Hashable {
    /// The publiccode.yml `developmentStatus` values.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case concept, development, beta, stable, obsolete

        /// The label shown to readers.
        public var label: String {
            switch self {
            case .concept: "Konzept"
            case .development: "In Entwicklung"
            case .beta: "Beta"
            case .stable: "Stabil"
            case .obsolete: "Veraltet"
            }
        }
    }

    /// The publiccode.yml `softwareType` values.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case standaloneMobile = "standalone/mobile", standaloneIoT = "standalone/iot", standaloneDesktop = "standalone/desktop"
        case standaloneWeb = "standalone/web", standaloneBackend = "standalone/backend", standaloneOther = "standalone/other"
        case addon, library, configurationFiles

        /// The label shown to readers.
        public var label: String {
            switch self {
            case .standaloneMobile: "App für Mobilgeräte"
            case .standaloneIoT: "Software für vernetzte Geräte (IoT)"
            case .standaloneDesktop: "Desktop-Anwendung"
            case .standaloneWeb: "Webanwendung"
            case .standaloneBackend: "Serverdienst"
            case .standaloneOther: "Eigenständige Software"
            case .addon: "Erweiterung einer anderen Software"
            case .library: "Programmbibliothek"
            case .configurationFiles: "Konfiguration und Vorlagen für bestehende Software"
            }
        }
    }

    /// The publiccode.yml `maintenance.type` values.
    public enum Maintenance: String, Sendable, Hashable, CaseIterable {
        case `internal`, contract, community, none
    }

    /// publiccode.yml's controlled vocabulary for `categories` (docs/standard/categories-list.rst).
    public static let categoryVocabulary: Set<String> = [
        "accounting", "agile-project-management", "applicant-tracking", "application-development",
        "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting", "business-intelligence",
        "business-process-management", "cad", "call-center-management", "cloud-management", "collaboration",
        "communications", "compliance-management", "contact-management", "content-management", "crm",
        "customer-service-and-support", "data-analytics", "data-collection", "data-visualization", "design",
        "design-system", "digital-asset-management", "digital-citizenship", "document-management", "donor-management",
        "e-commerce", "e-signature", "educational-content", "email-management", "email-marketing",
        "employee-management", "enterprise-project-management", "enterprise-social-networking", "erp",
        "event-management", "facility-management", "feedback-and-reviews-management", "financial-reporting",
        "fleet-management", "fundraising", "gamification", "geographic-information-systems", "grant-management",
        "graphic-design", "help-desk", "hr", "ide", "identity-management", "instant-messaging",
        "inventory-management", "it-asset-management", "it-development", "it-management", "it-security",
        "it-service-management", "knowledge-management", "learning-management-system", "marketing", "mind-mapping",
        "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking", "online-community",
        "payment-gateway", "payroll", "predictive-analysis", "procurement", "productivity-suite",
        "project-collaboration", "project-management", "property-management", "real-estate-management",
        "remote-support", "resource-management", "sales-management", "seo", "service-desk", "social-media-management",
        "survey", "talent-management", "task-management", "taxes-management", "test-management", "time-management",
        "time-tracking", "translation", "video-conferencing", "video-editing", "visitor-management", "voip",
        "warehouse-management", "web-collaboration", "web-conferencing", "website-builder", "whistleblowing",
        "workflow-management",
    ]

    /// The address of the source code repository (publiccode.yml `url`).
    public var repository: String
    public var status: Status
    public var kind: Kind
    /// `web`, `linux`, `windows`, `mac`, `android`, `ios` or other platforms.
    public var platforms: [String]
    public var maintenance: Maintenance
    /// Who maintains it; the blueprint's contact when not given.
    public var contact: Contact?
    /// The software's licence as an SPDX expression; the blueprint's licence when not given.
    public var license: String?
    /// What it does, one short line each.
    public var features: [String]
    /// Until when the contractor maintains it (`YYYY-MM-DD`), for `maintenance: contract`.
    public var contractUntil: ContentDate?
    /// Terms from ``categoryVocabulary``.
    public var categories: [String]

    public init(repository: String, status: Status, kind: Kind, platforms: [String], maintenance: Maintenance,
                contact: Contact? = nil, license: String? = nil, features: [String] = [], categories: [String]) {
        self.repository = repository; self.status = status; self.kind = kind; self.platforms = platforms
        self.maintenance = maintenance; self.contact = contact; self.license = license; self.features = features
        self.categories = categories
    }
}
