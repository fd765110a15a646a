import DataCharts
import DataTables
import SiteModel
import Testing

/// ```diagramm blocks: their keys, the numbers taken from a data set, and the figure's markup.
@Suite("Charts from data sets")
struct ChartTests {
    static let dataset: Dataset = {
        var dataset = Dataset(summary: "s", file: "x.csv", license: License.named("CC-BY-4.0")!, source: "q",
                              start: ContentDate(iso: "2024-01-01")!, end: ContentDate(iso: "2024-12-31")!, fields: [
                                DataField(name: "monat", type: .yearmonth, title: "Monat"),
                                DataField(name: "dienst", type: .string, title: "Dienst"),
                                DataField(name: "aufrufe", type: .integer, title: "Aufrufe", unit: "Anzahl"),
                              ])
        dataset.rows = [
            [.yearMonth(year: 2024, month: 2), .text("B <&>"), .integer(1500)],
            [.yearMonth(year: 2024, month: 1), .text("A"), .integer(10)],
            [.yearMonth(year: 2024, month: 1), .text("B <&>"), .integer(1234)],
            [.yearMonth(year: 2024, month: 2), .text("A"), .integer(20)],
        ]
        return dataset
    }()
    static let fence = SourceLocation(file: "content/berichte/b.md", line: 10, column: 1)

