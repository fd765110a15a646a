/// A list page (`/blaupausen/`, `/themen/e-akte/`, `/seitenuebersicht/`): groups of cards or
/// links, and for blueprints the filters.
struct ListPageFields: Encodable {
    /// The introduction of the folder's `index.md`.
    var content: String?
    var groups: [Group]
    /// Only blueprint lists have filters; an absent value would count as "not empty" in the template.
    var facets: [FacetGroup]
    /// Lists with filters: `7 Blaupausen`, above the results in a live region the script updates.
    var resultCount: String?
    /// Lists with filters: `Filter (1)`, the control the filters collapse behind on narrow screens.
    var filterLabel: String?

    struct Group: Encodable {
        var id: String
        var title: String
        var items: [Card]
        var links: [CountedLink]
        /// For screen readers only: the list's one group, whose name the page's heading already says.
        var titleHidden: Bool?
    }
}

/// A link with how many entries it leads to (themes).
struct CountedLink: Encodable {
    var title: String
    var url: String
    var count: Int?
}

/// One filter beside a blueprint list (see ``BlueprintFacets``).
struct FacetGroup: Encodable {
    var title: String
    var values: [Value]
    /// For a filter that shows only some values: the page with all of them.
    var more: More?

    struct Value: Encodable {
        var label: String
        var url: String
        var count: Int
        var current: Bool
        var key: String
    }

    struct More: Encodable {
        var url: String
        var label: String
    }
}

/// The home page: the introduction, the newest blueprints and reports, the ways in.
struct HomePageFields: Encodable {
    var content: String?
    var newest: [Card]
    var reports: [Card]
    /// The competence clusters, the entry to what the cooperation can do.
    var clusters: [Card]
    var entryPoints: [EntryPoint]

    struct EntryPoint: Encodable {
        var title: String
        var url: String
        var text: String
    }
}

/// `/reifegrade/`: what each maturity level and adoption status means.
struct MaturityPageFields: Encodable {
    var levels: [Level]
    var statuses: [Status]

    struct Level: Encodable {
        var id: String
        var label: String
        var explanation: String
        var countLabel: String
    }

    struct Status: Encodable {
        var id: String
        var label: String
        var explanation: String
    }
}

/// `/nachnutzung/`: who took which blueprint over, since when, how far (see ``AdoptionOverview``).
struct AdoptionsPageFields: Encodable {
    var rows: [Row]
    var totalLabel: String
    var perMunicipality: [Count]
    var statusURL: String
    /// The bar chart, stacked by status, as inline SVG.
    var chart: String?
    /// The statuses the chart shows, in the order of its stack; a swatch uses `#chart-muster-{{key}}`.
    var legend: [LegendEntry]
    /// The blueprints and the adopting municipalities of the rows, once each in alphabetical
    /// order: the choices of the filters (adoption-filters.js).
    var blueprints: [String]
    var municipalities: [String]

    struct Row: Encodable {
        var blueprint: String
        var blueprintURL: String
        /// The municipalities that developed the blueprint (its `municipalities`).
        var developers: [NamedLink]
        var municipality: String
        var municipalityURL: String?
        var ags: String?
        var since: String?
        var sinceLabel: String?
        var status: String?
        /// The status's id, or `ohne-angabe`.
        var statusKey: String
    }

    struct Count: Encodable {
        var name: String
        var count: Int
    }

    struct LegendEntry: Encodable {
        var key: String
        var label: String
        var explanation: String
        var count: Int
    }
}

/// A page vcc makes with at most an introduction (search, 404); the open-data page adds the address data is fetched from.
struct SimplePageFields: Encodable {
    var content: String?
    /// `/katalog/` only: the site's address (or base path) for the example requests.
    var baseURL: String?
}
