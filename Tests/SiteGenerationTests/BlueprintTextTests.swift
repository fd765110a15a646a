import MarkdownRendering
import RawDeflate
import SiteGeneration
import SiteModel
import Testing
import TestSupport

/// A blueprint's body is parsed once per build, and the publiccode.yml, the package and the page
/// all read that one syntax tree: links are edited where the tree found them, not by text search.
@Suite("Blaupausentext")
struct BlueprintTextTests {
    static let software = "software: {repository: https://example.org/repo.git, status: beta, type: standalone/web, platforms: [web], "
        + "categories: [document-management], maintenance: community, license: MIT}"
    static let body = """
        ## Ziele

        Die Post wird zentral gescannt und in der E-Akte abgelegt; der Ablauf ist bei [Marburg](../kommunen/marburg.md)
        beschrieben, ein Beispiel im Code: `[Marburg](../kommunen/marburg.md)`. Ausführlich steht es im [Bericht][b]
        und in den Hinweisen der Stadt, die für jede Kommune gelten, die den Posteingang digitalisieren will.

        [b]: ../kommunen/marburg.md
        """

    func build(packages: Bool = true, log: MarkdownParseLog? = nil) throws -> BuiltSite {
        let site = try InlineSite([
            "site.yml": "base_url: https://vcc.example.org\n",
            "content/kommunen/marburg.md": Fixtures.municipality,
            "content/blaupausen/post.md": Fixtures.blueprint(extra: Self.software, body: Self.body),
        ])
        defer { site.remove() }
        var options = BuildOptions(sourceDateEpoch: 1_700_000_000)
        options.includesPackages = packages
        options.markdownParses = log
        return try site.build(options: options)
    }

    @Test("a blueprint's body is parsed once per build, with packages and without")
    func parsedOnce() throws {
        for packages in [true, false] {
            let log = MarkdownParseLog()
            let built = try build(packages: packages, log: log)
            #expect(built.errors.isEmpty, "\(built.errors)")
            #expect(built.files["blaupausen/post/publiccode.yml"] != nil)
            #expect(log.parses(of: "content/blaupausen/post.md") == 1, "packages: \(packages)")
            #expect(log.parses(of: "content/kommunen/marburg.md") == 1)
        }
    }

    @Test("the package's Markdown (in technik/) makes links absolute and leaves code spans as written")
    func packageMarkdown() throws {
        let built = try build()
        let zip = try #require(built.files["blaupausen/post/post.zip"])
        let markdown = try #require(Self.entry("technik/post.md", in: zip))
        #expect(markdown.contains("bei [Marburg](https://vcc.example.org/kommunen/marburg/)"), "\(markdown)")
        #expect(markdown.contains("`[Marburg](../kommunen/marburg.md)`"), "\(markdown)")
        let page = try #require(built.text("blaupausen/post/index.html"))
        #expect(page.contains("<code>[Marburg](../kommunen/marburg.md)</code>"))
    }

    @Test("the publiccode.yml keeps the text of inline and reference links, and code spans as written")
    func publiccodeText() throws {
        let yaml = try #require(try build().text("blaupausen/post/publiccode.yml"))
        // The YAML writes the text's line ends as `\n`.
        #expect(yaml.contains("bei Marburg\\nbeschrieben"), "\(yaml)")
        #expect(yaml.contains("im Bericht\\nund"), "\(yaml)")
        #expect(yaml.contains("`[Marburg](../kommunen/marburg.md)`"), "\(yaml)")
    }

    /// The text of the entry `name` of a ZIP archive.
    static func entry(_ name: String, in zip: [UInt8]) -> String? {
        entryBytes(name, in: zip).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The contents of the entry `name` of a ZIP archive, read through its central directory.
    static func entryBytes(_ name: String, in zip: [UInt8]) -> [UInt8]? {
        func number(_ at: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(zip[at + $1]) << (8 * $1) } }
        guard let end = stride(from: zip.count - 22, through: 0, by: -1).first(where: { number($0, 4) == 0x0605_4B50 }) else { return nil }
        var offset = number(end + 16, 4)
        for _ in 0..<number(end + 10, 2) where number(offset, 4) == 0x0201_4B50 {
            let length = number(offset + 28, 2)
            if String(decoding: zip[(offset + 46)..<(offset + 46 + length)], as: UTF8.self) == name {
                let local = number(offset + 42, 4)
                let start = local + 30 + number(local + 26, 2) + number(local + 28, 2)
                let data = Array(zip[start..<(start + number(offset + 20, 4))])
                let bytes = number(offset + 10, 2) == 8 ? Inflate.decompress(data) : data
                return bytes
            }
            offset += 46 + length + number(offset + 30, 2) + number(offset + 32, 2)
        }
        return nil
    }
}
