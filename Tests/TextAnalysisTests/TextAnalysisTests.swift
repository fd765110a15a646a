import Foundation
import Testing
import TextAnalysis

/// The shared fixture `Tests/Fixtures/analysis.json`, also read by the browser client's tests.
struct AnalysisFixture: Decodable {
    struct TokenCase: Decodable { var text: String; var tokens: [[String]] }
    var tokens: [TokenCase]
    var stems: [String: String]

    static func load() throws -> AnalysisFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/analysis.json")
        return try JSONDecoder().decode(AnalysisFixture.self, from: Data(contentsOf: url))
    }
}

@Suite("Text analysis")
struct TextAnalysisTests {
    @Test("tokens, folding and hyphen parts match the shared fixture")
    func tokensMatchFixture() throws {
        for testCase in try AnalysisFixture.load().tokens {
            var got: [[String]] = []
            Tokenizer.forEachToken(in: testCase.text) { token in
                got.append([token.kind == .word ? "word" : "hyphenPart", String(decoding: token.bytes, as: UTF8.self)])
            }
            #expect(got == testCase.tokens, "\(testCase.text)")
        }
    }

    @Test("a dative plural in -eln meets its singular (Arzneimitteln, Arzneimittel); short stems keep their n")
    func dativePlural() {
        let stemmer = GermanStemmer()
        #expect(stemmer.stem("arzneimitteln") == stemmer.stem("arzneimittel"))
        #expect(stemmer.stem("artikeln") == "artikel")
        #expect(stemmer.stem("eln") == "eln")
    }

    @Test("the libstemmer wrapper gives the fixture's stems (Snowball German, then -eln -> -el)")
    func stemsMatchFixture() throws {
        let stemmer = GermanStemmer()
        let fixture = try AnalysisFixture.load()
        #expect(fixture.stems.count > 2000)
        let wrong = fixture.stems.filter { stemmer.stem($0.key) != $0.value }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("umlauts, their transliterations and plain vowels fold to the same form", arguments: [
        ("Müller", "Mueller"), ("Müller", "Muller"), ("Straße", "Strasse"), ("Öffentlich", "Oeffentlich"),
        ("Gießen", "Giessen"), ("Bürgerbüro", "Buergerbuero"),
    ])
    func folding(a: String, b: String) {
        #expect(GermanFolding.fold(a) == GermanFolding.fold(b))
    }

    @Test("compounds split into dictionary words, with linking elements", arguments: [
        ("kompetenzzentrum", ["kompetenz", "zentrum"]),
        ("datennutzungsgesetz", ["daten", "nutzung", "gesetz"]),
        ("betriebsrat", ["betrieb", "rat"]),
        ("amtsgericht", ["amt", "gericht"]),
    ])
    func decompounding(word: String, parts: [String]) {
        let decompounder = Decompounder(vocabulary: ["gericht": 3])
        #expect(decompounder.split(word) == parts)
    }

    @Test("words that are not compounds of known words stay whole")
    func noFalseSplits() {
        let decompounder = Decompounder(vocabulary: [:])
        for word in ["verordnung", "digitalisierung", "barriere", "information"] {
            #expect(decompounder.split(word) == nil, "\(word)")
        }
    }

    @Test("the site's vocabulary extends the dictionary; rare three-letter words do not")
    func vocabularyDictionary() {
        let decompounder = Decompounder(vocabulary: ["dashboard": 2, "nutzung": 1, "xyz": 2])
        #expect(decompounder.split("nutzungsdashboard") == ["nutzung", "dashboard"])
        #expect(!decompounder.contains("xyz"))
    }

    @Test("stopwords are folded and cover the common function words")
    func stopwords() {
        for word in ["und", "der", "fur", "uber", "von"] { #expect(Stopwords.german.contains(word)) }
        #expect(!Stopwords.german.contains("daten"))
    }
}
