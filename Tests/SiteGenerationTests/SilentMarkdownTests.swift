import SiteModel
import Testing
import TestSupport

/// Issue 22, "nothing silent": Markdown and links that built without a word but showed the reader
/// something else than the author wrote. Each case is said at its place, in German, with a fix.
@Suite("Nothing silent: Markdown and links")
struct SilentMarkdownTests {
    /// One case: the body of `content/seite.md` (its body starts on line 5), the finding expected.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var severity: Diagnostic.Severity
        var fragment: String
        /// `file:line:col` of the finding.
        var place: String
        var files: [String: String] = [:]
        var testDescription: String { name }
    }

    static let page = "---\ntitle: Seite\nsummary: Eine Seite.\n---\n"

    static let cases: [Case] = [
        Case(name: "table pasted from Excel", body: "Name\tTelefon\nMeier\t123\n", severity: .warning,
             fragment: "Tabelle aus Excel?", place: "content/seite.md:5:1"),
        Case(name: "pipe table without delimiter row", body: "Text.\n\n| Name | Telefon |\n| Meier | 123 |\n", severity: .warning,
             fragment: "keine Trennzeile `|---|`", place: "content/seite.md:7:1"),
        Case(name: "table row with a cell too many", body: "| Name | Telefon |\n|---|---|\n| Meier | 123 | Zimmer 4 |\n", severity: .error,
             fragment: "die letzte Zelle fehlt", place: "content/seite.md:7:16"),
        Case(name: "raw HTML without allow_raw_html", body: "Text.\n\n<div class=\"hinweis\">Achtung</div>\n", severity: .error,
             fragment: "HTML `<div>` wird weggelassen", place: "content/seite.md:7:1"),
        Case(name: "link path with a space", body: "Siehe [das Formular](mein formular.pdf).\n", severity: .error,
             fragment: "Leerzeichen im Pfad", place: "content/seite.md:5:7"),
        Case(name: "link to localhost", body: "Siehe [Start](http://localhost:8080/).\n", severity: .error,
             fragment: "Vorschau auf deinem Rechner", place: "content/seite.md:5:7"),
        Case(name: "link to 127.0.0.1", body: "Siehe [Start](http://127.0.0.1:4000/seite/).\n", severity: .error,
             fragment: "Vorschau auf deinem Rechner", place: "content/seite.md:5:7"),
        Case(name: "link to the site's own base_url", body: "Text.\n\nSiehe [Start](https://wissen.example.org/seite/).\n", severity: .error,
             fragment: "eigene Adresse der Website", place: "content/seite.md:7:7",
             files: ["site.yml": "base_url: https://wissen.example.org\n"]),
        Case(name: "second H1 in the body", body: "# Seite\n\nText.\n\n# Noch ein Titel\n", severity: .warning,
             fragment: "Zweite Hauptüberschrift", place: "content/seite.md:9:1"),
        Case(name: "mail address without mailto", body: "[Schreib uns](info@stadt.de)\n", severity: .error,
             fragment: "`mailto:info@stadt.de`", place: "content/seite.md:5:1"),
        Case(name: "image named in other letter case", body: "![Der Ablauf](Ablauf.png)\n", severity: .error,
             fragment: "Meintest du `ablauf.png`?", place: "content/seite.md:5:1",
             files: ["content/ablauf.png": "png"]),
        Case(name: "link to a page in other letter case", body: "[Die Seite](Andere.md)\n", severity: .error,
             fragment: "Meintest du `andere.md`?", place: "content/seite.md:5:1",
             files: ["content/andere.md": "---\ntitle: Andere\nsummary: Noch eine.\n---\nText.\n"]),
        Case(name: "image over the size limit", body: "![Der Plan](plan.png)\n", severity: .warning,
             fragment: "Das Bild ist 3 KB groß (mehr als 2 KB)", place: "content/plan.png:1:1",
             files: ["content/plan.png": String(repeating: "x", count: 3_000), "site.yml": "images: {max_kb: 2}\n"]),
    ]

    @Test("each case is a diagnostic at its place", arguments: cases)
    func finding(_ row: Case) throws {
        var files = row.files
        files["content/seite.md"] = Self.page + row.body
        let site = try InlineSite(files)
        defer { site.remove() }
        let built = try site.build()
        let found = built.diagnostics.filter { $0.message.contains(row.fragment) || ($0.hint ?? "").contains(row.fragment) }
        let described = built.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.message) | \($0.hint ?? "")" }
        #expect(found.count == 1, "\(described)")
        guard let diagnostic = found.first else { return }
        #expect(diagnostic.severity == row.severity)
        #expect("\(diagnostic.location.file):\(diagnostic.location.line):\(diagnostic.location.column)" == row.place)
        #expect(diagnostic.hint?.isEmpty == false, "every finding says how to fix it")
        // Exit relevance: an error fails the build, a warning alone does not.
        #expect(built.errors.isEmpty == (row.severity == .warning), "\(described)")
    }

    @Test("the image limit defaults to one megabyte and leaves smaller pictures alone")
    func imageLimitDefault() throws {
        let site = try InlineSite([
            "content/seite.md": Self.page + "![Der Plan](plan.png)\n",
            "content/plan.png": String(repeating: "x", count: 900_000),
        ])
        defer { site.remove() }
        #expect(try site.build().diagnostics.allSatisfy { !$0.message.contains("Das Bild ist") })
    }

    @Test("an image limit that is no number is an error at site.yml")
    func imageLimitInvalid() throws {
        let site = try InlineSite(["site.yml": "images: {max_kb: viel}\n", "content/seite.md": Self.page + "Text.\n"])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.contains { $0.location.file == "site.yml" && $0.message.contains("`max_kb`") }, "\(built.diagnostics.map(\.message))")
    }

    @Test("allowed raw HTML, a link title and a table with its delimiter row are fine")
    func noFalseAlarms() throws {
        let site = try InlineSite([
            "site.yml": "allow_raw_html: true\n",
            "content/seite.md": Self.page + "<div>Hinweis</div>\n\n[Formular](formular.pdf \"Das Formular\")\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 \\| 4 | 5 |\n",
            "content/formular.pdf": "%PDF",
        ])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.diagnostics.isEmpty, "\(built.diagnostics.map(\.message))")
    }
}
