import Foundation
import SiteModel
import Testing
import TestSupport

/// A package a clerk can use on Monday: `LIESMICH.html` (and the ODT's first section) says how to
/// go about it, text and table attachments come editable, the technical files lie apart, and
/// links between the package's files lead to the file beside them.
@Suite("Paket zum Loslegen")
struct PackageGuideTests {
    static let body = """
        ## Ausgangslage

        Post liegt herum.

        ## Umsetzung in Schritten

        1. Erst die [Checkliste](liste.txt#start) durchgehen.
        2. Die [Zahlen](zahlen.csv) mit [Marburg](../kommunen/marburg.md) vergleichen.

        ## Erfahrungen

        3. Eine Liste, die keine Schritte sind.
        """
    static let liste = "Checkliste\n==========\n\nVorab\n-----\n- [ ] Post zählen und\n      Sonderfälle sammeln\n\nSpalte:    Wert\n"
    static let zahlen = "Monat;Kommune;Quote\n2024-01;\"Stadt; fiktiv\";59,7\n2024-02;06435099;-3\n"

    func build(_ files: [String: String] = [:], attachments: String = "attachments: [{title: Checkliste zum Abhaken, path: liste.txt}, {path: zahlen.csv}]")
        throws -> BuiltSite {
        let site = try InlineSite([
            "site.yml": "base_url: https://vcc.example.org\nfeedback: {email: vcc@example.org, issue_url: \"https://git.example.org/new?t={title}&b={body}\"}\n",
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/liste.txt": Self.liste,
            "content/blaupausen/zahlen.csv": Self.zahlen,
            "content/blaupausen/post.md": Fixtures.blueprint(extra: attachments, body: Self.body),
        ].merging(files) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    func package() throws -> [UInt8] {
        let built = try build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        return try #require(built.files["blaupausen/post/post.zip"])
    }

    @Test("LIESMICH.html lists the files, takes the steps from the blueprint, names the contact and how to report the adoption")
    func readme() throws {
        let zip = try package()
        let readme = try #require(BlueprintTextTests.entry("LIESMICH.html", in: zip))
        #expect(readme.contains("<h2>So gehen Sie vor</h2>"))
        for file in ["post.odt", "post.html", "liste.txt", "liste.odt", "zahlen.csv", "zahlen.ods", "NACHWEIS.txt", "technik/post.md"] {
            #expect(readme.contains("<a href=\"\(file)\">\(file)</a>"), "\(file) in \(readme)")
        }
        #expect(readme.contains("Checkliste zum Abhaken"))
        #expect(readme.contains("Abschnitt „Umsetzung in Schritten“"))
        #expect(readme.contains("<li>Erst die <a href=\"liste.txt#start\">Checkliste</a> durchgehen.</li>"), "\(readme)")
        #expect(readme.contains("<a href=\"https://vcc.example.org/kommunen/marburg/\">Marburg</a>"))
        #expect(!readme.contains("keine Schritte"))
        #expect(readme.contains("Stabsstelle, E-Mail: <a href=\"mailto:digital@example.org\">"))
        #expect(readme.contains("href=\"mailto:vcc@example.org?subject=Nachnutzung%3A%20Digitaler%20Posteingang&amp;body="))
        #expect(readme.contains("href=\"https://git.example.org/new?t=Nachnutzung"))
        #expect(readme.contains("href=\"technik/stil.css\""))
    }

    @Test("the blueprint's ODT opens with the same section, its links to packaged files lead beside the .odt")
    func odtGuide() throws {
        let zip = try package()
        let odt = try #require(BlueprintTextTests.entryBytes("post.odt", in: zip))
        let content = try #require(BlueprintTextTests.entry("content.xml", in: odt))
        let guide = try #require(content.range(of: ">So gehen Sie vor</text:h>"))
        let facts = try #require(content.range(of: "table:name=\"Steckbrief\""))
        #expect(guide.lowerBound < facts.lowerBound, "the guide comes first")
        #expect(content.contains("xlink:href=\"../liste.odt\""))
        #expect(content.contains("xlink:href=\"../liste.txt#start\""), "a link of the body")
        #expect(content.contains("xlink:href=\"https://vcc.example.org/kommunen/marburg/\""))
        #expect(!content.contains("xlink:href=\"https://vcc.example.org/blaupausen/liste.txt"))
    }

    @Test("the package HTML links attachments to their file in the package and other pages to the site")
    func htmlLinks() throws {
        let html = try #require(BlueprintTextTests.entry("post.html", in: try package()))
        #expect(html.contains("<a href=\"liste.txt#start\">Checkliste</a>"), "\(html)")
        #expect(html.contains("<a href=\"zahlen.csv\">Zahlen</a>"))
        #expect(html.contains("<a href=\"https://vcc.example.org/kommunen/marburg/\">Marburg</a>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"technik/stil.css\">"))
    }

    @Test("text and CSV attachments come as editable .odt and .ods beside them; technical files lie in technik/")
    func editableCopiesAndTechnik() throws {
        let zip = try package()
        let names = PackageContentsTests.entryNames(zip)
        for name in ["LIESMICH.html", "liste.txt", "liste.odt", "zahlen.csv", "zahlen.ods", "technik/post.md", "technik/stil.css"] {
            #expect(names.contains(name), "\(name) in \(names)")
        }
        #expect(!names.contains { !$0.hasPrefix("technik/") && ($0.hasSuffix(".md") || $0.hasSuffix(".css") || $0.hasSuffix(".yml")) }, "\(names)")
        let text = try #require(BlueprintTextTests.entryBytes("liste.odt", in: zip))
        #expect(BlueprintTextTests.entry("mimetype", in: text) == "application/vnd.oasis.opendocument.text")
        let textContent = try #require(BlueprintTextTests.entry("content.xml", in: text))
        #expect(textContent.contains("<text:p text:style-name=\"Title\">Checkliste</text:p>"), "\(textContent)")
        #expect(textContent.contains(">Vorab</text:h>"))
        #expect(textContent.contains("- [ ] Post zählen und Sonderfälle sammeln</text:p>"), "an indented line continues the item")
        #expect(textContent.contains("Spalte: <text:s text:c=\"3\"/>Wert"), "aligned columns keep their spaces")
        let sheet = try #require(BlueprintTextTests.entryBytes("zahlen.ods", in: zip))
        #expect(BlueprintTextTests.entry("mimetype", in: sheet) == "application/vnd.oasis.opendocument.spreadsheet")
        let cells = try #require(BlueprintTextTests.entry("content.xml", in: sheet))
        #expect(cells.contains("<text:p>Stadt; fiktiv</text:p>"), "a quoted separator stays in its cell")
        #expect(cells.contains("office:value-type=\"float\" office:value=\"59.7\"><text:p>59,7</text:p>"))
        #expect(cells.contains("office:value=\"-3\""))
        #expect(cells.contains("office:value-type=\"string\"><text:p>06435099</text:p>"), "a key with a leading zero stays text")
        let markdown = try #require(BlueprintTextTests.entry("technik/post.md", in: zip))
        #expect(markdown.contains("path: ../liste.txt}"), "\(markdown)")
        #expect(markdown.contains("[Checkliste](../liste.txt#start)"))
    }

    @Test("an editable copy that would take the name of another file is an error at the attachment's line")
    func copyClash() throws {
        let built = try build(["content/blaupausen/liste.odt": "Vorlage"],
                              attachments: "attachments:\n  - {path: liste.odt}\n  - {path: liste.txt}")
        let error = try #require(built.errors.first { $0.message.contains("bearbeitbare Fassung `liste.odt`") }, "\(built.errors)")
        #expect(error.location.line == 12)
    }
}
