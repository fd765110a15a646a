import Foundation
import SiteModel
import Testing
import TestSupport

/// A reuse package holds every file its blueprint names, each under one name, and the page
/// counts what the ZIP holds; what is not a file cannot be an attachment.
@Suite("Paketinhalt")
struct PackageContentsTests {
    let base: [String: String] = [
        "site.yml": "base_url: https://vcc.example.org\n",
        "content/kommunen/marburg.md": Fixtures.municipality,
        "content/blaupausen/a/plan.pdf": "Plan A",
        "content/blaupausen/b/plan.pdf": "Plan B",
        "content/dateien/plan.pdf": "Plan C",
        "content/blaupausen/bilder/plan.png": "PNG",
        "content/blaupausen/NACHWEIS.txt": "eigener Nachweis",
        "content/blaupausen/post.odt": "Vorlage",
    ]

    func build(attachments: String, body: String = "## Ziele\n\nText.") throws -> BuiltSite {
        let site = try InlineSite(base.merging(["content/blaupausen/post.md": Fixtures.blueprint(extra: attachments, body: body)]) { _, new in new })
        defer { site.remove() }
        return try site.build()
    }

    @Test("files with the same name from different folders, and images of the text, are all in the package; the page counts them")
    func sameNames() throws {
        let site = try build(attachments: "attachments: [{path: a/plan.pdf}, {path: b/plan.pdf}, {path: ../dateien/plan.pdf}]",
                             body: "## Ziele\n\n![Plan](bilder/plan.png)")
        #expect(site.errors.isEmpty, "\(site.errors)")
        let names = Self.entryNames(try #require(site.files["blaupausen/post/post.zip"]))
        for name in ["a/plan.pdf", "b/plan.pdf", "anhaenge/dateien/plan.pdf", "bilder/plan.png"] {
            #expect(names.contains(name), "missing \(name) in \(names)")
        }
        #expect(Set(names).count == names.count)
        let page = try #require(site.text("blaupausen/post/index.html"))
        #expect(page.contains("\(names.count - 6) Anhänge"), "six files are vcc's own: \(names)")
    }

    @Test("an attachment that is no file is an error at its line", arguments: [
        (".", "ist ein Ordner oder eine Seite"), ("post.md", "ist die Blaupause selbst"), ("\"#ziele\"", "ist keine Datei"),
        ("../kommunen/", "ist ein Ordner oder eine Seite"), ("../kommunen/marburg.md", "ist eine Seite der Website"),
    ])
    func notAFile(path: String, expected: String) throws {
        let site = try build(attachments: "attachments:\n  - {title: Anhang, path: \(path)}")
        let error = try #require(site.errors.first { $0.message.contains(expected) }, "\(site.errors)")
        #expect(error.location.file == "content/blaupausen/post.md" && error.location.line == 11)
        #expect(error.hint?.isEmpty == false)
    }

    @Test("an attachment that would take the name of a file vcc writes into the package is an error at its line")
    func generatedName() throws {
        let site = try build(attachments: "attachments:\n  - {path: NACHWEIS.txt}\ndocuments:\n  - {path: post.odt}")
        let lines = site.errors.filter { $0.message.contains("Nachnutzungspaket") }.map(\.location.line)
        #expect(lines == [11, 13], "\(site.errors)")
    }

    @Test("names that differ only in case collide as they would on Windows and macOS")
    func caseAndSVG() throws {
        let site = try InlineSite(base.merging([
            "content/blaupausen/Plan.pdf": "groß", "content/blaupausen/plan.pdf": "klein", "content/blaupausen/nachweis.txt": "x",
            "content/blaupausen/bild.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"1\"/></svg>",
            "content/blaupausen/post.md": Fixtures.blueprint(extra: "attachments: [{path: Plan.pdf}, {path: plan.pdf}, {path: nachweis.txt}]",
                                                             body: "## Ziele\n\n![Bild](bild.svg)"),
        ]) { _, new in new })
        defer { site.remove() }
        let built = try site.build()
        let lines = built.errors.filter { $0.message.contains("Nachnutzungspaket") }.map(\.location.line)
        #expect(lines == [10, 10], "plan.pdf like Plan.pdf, nachweis.txt like NACHWEIS.txt: \(built.errors)")
        let fine = try InlineSite(base.merging([
            "content/blaupausen/bild.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"1\"/></svg>",
            "content/blaupausen/post.md": Fixtures.blueprint(body: "## Ziele\n\n![Bild](bild.svg)"),
        ]) { _, new in new })
        defer { fine.remove() }
        let package = try #require(try fine.build().files["blaupausen/post/post.zip"])
        #expect(Self.entryNames(package).contains("bild.svg"))
    }

    /// The entry names of a ZIP archive, read from its central directory.
    static func entryNames(_ zip: [UInt8]) -> [String] {
        func number(_ at: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(zip[at + $1]) << (8 * $1) } }
        guard let end = stride(from: zip.count - 22, through: 0, by: -1).first(where: { number($0, 4) == 0x0605_4B50 }) else { return [] }
        var offset = number(end + 16, 4)
        var names: [String] = []
        for _ in 0..<number(end + 10, 2) where number(offset, 4) == 0x0201_4B50 {
            let length = number(offset + 28, 2)
            names.append(String(decoding: zip[(offset + 46)..<(offset + 46 + length)], as: UTF8.self))
            offset += 46 + length + number(offset + 30, 2) + number(offset + 32, 2)
        }
        return names
    }
}
