/// What the search index needs to know about one page: its fields, facets and text by section.
public struct SearchDocument: Sendable, Hashable {
    public var url: URLPath
    public var title: String
    /// The German name of the kind ("Blaupause", "Bericht", …), a facet.
    public var kind: String
    public var summary: String
    /// Keywords and tags: themes, keywords, a report's project acronym.
    public var keywords: [String]
    /// Other names of the document itself (a project's acronym, a municipality's official name):
    /// searched like its title, not shown.
    public var aliases: [String]
    /// Facet values.
    public var cities: [String]
    public var themes: [String]
    public var project: String?
    /// Body text cut at headings; `anchor` is the heading id, empty before the first heading.
    public var sections: [Section]

    public struct Section: Sendable, Hashable {
        public var heading: String
        public var anchor: String
        public var text: String
        public init(heading: String, anchor: String, text: String) {
            self.heading = heading; self.anchor = anchor; self.text = text
        }
    }

    public init(url: URLPath, title: String, kind: String, summary: String, keywords: [String], cities: [String],
                themes: [String], project: String?, sections: [Section], aliases: [String] = []) {
        self.url = url; self.title = title; self.kind = kind; self.summary = summary; self.keywords = keywords
        self.aliases = aliases
        self.cities = cities; self.themes = themes; self.project = project; self.sections = sections
    }
}
