import Testing
import TestSupport
@testable import TextAnalysis

/// ASCII words are stemmed by libstemmer's ISO-8859-1 German stemmer (faster); it must give every
/// stem the UTF-8 stemmer gives, on words built to reach the algorithm's rules (suffixes, `ge-`,
/// `u`/`y` between vowels, `-nisse`, `-eln`), and words with other letters keep the UTF-8 one.
@Suite("Stemmer encodings")
struct StemmerEncodingTests {
    static let starts = ["", "ge", "be", "ver", "zer", "ent", "un", "aus", "an", "ab", "vor", "nach", "uber", "zu"]
    static let stems = ["arbeit", "prufung", "haus", "kind", "stadt", "gesetz", "mittel", "bau", "frau", "teuer", "bayer",
                        "schau", "lauf", "geb", "ergebnis", "wirt", "schaft", "amt", "heit", "kraft", "fahr", "zeug",
                        "a", "e", "i", "o", "u", "y", "bu", "yu", "auy", "euy", "ss", "q", "xyz", "aeiou", "ueberu", "buys"]
    static let ends = ["", "e", "en", "ern", "er", "es", "s", "em", "est", "et", "st", "end", "ung", "ungen", "isch", "ig",
                       "ik", "lich", "heit", "keit", "nisse", "nis", "eln", "el", "eri", "erin", "erinnen", "bar", "los",
                       "chen", "lein", "ismus", "tat", "ieren", "iert", "te", "ten", "ste", "sten"]

    @Test("ASCII words stem the same with both encodings")
    func sameStems() {
        let stemmer = GermanStemmer()
        var random = SplitMix(seed: 0x57e4)
        var words: [String] = []
        for start in Self.starts { for stem in Self.stems { for end in Self.ends { words.append(start + stem + end) } } }
        for _ in 0..<20_000 {
            let parts = (0..<(1 + random.below(4))).map { _ in random.pick(Self.stems) }
            words.append(random.pick(Self.starts) + parts.joined() + random.pick(Self.ends) + random.pick(Self.ends))
        }
        var differing: [String] = []
        for word in words {
            let bytes = Array(word.utf8)
            let fast = bytes.withUnsafeBufferPointer { stemmer.withStem(of: $0) { Array($0) } }
            let utf8 = bytes.withUnsafeBufferPointer { stemmer.withUTF8Stem(of: $0) { Array($0) } }
            if fast != utf8 { differing.append(word) }
        }
        #expect(words.count > 40_000)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }

    @Test("a word with other letters keeps the UTF-8 stemmer")
    func otherLetters() {
        let stemmer = GermanStemmer()
        for word in ["σπίτια", "häuser", "straßen", "čechov"] {
            let bytes = Array(word.utf8)
            let stem = bytes.withUnsafeBufferPointer { stemmer.withStem(of: $0) { Array($0) } }
            let utf8 = bytes.withUnsafeBufferPointer { stemmer.withUTF8Stem(of: $0) { Array($0) } }
            #expect(stem == utf8, "\(word)")
        }
    }
}
