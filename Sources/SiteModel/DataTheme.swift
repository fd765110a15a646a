/// The EU data-theme vocabulary (`http://publications.europa.eu/resource/authority/data-theme`)
/// that DCAT-AP.de asks every dataset to be filed under; GovData sorts its catalogue by it.
public enum DataTheme: String, CaseIterable, Sendable, Hashable, Comparable {
    case agri = "AGRI", econ = "ECON", educ = "EDUC", ener = "ENER", envi = "ENVI", gove = "GOVE", heal = "HEAL"
    case intr = "INTR", just = "JUST", regi = "REGI", soci = "SOCI", tech = "TECH", tran = "TRAN"

    /// The theme a blueprint gets when none of its themes is mapped: most of them are about administration.
    public static let fallback = DataTheme.gove

    public var uri: String { "http://publications.europa.eu/resource/authority/data-theme/" + rawValue }

    /// The vocabulary's German label.
    public var germanName: String {
        switch self {
        case .agri: "Landwirtschaft, Fischerei, Forstwirtschaft und Nahrungsmittel"
        case .econ: "Wirtschaft und Finanzen"
        case .educ: "Bildung, Kultur und Sport"
        case .ener: "Energie"
        case .envi: "Umwelt"
        case .gove: "Regierung und öffentlicher Sektor"
        case .heal: "Gesundheit"
        case .intr: "Internationale Themen"
        case .just: "Justiz, Rechtssystem und öffentliche Sicherheit"
        case .regi: "Regionen und Städte"
        case .soci: "Bevölkerung und Gesellschaft"
        case .tech: "Wissenschaft und Technologie"
        case .tran: "Verkehr"
        }
    }

    public static func < (left: DataTheme, right: DataTheme) -> Bool { left.rawValue < right.rawValue }
}

/// `site.yml` `data_themes:`: which EU data themes the site's own themes belong to, compared by
/// slug (so `Open Data` and `open-data` are one theme).
public struct DataThemeMapping: Sendable, Hashable {
    /// One line of the mapping: a site theme's EU themes and where `site.yml` says so.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var themes: [DataTheme]
        public var line: Int
        public init(name: String, themes: [DataTheme], line: Int) { self.name = name; self.themes = themes; self.line = line }
    }

    /// By the slug of the site theme.
    public var entries: [String: Entry] = [:]

    public init() {}

    /// The EU themes of a document with these site themes: every mapped one, else the fallback.
    public func dataThemes(for themes: [String]) -> [DataTheme] {
        let mapped = Set(themes.flatMap { entries[Slug($0).rawValue]?.themes ?? [] })
        return mapped.isEmpty ? [DataTheme.fallback] : mapped.sorted()
    }
}
