import ContentLoading
import SiteModel
import Testing
import TestSupport

@Suite("Content loading")
struct ContentLoaderTests {
    func load(_ files: [String: String]) throws -> LoadedProject {
        let site = try InlineSite(files)
        defer { site.remove() }
        return try ContentLoader().loadProject(at: site.root)
    }

    @Test("a blueprint's front matter decodes into the typed model")
    func blueprint() throws {
        let project = try load(["content/blaupausen/post.md": Fixtures.blueprint(extra: """
        adopted_by:
          - {municipality: fulda, since: 2024-02-01, status: Pilot}
        prerequisites: [Scanner]
        """)])
        #expect(project.diagnostics.isEmpty)
        let document = try #require(project.documents.first)
        guard case .blueprint(let b) = document.metadata else { Issue.record("not a blueprint"); return }
        #expect(document.title == "Digitaler Posteingang")
        #expect(document.id == "post")
        #expect(b.maturity == .pilot)
        #expect(b.municipalities.map(\.id) == ["marburg"])
        #expect(b.adoptedBy.first?.since == ContentDate(iso: "2024-02-01"))
        #expect(b.prerequisites == ["Scanner"])
    }

    @Test("a missing required field is an error that names the field and how to add it")
    func missingField() throws {
        let text = Fixtures.blueprint().replacingOccurrences(of: "license: CC-BY-4.0\n", with: "")
        let project = try load(["content/blaupausen/post.md": text])
        let error = try #require(project.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("`license`"))
        #expect(error.hint?.contains("license:") == true)
        #expect(error.location.file == "content/blaupausen/post.md")
        #expect(project.documents.isEmpty)
    }

    @Test("broken YAML is reported at its line and column in the Markdown file")
    func brokenYAML() throws {
        let project = try load(["content/seite.md": "---\ntitle: Test\nsummary: a: b\n---\nText"])
        let error = try #require(project.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location.line == 3)
        #expect(error.location.column > 1)
        #expect(error.message.contains("YAML"))
    }

    @Test("all problems of all files are reported together")
    func allProblemsTogether() throws {
        let project = try load([
            "content/a.md": "---\ntitle: [unclosed\n---\n",
            "content/blaupausen/b.md": Fixtures.blueprint().replacingOccurrences(of: "maturity: pilot", with: "maturity: pilott"),
            "content/blaupausen/c.md": Fixtures.blueprint().replacingOccurrences(of: "updated: 2024-05-01", with: "updated: 2024-13-01"),
        ])
        let files = Set(project.diagnostics.filter { $0.severity == .error }.map(\.location.file))
        #expect(files == ["content/a.md", "content/blaupausen/b.md", "content/blaupausen/c.md"])
        let maturity = project.diagnostics.first { $0.location.file == "content/blaupausen/b.md" }
        #expect(maturity?.hint?.contains("Meintest du `pilot`?") == true)
        #expect(maturity?.location.line == 6)
    }

    @Test("an unknown key is a warning with a did-you-mean suggestion")
    func unknownKey() throws {
        let project = try load(["content/blaupausen/b.md": Fixtures.blueprint(extra: "sumary: doppelt")])
        let warning = try #require(project.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("`sumary`"))
        #expect(warning.hint == "Meintest du `summary`?")
        #expect(project.documents.count == 1, "a warning does not drop the document")
    }

    @Test("a list where text is expected is a type error")
    func wrongType() throws {
        let text = Fixtures.blueprint().replacingOccurrences(of: "summary: Post wird zentral gescannt.", with: "summary: [a, b]")
        let project = try load(["content/blaupausen/b.md": text])
        let error = try #require(project.diagnostics.first)
        #expect(error.message.contains("muss ein Text sein"))
        #expect(error.location.line == 3)
    }

    @Test("invalid UTF-8 is reported at the line of the bad byte")
    func invalidUTF8() throws {
        let site = try InlineSite([:])
        defer { site.remove() }
        try site.write(Array("---\ntitle: A\n---\nGut\nSchlecht: ".utf8) + [0xFF, 0x0A], to: "content/a.md")
        let project = try ContentLoader().loadProject(at: site.root)
        let error = try #require(project.diagnostics.first)
        #expect(error.location.line == 5)
        #expect(error.message.contains("UTF-8"))
    }

    @Test("a municipality's AGS must be eight digits starting with 06")
    func ags() throws {
        let bad = Fixtures.municipality.replacingOccurrences(of: "\"06534014\"", with: "6534014")
        let project = try load(["content/kommunen/marburg.md": bad])
        #expect(project.diagnostics.contains { $0.message.contains("Gemeindeschlüssel") || $0.message.contains("`ags`") })
        let other = try load(["content/kommunen/x.md": Fixtures.municipality.replacingOccurrences(of: "06534014", with: "09162000")])
        #expect(other.diagnostics.contains { $0.message.contains("nicht zu Hessen") })
    }

    @Test("a page without front matter takes its title from the first heading")
    func plainMarkdown() throws {
        let project = try load(["content/notizen.md": "# Meine Notizen\n\nText", "content/ohne-titel.md": "Nur Text"])
        #expect(project.diagnostics.isEmpty)
        #expect(project.documents.map(\.title) == ["Meine Notizen", "Ohne Titel"])
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let site = try InlineSite(["content/entwurf.md": "---\ntitle: Entwurf\ndraft: true\n---\n"])
        defer { site.remove() }
        #expect(try ContentLoader().loadProject(at: site.root).documents.isEmpty)
        #expect(try ContentLoader(includesDrafts: true).loadProject(at: site.root).documents.count == 1)
    }

    @Test("the folder chooses the kind, and a type key overrides it")
    func kinds() throws {
        let project = try load([
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/qualifizierung/kurs/index.md": "---\ntitle: K\nsummary: S\naudience: A\nlearning_outcomes: [L]\nworkload: 1 h\nlicense: CC0-1.0\n---\n",
            "content/qualifizierung/kurs/eins.md": "---\ntitle: M\norder: 1\nlearning_objectives: [Z]\nduration: 1 h\n---\n",
            "content/sonstiges/x.md": "---\ntype: page\ntitle: X\n---\n",
        ])
        #expect(project.diagnostics.isEmpty)
        #expect(project.documents.map(\.kind) == [.municipality, .module, .course, .page], "sorted by path: eins.md before index.md")
    }

    @Test("site.yml settings are read, and a bad base_url is an error")
    func siteConfiguration() throws {
        let good = try load(["site.yml": "title: VCC\nbase_url: https://example.org/wiki/\nallow_raw_html: true\n"])
        #expect(good.configuration.title == "VCC")
        #expect(good.configuration.baseURL == "https://example.org/wiki")
        #expect(good.configuration.basePath == "/wiki")
        #expect(good.configuration.allowsRawHTML)
        let bad = try load(["site.yml": "base_url: example.org\n"])
        #expect(bad.diagnostics.first?.location.description == "site.yml:1:11")
    }
}
