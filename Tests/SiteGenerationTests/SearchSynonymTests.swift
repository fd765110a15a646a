import Foundation
import RawDeflate
import SearchIndexing
import Testing
import TestSupport

/// site.yml `synonyms:` reach the index's manifest beside the built-in abbreviations; wrong entries are errors.
@Suite("Search synonyms")
struct SearchSynonymTests {
    @Test("a site's synonym groups are written into the manifest after the built-in ones")
    func siteSynonyms() throws {
        let site = try InlineSite(["site.yml": "title: VCC\nsynonyms: [[GoDoNu, Gemeinsam Digital Nutzen], [Bürgerbüro, Rathausservice]]\n",
                                   "content/seite.md": "# Seite\n\nText.\n"])
        defer { site.remove() }
        let built = try site.build()
        #expect(built.errors.isEmpty, "\(built.errors)")
        // The manifest is raw DEFLATE of its JSON (FORMAT.md).
        let file = try #require(built.files[indexVersionFolder(built.files) + "manifest.bin"])
        let manifest = try #require(Inflate.decompress(file, limit: 1 << 24))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest)) as? [String: Any])
        let groups = try #require(object["synonyms"] as? [[String]])
        #expect(groups.contains(["KI", "künstliche Intelligenz"]))
        #expect(groups.suffix(2) == [["GoDoNu", "Gemeinsam Digital Nutzen"], ["Bürgerbüro", "Rathausservice"]])
        #expect(object["synonymPercent"] as? Int == 80)
    }

    @Test("a site group that shares an expression with a built-in group works both ways, through both groups")
    func mergedGroups() throws {
        let site = try InlineSite(["site.yml": "title: VCC\nsynonyms: [[Bürgerbüro, Rathausservice]]\n",
                                   "content/rathaus.md": "# Der Rathausservice\n\nDer Rathausservice stellt Ausweise aus.\n",
                                   "content/amt.md": "# Das Bürgeramt\n\nDas Bürgeramt hat montags geöffnet.\n",
                                   "content/park.md": "# Der Stadtpark\n\nIm Park stehen Bäume.\n"])
        defer { site.remove() }
        let files = try site.build().files
        let engine = SearchEngine(index: try SearchIndexReader { files[SearchIndexBuilder.folder + $0] })
        // "Bürgerbüro" is in the built-in group [Bürgerbüro, Bürgeramt, Bürgerservice] too.
        #expect(try Set(engine.search("Bürgerbüro ").results.map(\.url)) == ["/rathaus/", "/amt/"])
        #expect(try engine.search("Rathausservice ").results.map(\.url) == ["/rathaus/", "/amt/"])
        #expect(try engine.search("Bürgeramt ").results.map(\.url) == ["/amt/", "/rathaus/"])
    }

    @Test("an entry that is not a list of two or more expressions is an error at its line")
    func wrongEntry() throws {
        let site = try InlineSite(["site.yml": "title: VCC\nsynonyms:\n  - [GoDoNu]\n  - Bürgerbüro\n", "content/seite.md": "# Seite\n"])
        defer { site.remove() }
        let errors = try site.build().errors.filter { $0.location.file == "site.yml" }
        #expect(errors.map(\.location.line).sorted() == [3, 4], "\(errors)")
    }
}
