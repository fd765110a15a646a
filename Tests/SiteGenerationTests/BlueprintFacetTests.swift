import Foundation
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// Finding and comparing blueprints without JavaScript: every filter value is a page of its own
/// with the blueprints it selects, and the list says how many there are.
@Suite("Blueprint filters")
struct BlueprintFacetTests {
    static func city(_ name: String, ags: String) -> String {
        Fixtures.municipality.replacingOccurrences(of: "name: Marburg", with: "name: \(name)").replacingOccurrences(of: "06534014", with: ags)
    }

    /// Three blueprints: one developed in Marburg and run in Marburg and (as adopter) Offenbach, one run
    /// only where it was developed, one without facts for a decision.
    let files: [String: String] = [
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/kommunen/offenbach.md": city("Offenbach", ags: "06413000"),
        "content/blaupausen/dashboard.md": Fixtures.blueprint(title: "Dashboard", extra: """
            in_operation: [{municipality: marburg, since: 2023-09-01}]
            adopted_by:
              - {municipality: offenbach, since: 2024-06-15, status: im-betrieb}
              - {name: "Gemeinde Beispiel", ags: "06435099", status: interessiert}
            suitable_for: {min: 20000, max: 500000}
            costs: {one_off: 16000, yearly: 3600}
            products: [{name: Matomo, open_source: true}, {name: Civento, open_source: false}]
            """),
        "content/blaupausen/termine.md": Fixtures.blueprint(title: "Termine", municipalities: "[offenbach]", extra: """
            in_operation: [{municipality: offenbach}]
            suitable_for: {min: 40000}
            costs: {yearly: 12000}
            products: [{name: Terminland, open_source: true}]
            """),
        "content/blaupausen/idee.md": Fixtures.blueprint(title: "Idee"),
    ]

    func build() throws -> BuiltSite {
        let site = try InlineSite(files)
        defer { site.remove() }
        return try site.build()
    }

    /// The cards on a page, by their titles.
    func titles(_ page: String) -> [String] {
        page.components(separatedBy: "<h3 class=\"card-title\"><a href=\"").dropFirst()
            .compactMap { $0.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init) }
    }

    @Test("'Im Einsatz bei' names adopters in operation, not only the developers")
    func runningIn() throws {
        let site = try build()
        // Every filter page is claimed by the output plan; one that is not fails the build.
        #expect(site.errors.isEmpty, "\(site.errors)")
        #expect(try titles(#require(site.text("blaupausen/im-einsatz/offenbach/index.html"))).sorted() == ["Dashboard", "Termine"])
        #expect(try titles(#require(site.text("blaupausen/im-einsatz/marburg/index.html"))) == ["Dashboard"])
        // "Entwickelt von" stays the developers.
        #expect(try titles(#require(site.text("blaupausen/kommune/offenbach/index.html"))) == ["Termine"])
    }

    @Test("the number of municipalities in operation is offered as thresholds: at least 1, at least 2")
    func operationThresholds() throws {
        let site = try build()
        #expect(try titles(#require(site.text("blaupausen/im-betrieb-bei/1/index.html"))) == ["Dashboard", "Termine"])
        #expect(try titles(#require(site.text("blaupausen/im-betrieb-bei/2/index.html"))) == ["Dashboard"])
        #expect(site.text("blaupausen/im-betrieb-bei/3/index.html") == nil, "no value selects nothing")
        let overview = try #require(site.text("blaupausen/index.html"))
        #expect(overview.contains("href=\"/blaupausen/im-betrieb-bei/2/\">mindestens 2 Kommunen</a> <span class=\"facet-count\">(1)</span>"))
    }

    @Test("'Passt zu unserer Größe' offers size bands that overlap suitable_for; open ends reach on")
    func sizeBands() throws {
        let site = try build()
        #expect(site.text("blaupausen/groesse/unter-10000/index.html") == nil, "no blueprint suits fewer than 10,000")
        #expect(try titles(#require(site.text("blaupausen/groesse/20000-bis-50000/index.html"))) == ["Dashboard", "Termine"])
        #expect(try titles(#require(site.text("blaupausen/groesse/ab-100000/index.html"))) == ["Dashboard", "Termine"])
    }

    @Test("yearly costs come in bands and open source is 'nur' or 'auch'")
    func costsAndOpenSource() throws {
        let site = try build()
        #expect(try titles(#require(site.text("blaupausen/kosten/unter-5000/index.html"))) == ["Dashboard"])
        #expect(try titles(#require(site.text("blaupausen/kosten/ab-10000/index.html"))) == ["Termine"])
        #expect(try titles(#require(site.text("blaupausen/open-source/nur/index.html"))) == ["Termine"])
        #expect(try titles(#require(site.text("blaupausen/open-source/teilweise/index.html"))) == ["Dashboard"])
    }

    @Test("the list comes by relevance, counts its results, and cards show maturity, where it runs, adopters and costs")
    func listAndCards() throws {
        let site = try build()
        let overview = try #require(site.text("blaupausen/index.html"))
        #expect(titles(overview) == ["Dashboard", "Termine", "Idee"], "most municipalities in operation first")
        #expect(overview.contains("aria-live=\"polite\" data-result-count>3 Blaupausen</p>"))
        #expect(overview.contains("<span data-facet-summary>Filter (0)</span>"))
        #expect(overview.contains("<details class=\"facet-panel\" data-facet-panel>"), "collapsed until the script opens it on wide screens")
        for part in ["Im Betrieb in</span> Marburg, Offenbach", "2 Kommunen übernehmen die Lösung",
                     "16.000\u{00A0}€ einmalig, 3.600\u{00A0}€ im Jahr", "data-operation=\"2\"", "data-suitable-min=\"20000\" data-suitable-max=\"500000\"",
                     "einsatz:offenbach", "betrieb:2", "groesse:20000-bis-50000", "kosten:unter-5000", "open-source:teilweise"] {
            #expect(overview.contains(part), "missing: \(part)")
        }
        let filtered = try #require(site.text("blaupausen/im-betrieb-bei/2/index.html"))
        #expect(filtered.contains("data-result-count>1 Blaupause</p>") && filtered.contains("Filter (1)"))
    }
}
