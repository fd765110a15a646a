import Testing
import TestSupport
import TextAnalysis

/// The decompounder stops searching at a position as soon as the bytes there are no dictionary
/// word's prefix. That must only save time: it splits every word as the decompounder that looks up
/// every substring does.
@Suite("Decompounder prefix filter")
struct DecompounderPrefixTests {
    @Test("with and without prefixes, 20,000 random compounds split alike")
    func sameSplits() {
        var random = SplitMix(seed: 7)
        let syllables = ["ge", "setz", "ver", "ord", "nung", "amt", "ge", "richt", "bund", "es", "daten", "nutz", "ung",
                         "schutz", "arbeit", "jugend", "recht", "straf", "steuer", "raum", "s", "en", "er", "e", "n", "ab", "zu"]
        var dictionary: Set<String> = []
        while dictionary.count < 300 {
            dictionary.insert((0..<(1 + random.below(3))).map { _ in random.pick(syllables) }.joined())
        }
        let words = Array(dictionary).sorted()
        let hashes = words.map { Decompounder.hash($0.utf8) }
        let plain = Decompounder(wordHashes: hashes)
        let filtered = Decompounder(wordHashes: hashes) { body in
            for var word in words { word.withUTF8(body) }
        }
        for _ in 0..<20_000 {
            let word = (0..<(1 + random.below(5))).map { _ in random.chance(80) ? random.pick(words) : random.pick(syllables) }.joined()
            #expect(plain.indexParts(word) == filtered.indexParts(word), "\(word)")
        }
    }
}
