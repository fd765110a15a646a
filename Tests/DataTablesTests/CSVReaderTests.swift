import DataTables
import SiteModel
import Testing

/// RFC 4180 as staff's spreadsheets write it: quotes, doubled quotes, line breaks in fields, CRLF;
/// and every field's line and column, for messages at `file.csv:line:column`.
@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields keep separators, doubled quotes and line breaks; each field knows where it starts")
    func quotedFields() {
        let text = "name,notiz\r\n\"Müller, Anna\",\"sagt \"\"ja\"\"\"\r\nB,\"zwei\nZeilen\"\r\nC,\r\n"
        let (records, problems) = CSVReader().records(of: text, file: "a.csv")
        #expect(problems.isEmpty)
        #expect(records.map(\.texts) == [["name", "notiz"], ["Müller, Anna", "sagt \"ja\""], ["B", "zwei\nZeilen"], ["C", ""]])
        #expect(records[1].fields[1].line == 2 && records[1].fields[1].column == 16)
        #expect(records[3].line == 5, "the record after a field over two lines starts on line 5")
    }

    @Test("a quote never closed, a stray quote and text after a closing quote are errors at their place, and reading ends")
    func brokenQuotes() {
        let (_, unclosed) = CSVReader().records(of: "a,b\n1,\"offen\n", file: "a.csv")
        #expect(unclosed.map { "\($0.location)" } == ["a.csv:2:3"])
        let (_, stray) = CSVReader().records(of: "a,b\n1,x\"y\n", file: "a.csv")
        #expect(stray.map { "\($0.location)" } == ["a.csv:2:4"])
        let (_, after) = CSVReader().records(of: "a,b\n\"1\"x,2\n", file: "a.csv")
        #expect(after.map { "\($0.location)" } == ["a.csv:2:4"])
    }

    @Test("a two-megabyte quoted value is read in linear time (it once took minutes: each scalar copied the field)")
    func longQuotedValue() {
        let long = String(repeating: "x", count: 2_000_000)
        let started = ContinuousClock.now
        let (records, problems) = CSVReader().records(of: "a,b\n\"\(long)\",1\n", file: "a.csv")
        #expect(problems.isEmpty)
        #expect(records.count == 2 && records[1].fields[0].text.utf8.count == 2_000_000)
        // Linear is well under a second even in a debug build; quadratic was minutes.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("a byte-order mark is skipped and a missing final line break loses nothing")
    func edges() {
        let (records, _) = CSVReader().records(of: "\u{FEFF}a,b\n1,2", file: "a.csv")
        #expect(records.map(\.texts) == [["a", "b"], ["1", "2"]])
        #expect(records[0].fields[0].column == 1)
    }
}

/// Every row against the description: types, constraints, missing and extra columns, the header.
@Suite("Data set rows against their Table Schema")
struct DataTableCheckTests {
    static let fields: [DataField] = {
        var monat = DataField(name: "monat", type: .yearmonth)
        monat.isRequired = true
        var aufrufe = DataField(name: "aufrufe", type: .integer)
        aufrufe.minimum = 0
        var quote = DataField(name: "quote", type: .number)
        quote.location = SourceLocation(file: "content/daten/x.md", line: 14, column: 13)
        return [monat, aufrufe, quote]
    }()

    func check(_ csv: String) -> (rows: [[DataValue]], messages: [String]) {
        let (records, problems) = CSVReader().records(of: csv, file: "content/daten/x.csv")
        #expect(problems.isEmpty)
        let (rows, found) = DataTableCheck(fields: Self.fields, file: "content/daten/x.csv", descriptionFile: "content/daten/x.md").rows(of: records)
        return (rows, found.map { "\($0.location): \($0.message)" })
    }

    @Test("valid rows become typed values")
    func typed() {
        let (rows, messages) = check("monat,aufrufe,quote\n2024-01,1234,12.5\n2024-02,0,\n")
        #expect(messages.isEmpty)
        #expect(rows == [[.yearMonth(year: 2024, month: 1), .integer(1234), .number(12.5)], [.yearMonth(year: 2024, month: 2), .integer(0), .missing]])
    }

    @Test("a wrong value is an error at its line and column, in words")
    func wrongValue() {
        let (rows, messages) = check("monat,aufrufe,quote\n2024-01,12.5,1\n2024-13,-1,\"1,5\"\n,3,1\n")
        #expect(rows.isEmpty)
        #expect(messages == [
            "content/daten/x.csv:2:9: `12.5` in Spalte `aufrufe` ist keine ganze Zahl.",
            "content/daten/x.csv:3:1: `2024-13` in Spalte `monat` ist kein Monat (JJJJ-MM).",
            "content/daten/x.csv:3:9: `-1` in Spalte `aufrufe` ist kleiner als das Minimum 0.",
            "content/daten/x.csv:3:12: `1,5` in Spalte `quote` ist keine Zahl.",
            "content/daten/x.csv:4:1: In Spalte `monat` fehlt ein Wert; die Spalte ist Pflicht (`required: true`).",
        ])
    }

    @Test("a row with a missing value and a row with one too many are errors at the row")
    func missingAndExtraCells() {
        let (_, messages) = check("monat,aufrufe,quote\n2024-01,12\n2024-02,1,2,3\n")
        #expect(messages == [
            "content/daten/x.csv:2:11: Die Zeile hat 2 Werte, die Kopfzeile 3 Spalten: es fehlt `quote`.",
            "content/daten/x.csv:3:13: Die Zeile hat mehr Werte als die Kopfzeile Spalten (3): `3` gehört zu keiner Spalte.",
        ])
    }

    @Test("a column the CSV lacks is an error at the description; an undescribed one at the header")
    func headerMismatch() {
        let (_, messages) = check("monat,aufrufe,quota\n2024-01,1,2\n")
        #expect(messages == [
            "content/daten/x.csv:1:15: Die Spalte `quota` steht nicht in der Beschreibung (`schema.fields` in content/daten/x.md).",
            "content/daten/x.md:14:13: Die Beschreibung nennt die Spalte `quote`, aber die Kopfzeile von content/daten/x.csv hat sie nicht.",
        ])
        let (_, empty) = check("")
        #expect(empty.count == 1 && empty[0].hasPrefix("content/daten/x.csv:1:1: Die CSV-Datei ist leer"))
    }
}