    @Test("a block's keys become a spec; an unknown key, a missing key and an unknown kind are errors at their lines")
    func spec() {
        let (spec, problems) = ChartSpec.parse("daten: x\nart: Gestapelte  Balken\nx: monat\nwerte: [a, b]\ntitel: \"T\"\n", at: Self.fence)
        #expect(problems.isEmpty)
        #expect(spec?.kind == .stackedBars && spec?.values == ["a", "b"] && spec?.title == "T")
        let (none, found) = ChartSpec.parse("daten: x\nart: torte\nwert: a\n", at: Self.fence)
        #expect(none == nil)
        #expect(found.map { "\($0.location.line): \($0.message)" } == [
            "13: `wert` ist keine Angabe, die ein Diagramm kennt.",
            "10: Dem Diagramm fehlt `x:`.", "10: Dem Diagramm fehlt `werte:`.", "10: Dem Diagramm fehlt `titel:`.",
            "10: `art: torte` ist keine Diagrammart, die vcc zeichnet.",
        ])
    }

    @Test("groups become series, months are sorted, rows on the same point are added")
    func grouped() throws {
        let (spec, _) = ChartSpec.parse("daten: x\nart: linien\nx: monat\nwerte: aufrufe\ngruppen: dienst\ntitel: T", at: Self.fence)
        let data = try ChartData.make(#require(spec), from: Self.dataset, at: Self.fence).get()
        #expect(data.categories == ["Jan. 2024", "Feb. 2024"])
        #expect(data.series.map(\.label) == ["B <&>", "A"])
        #expect(data.series.map(\.values) == [[1234, 1500], [10, 20]])
        let (byService, _) = ChartSpec.parse("daten: x\nart: balken\nx: dienst\nwerte: aufrufe\ntitel: T", at: Self.fence)
        let sums = try ChartData.make(#require(byService), from: Self.dataset, at: Self.fence).get()
        #expect(sums.categories == ["B <&>", "A"] && sums.series[0].values == [2734, 30])
    }

    @Test("an unknown column and a text column as values are errors naming the columns there are")
    func wrongColumns() throws {
        let (spec, _) = ChartSpec.parse("daten: x\nart: balken\nx: monat\nwerte: aufruf\ntitel: T", at: Self.fence)
        guard case .failure(let problem) = ChartData.make(try #require(spec), from: Self.dataset, at: Self.fence) else { Issue.record(); return }
        #expect(problem.message.contains("keine Spalte `aufruf`") && problem.hint?.contains("Meintest du `aufrufe`?") == true)
        let (text, _) = ChartSpec.parse("daten: x\nart: balken\nx: monat\nwerte: dienst\ntitel: T", at: Self.fence)
        guard case .failure(let other) = ChartData.make(try #require(text), from: Self.dataset, at: Self.fence) else { Issue.record(); return }
        #expect(other.message.contains("ein Diagramm zeigt nur Zahlen"))
    }

    @Test("the figure escapes every text, has a title and description, and its table holds German numbers")
    func figure() throws {
        for kind in ["balken", "gestapelte balken", "linien"] {
            let (html, problems) = ChartBlocks(sources: ["x": .init(dataset: Self.dataset, title: "Daten <1>", page: "/daten/x/")])
                .figure("daten: x\nart: \(kind)\nx: monat\nwerte: aufrufe\ngruppen: dienst\ntitel: Titel <script>", at: Self.fence, number: 2)
            #expect(problems.isEmpty)
            let figure = try #require(html)
            #expect(!figure.contains("<script") && figure.contains("Titel &lt;script&gt;") && figure.contains("B &lt;&amp;&gt;"))
            #expect(figure.contains("<title id=\"diagramm-2-titel\">") && figure.contains("<desc id=\"diagramm-2-beschreibung\">"))
            #expect(figure.contains("<details class=\"chart-data\"><summary>Die Zahlen als Tabelle</summary>"))
            #expect(figure.contains("<td class=\"number\">1.234</td>") && figure.contains("<th scope=\"row\">Jan. 2024</th>"))
        }
        let (_, unknown) = ChartBlocks(sources: [:]).figure("daten: y\nart: balken\nx: a\nwerte: b\ntitel: T", at: Self.fence, number: 1)
        #expect(unknown.map(\.message) == ["`daten: y`: es gibt keinen Datensatz mit dieser Kennung."])
    }

    @Test("German numbers: points between thousands, a comma before decimals")
    func germanNumbers() {
        #expect(GermanFormat.decimal(1234.5) == "1.234,5")
        #expect(GermanFormat.decimal(-1234567) == "-1.234.567")
        #expect(GermanFormat.decimal(0.25) == "0,25")
        #expect(GermanFormat.decimal(12) == "12")
        #expect(DataValue.yearMonth(year: 2024, month: 9).german == "Sept. 2024")
    }
}

/// What no data may do: stop the build with enormous, tiny or endless numbers, or a header out of order.
@Suite("Charts and tables from hostile data")
struct HostileDataTests {
    @Test("enormous and negative values are drawn and written without stopping the build")
    func enormousValues() throws {
        var dataset = ChartTests.dataset
        dataset.fields[2] = DataField(name: "aufrufe", type: .number, title: "Aufrufe")
        dataset.rows = [[.yearMonth(year: 2024, month: 1), .text("A"), .number(1e300)], [.yearMonth(year: 2024, month: 2), .text("A"), .number(1e300)],
                        [.yearMonth(year: 2024, month: 3), .text("A"), .number(-5)], [.yearMonth(year: 2024, month: 1), .text("A"), .number(1.7e308)]]
        for kind in ["balken", "gestapelte balken", "linien"] {
            let (html, problems) = ChartBlocks(sources: ["x": .init(dataset: dataset, title: "D", page: "/d/")])
                .figure("daten: x\nart: \(kind)\nx: monat\nwerte: aufrufe\ntitel: T", at: ChartTests.fence, number: 1)
            #expect(problems.isEmpty && html?.contains("<svg") == true, "\(kind)")
        }
        #expect(GermanFormat.decimal(1e300) == "1e+300")
        #expect(GermanFormat.decimal(.infinity) == "–")
    }

    @Test("a header with the described columns in another order is an error at the column")
    func headerOrder() {
        let fields = [DataField(name: "a", type: .string), DataField(name: "b", type: .string)]
        let (records, _) = CSVReader().records(of: "b,a\n1,2\n", file: "x.csv")
        let (rows, problems) = DataTableCheck(fields: fields, file: "x.csv", descriptionFile: "x.md").rows(of: records)
        #expect(rows.isEmpty)
        #expect(problems.map { "\($0.location): \($0.message)" } == [
            "x.csv:1:1: Die Spalte `b` steht an Stelle 1, die Beschreibung nennt sie an anderer Stelle.",
            "x.csv:1:3: Die Spalte `a` steht an Stelle 2, die Beschreibung nennt sie an anderer Stelle.",
        ])
    }

    @Test("a chart with more categories than can be read is an error, not a page of ten thousand bars")
    func tooManyCategories() throws {
        var dataset = ChartTests.dataset
        dataset.rows = (1...100).map { [.yearMonth(year: 2000 + $0, month: 1), .text("A"), .integer($0)] }
        let (_, problems) = ChartBlocks(sources: ["x": .init(dataset: dataset, title: "D", page: "/d/")])
            .figure("daten: x\nart: balken\nx: monat\nwerte: aufrufe\ntitel: T", at: ChartTests.fence, number: 1)
        #expect(problems.map(\.message) == ["Das Diagramm hätte 100 Werte entlang `x: monat`; lesbar bleiben höchstens 60."])
    }
}
