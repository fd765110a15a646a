import SiteModel
import Testing
import TestSupport

/// Data sets, charts and clusters in a whole build: the chart in a blueprint's page, the files
/// beside the CSV, errors at their places, and a site without data sets left as it was.
@Suite("Data sets and clusters in a build")
struct DataSetSiteTests {
    static let description = """
    ---
    title: Besuche
    summary: Besuche im Bürgerbüro.
    file: besuche.csv
    license: CC-BY-4.0
    source: Zählung am Eingang
    period: {start: 2024-01-01, end: 2024-02-29}
    publisher: marburg
    schema:
      fields:
        - {name: monat, type: yearmonth, title: Monat}
        - {name: besuche, type: integer, title: Besuche, unit: Personen, constraints: {minimum: 0}}
    ---
    Gezählt am Eingang.
    """
    static let chart = "## Zahlen\n\n```diagramm\ndaten: besuche\nart: balken\nx: monat\nwerte: besuche\ntitel: Besuche je Monat\n```\n"

    @Test("a blueprint's chart becomes a figure with the data set's numbers; the description files sit beside the CSV")
    func chartInABlueprint() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/daten/besuche.md": Self.description,
            "content/daten/besuche.csv": "monat,besuche\r\n2024-01,1200\r\n2024-02,980\r\n",
            "content/blaupausen/post.md": Fixtures.blueprint(body: Self.chart),
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        let page = try #require(built.text("blaupausen/post/index.html"))
        #expect(page.contains("<figure class=\"chart-figure data-chart\" id=\"diagramm-1\">"))
        #expect(page.contains("<td class=\"number\">1.200</td>") && page.contains("<th scope=\"row\">Feb. 2024</th>"))
        #expect(!page.contains("language-diagramm"), "the block is no code any more")
        let schema = try #require(built.text("daten/besuche.schema.json"))
        #expect(schema.contains("\"minimum\" : 0") && schema.contains("\"type\" : \"yearmonth\""))
        #expect(built.text("daten/besuche.datapackage.json")?.contains("\"path\" : \"besuche.csv\"") == true)
        let dataPage = try #require(built.text("daten/besuche/index.html"))
        #expect(dataPage.contains("Zählung am Eingang"))
        #expect(dataPage.contains("<figure class=\"chart-figure data-chart\" id=\"diagramm-datensatz\">") && dataPage.contains("Besuche nach Monat"),
                "a description without a chart of its own gets one")
    }

    @Test("a value that does not fit its column fails the build at the CSV's line and column")
    func wrongValue() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/daten/besuche.md": Self.description,
            "content/daten/besuche.csv": "monat,besuche\n2024-01,1.200\n2024-02,-3\n",
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.map { "\($0.location): \($0.message)" } == [
            "content/daten/besuche.csv:2:9: `1.200` in Spalte `besuche` ist keine ganze Zahl.",
            "content/daten/besuche.csv:3:9: `-3` in Spalte `besuche` ist kleiner als das Minimum 0.",
        ])
    }

    @Test("without data sets a diagramm block stays code and nothing looks for it")
    func noDataSets() throws {
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(body: Self.chart),
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty)
        #expect(built.text("blaupausen/post/index.html")?.contains("<code class=\"language-diagramm\">") == true)
        #expect(built.files.keys.allSatisfy { !$0.hasPrefix("daten/") || $0 == "daten/index.html" })
    }

    @Test("a cluster lists what names it; a municipality lists its clusters; a typo in `cluster:` is an error with a suggestion")
    func clusters() throws {
        let cluster = "---\ntitle: Post\nsummary: Alles zur Post.\nlead: marburg\nthemes: [Post]\n---\nText.\n"
        let site = try InlineSite([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/kompetenzcluster/post-cluster.md": cluster,
            "content/blaupausen/post.md": Fixtures.blueprint(extra: "cluster: post-cluster"),
            "content/blaupausen/andere.md": Fixtures.blueprint(title: "Andere", extra: "cluster: post-clustr"),
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.map(\.message) == ["`cluster` verweist auf `post-clustr`, aber es gibt keinen Kompetenzcluster mit dieser Kennung."])
        #expect(built.errors.first?.hint?.hasPrefix("Meintest du `post-cluster`?") == true)
    }
}
