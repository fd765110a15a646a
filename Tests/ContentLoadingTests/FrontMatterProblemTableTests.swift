import ContentLoading
import SiteModel
import Testing
import TestSupport

/// Problems a staff member cannot see in the editor, and values that look right but are not: each
/// row is one file, the severity and German words the report must have, and where it points.
@Suite("Front matter problems named in German")
struct FrontMatterProblemTableTests {
    struct Row: CustomStringConvertible, Sendable {
        var name: String
        var file: String
        var severity: Diagnostic.Severity
        var fragment: String
        var line: Int
        var column: Int
        var description: String { name }
    }

    /// The fixture's front matter: line 2 `title`, 3 `summary`, 5 `themes`, 9 `updated`, 10 `extra`.
    static let rows: [Row] = [
        Row(name: "tab", file: Fixtures.blueprint(title: "Digitaler\tPosteingang"),
            severity: .error, fragment: "Tabulator (U+0009)", line: 2, column: 17),
        Row(name: "tab as indentation", file: Fixtures.blueprint(extra: "prerequisites:\n\t- Scanner"),
            severity: .error, fragment: "Tabulator (U+0009)", line: 11, column: 1),
        Row(name: "non-breaking space", file: Fixtures.blueprint(title: "Digitaler\u{A0}Posteingang"),
            severity: .error, fragment: "geschütztes Leerzeichen (U+00A0), oft aus Word kopiert", line: 2, column: 17),
        Row(name: "narrow non-breaking space",
            file: Fixtures.blueprint().replacingOccurrences(of: "summary: Post wird", with: "summary: Post\u{202F}wird"),
            severity: .error, fragment: "schmales geschütztes Leerzeichen (U+202F)", line: 3, column: 14),
        Row(name: "zero-width space", file: Fixtures.blueprint(extra: "prerequisites: [Scan\u{200B}ner]"),
            severity: .error, fragment: "Leerzeichen ohne Breite (U+200B)", line: 10, column: 21),
        Row(name: "byte order mark in the middle", file: Fixtures.blueprint(extra: "\u{FEFF}prerequisites: [Scanner]"),
            severity: .error, fragment: "Byte-Order-Mark (U+FEFF) mitten im Text", line: 10, column: 1),
        Row(name: "typographic quotes as YAML quotes", file: Fixtures.blueprint(title: "„Digitaler Posteingang“"),
            severity: .error, fragment: "Typografisches Anführungszeichen „ (U+201E)", line: 2, column: 8),
        Row(name: "mis-indented list",
            file: Fixtures.blueprint().replacingOccurrences(of: "themes: [Digitale Verwaltung]", with: "themes:\n- Digitale Verwaltung\n  - E-Akte"),
            severity: .error, fragment: "Die Liste `themes` ist falsch eingerückt", line: 6, column: 3),
        Row(name: "29 February of a common year", file: Fixtures.blueprint().replacingOccurrences(of: "2024-05-01", with: "2023-02-29"),
            severity: .error, fragment: "den 29. Februar gibt es 2023 nicht", line: 9, column: 10),
        Row(name: "31 April", file: Fixtures.blueprint().replacingOccurrences(of: "2024-05-01", with: "2024-04-31"),
            severity: .error, fragment: "den 31. April gibt es nicht", line: 9, column: 10),
        Row(name: "month 13", file: Fixtures.blueprint().replacingOccurrences(of: "2024-05-01", with: "2024-13-01"),
            severity: .error, fragment: "einen 13. Monat gibt es nicht", line: 9, column: 10),
        Row(name: "a draft's invisible character, built without --drafts",
            file: Fixtures.blueprint(title: "Digitaler\u{A0}Posteingang", extra: "draft: true"),
            severity: .warning, fragment: "Entwurf (wird nicht veröffentlicht): Unsichtbares Zeichen im Front Matter: geschütztes Leerzeichen", line: 2, column: 17),
        Row(name: "a draft's impossible date, built without --drafts",
            file: Fixtures.blueprint(extra: "draft: true").replacingOccurrences(of: "2024-05-01", with: "2024-02-30"),
            severity: .warning, fragment: "den 30. Februar gibt es nicht", line: 9, column: 10),
    ]

    @Test("each problem is reported with its severity, in German, at its place", arguments: rows)
    func reported(_ row: Row) throws {
        let site = try InlineSite(["content/blaupausen/post.md": row.file])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        let found = try #require(project.diagnostics.first { $0.message.contains(row.fragment) },
                                 "\(project.diagnostics.map(\.description))")
        #expect(found.severity == row.severity)
        #expect(found.location == SourceLocation(file: "content/blaupausen/post.md", line: row.line, column: row.column))
        #expect(found.hint?.isEmpty == false)
        // No sentence of libyaml's English reaches the report.
        #expect(!project.diagnostics.contains { $0.message.contains("cannot start any token") })
        if row.severity == .warning { #expect(!project.diagnostics.containsErrors) }
    }

    @Test("a draft is checked fully with --drafts")
    func draftWithDrafts() throws {
        let site = try InlineSite(["content/blaupausen/post.md": Fixtures.blueprint(title: "Digitaler\u{A0}Posteingang", extra: "draft: true")])
        defer { site.remove() }
        let project = try ContentLoader(includesDrafts: true).loadProject(at: site.root)
        #expect(project.diagnostics.contains { $0.severity == .error && $0.message.contains("U+00A0") })
    }

    @Test("every placeholder of a file is counted: 60 give 50 listed and `und 10 weitere` of 60")
    func placeholders() throws {
        let body = (1...60).map { "Absatz \($0): «ausfüllen: Text \($0)»" }.joined(separator: "\n\n")
        let site = try InlineSite(["content/blaupausen/post.md": Fixtures.blueprint(body: body)])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        let listed = project.diagnostics.filter { $0.message.hasPrefix("Platzhalter noch nicht ausgefüllt") }
        #expect(listed.count == 50)
        let rest = try #require(project.diagnostics.first { $0.message.contains("und 10 weitere Platzhalter") })
        #expect(rest.message.contains("insgesamt 60"))
        #expect(rest.severity == .error)
    }

    @Test("placeholders are found whatever else the file quotes with « », also with a decomposed umlaut and at the very end")
    func placeholdersAmongQuotes() throws {
        let quotes = (1...40).map { "Der Begriff «Verwaltung\($0)» steht in § \($0)." }.joined(separator: "\n\n")
        let site = try InlineSite([
            "content/blaupausen/zitate.md": Fixtures.blueprint(body: quotes),
            "content/blaupausen/zerlegt.md": Fixtures.blueprint(body: quotes + "\n\n«ausfu\u{308}llen: Ansprechperson»"),
            "content/blaupausen/ende.md": Fixtures.blueprint(body: quotes + "\n\n«ergänzen:"),
        ])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        let found = project.diagnostics.filter { $0.message.hasPrefix("Platzhalter noch") || $0.message.hasPrefix("Noch zu ergänzen") }
        #expect(found.map { String($0.location.file.split(separator: "/").last ?? "") }.sorted() == ["ende.md", "zerlegt.md"])
    }

    @Test("a correct list and German quotes inside a text are no problem")
    func noFalseAlarm() throws {
        let site = try InlineSite(["content/blaupausen/post.md": Fixtures.blueprint(
            title: "Die „E-Akte“ im Test", extra: "prerequisites:\n  - Scanner - Typ A\n  - Drucker")])
        defer { site.remove() }
        let project = try ContentLoader().loadProject(at: site.root)
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics.map(\.description))")
    }
}
