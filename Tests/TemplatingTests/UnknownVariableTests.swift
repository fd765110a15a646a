import FileAccess
import SiteModel
import Templating
import TestSupport
import Testing

@Suite("Names a template uses that the page does not have")
struct UnknownVariableTests {
    struct Link: Encodable { var name: String; var url: String }
    struct Phase: Encodable { var label = "Beta", text = "Neu.", link = "mailto:a@b.de", linkText = "Rückmeldung" }
    struct Site: Encodable { var title: String; var publisher: String }
    /// Stand-in context of `layouts/probe-a`.
    struct ProbeA: Encodable {
        struct Page: Encodable { var title: String; var keywords: [String] }
        var site: Site
        var page: Page
        var items: [Link]
        var emptyNote: String
    }
    /// Stand-in context of `layouts/probe-b`.
    struct ProbeB: Encodable {
        struct Page: Encodable { var title: String; var summary: String? }
        var site: Site
        var page: Page
        var featured: [Link]
    }

    static let templates = [
        "templates/base.mustache": """
            <title>{{page.title}} – {{site.title}}</title>
            {{$main}}{{/main}}
            <footer>{{site.publsher}}</footer>
            """,
        "templates/layouts/probe-a.mustache": """
            {{<base}}
            {{$main}}
            <h1>{{page.titel}}</h1>
            <ul>{{#items}}{{> partials/probe-card}}{{/items}}</ul>
            {{^items}}<p>{{emptyNote}}</p>{{/items}}
            {{^empty(page.keywords)}}{{#page.keywords}}{{.}}{{^last()}}, {{/last()}}{{/page.keywords}}{{/empty(page.keywords)}}
            {{/main}}
            {{/base}}
            """,
        "templates/layouts/probe-b.mustache": """
            {{<base}}
            {{$main}}
            <ul>{{#featured}}{{> partials/probe-card}}{{/featured}}</ul>
            {{#page.summary}}<p>{{.}} {{page.title}}</p>{{/page.summary}}
            {{#missing}}{{anything}}{{/missing}}{{url}}
            {{/main}}
            {{/base}}
            """,
        "templates/partials/probe-card.mustache": """
            <li><a href="{{url}}">{{name}}</a> {{page.title}} {{colour}}</li>
            """,
    ]

    static var examples: [String: any Encodable] { [
        "layouts/probe-a": ProbeA(site: Site(title: "VCC", publisher: "Hessen"), page: .init(title: "A", keywords: ["k"]),
                                  items: [Link(name: "n", url: "/u/")], emptyNote: "leer"),
        "layouts/probe-b": ProbeB(site: Site(title: "VCC", publisher: "Hessen"), page: .init(title: "B", summary: "S"),
                                  featured: [Link(name: "n", url: "/u/")]),
    ] }

    @Test("each unknown name is a warning at its tag, once, with the nearest field as the hint")
    func unknownNames() throws {
        let site = try InlineSite(Self.templates)
        defer { site.remove() }
        let (templates, problems) = TemplateSet.load(siteTemplates: ProjectFiles(root: site.root))
        #expect(problems.isEmpty)
        let found = templates.unknownVariables(examples: Self.examples)
        #expect(found.map(\.severity).allSatisfy { $0 == .warning })
        #expect(found.map(\.location.description) == [
            "templates/base.mustache:3:9",              // inherited by both layouts, reported once
            "templates/layouts/probe-a.mustache:3:5",   // dotted name, misspelt
            "templates/layouts/probe-b.mustache:5:1",   // a section over a field that does not exist
            "templates/layouts/probe-b.mustache:5:37",  // `url` exists only inside `featured`
            "templates/partials/probe-card.mustache:1:51",  // included from two layouts, reported once
        ])
        #expect(found[0].message == "Die Vorlage nennt `{{site.publsher}}`, aber die Seite hat kein Feld `publsher`.")
        #expect(found[0].hint == "Meintest du `publisher`?")
        #expect(found[1].message == "Die Vorlage nennt `{{page.titel}}`, aber die Seite hat kein Feld `titel`.")
        #expect(found[1].hint == "Meintest du `title`?")
        #expect(found[2].message == "Die Vorlage nennt `{{#missing}}`, aber die Seite hat kein Feld `missing`.")
        #expect(found[3].hint == "Felder an dieser Stelle: `featured`, `page`, `site`.")
        #expect(found[4].message == "Die Vorlage nennt `{{colour}}`, aber die Seite hat kein Feld `colour`.")
    }

    @Test("a layout whose names all exist has no warnings")
    func knownNames() throws {
        let site = try InlineSite([
            "templates/layouts/probe-a.mustache": "{{#items}}{{name}}{{#url}}{{url}}{{/url}}{{site.title}}{{/items}}{{{page.title}}}{{& page.title}}{{.page.title}}",
        ])
        defer { site.remove() }
        let (templates, _) = TemplateSet.load(siteTemplates: ProjectFiles(root: site.root))
        #expect(templates.unknownVariables(examples: ["layouts/probe-a": Self.examples["layouts/probe-a"]!]).isEmpty)
    }
}

/// Stand-ins for the contexts of the built-in theme's simplest layouts, with every optional set
/// and every list filled, until the real context structs bring their own examples.
@Suite("The built-in theme names only fields its pages have")
struct BuiltInThemeVariableTests {
    struct Link: Encodable { var title: String; var url: String }
    struct NavItem: Encodable { var title: String; var url: String; var current: Bool }
    struct Theme: Encodable { var name: String; var url: String }
    struct Phase: Encodable { var label = "Beta", text = "Neu.", link = "mailto:a@b.de", linkText = "Rückmeldung" }
    struct Site: Encodable {
        var title = "VCC", description = "Wissensbasis", basePath = "", assets = "/assets/0123456789ab", language = "de"
        var publisher = "Hessen", feedbackEmail = "a@b.de", logo = "/assets/logo.svg", organisations = "Marburg, Fulda"
        var hasColors = true, darkLogo = "/assets/logo-dunkel.svg", notice = "Beispielseite"
        var phase = Phase(), members = ["Marburg", "Fulda"]
        var legalPages = [Link(title: "Impressum", url: "/impressum/")]
    }
    struct Page: Encodable {
        var title = "Seite", url = "/seite/", isHome = false, summary = "Kurz", description = "Kurz"
        var canonical = "https://x/seite/", absoluteURL = "https://x/seite/", ogType = "website", jsonLD = "{}"
        var amb = "{}", ambURL = "/seite/amb.json", editURL = "https://git/edit"
    }
    struct Frame: Encodable {
        var site = Site()
        var page = Page()
        var nav = [NavItem(title: "Blaupausen", url: "/blaupausen/", current: true)]
        var breadcrumbs = [Link(title: "Start", url: "/")]
        var content = "<p>Text</p>"
        var toc = [Link(title: "Abschnitt", url: "#abschnitt")]
        var tocItems = "<li>Abschnitt</li>"
        var themes = [Theme(name: "Digitale Verwaltung", url: "/themen/digitale-verwaltung/")]
    }

    @Test("page and 404 with their base and partials have no unknown names")
    func builtInThemeIsClean() {
        let (templates, problems) = TemplateSet.load(siteTemplates: nil)
        #expect(problems.isEmpty)
        let found = templates.unknownVariables(examples: ["layouts/page": Frame(), "layouts/404": Frame()])
        #expect(found.isEmpty, "\(found)")
    }
}
