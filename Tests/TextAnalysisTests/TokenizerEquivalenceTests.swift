import Testing
import TestSupport
@testable import TextAnalysis

/// The tokeniser's ASCII fast path must give exactly the tokens of the byte-by-byte reference
/// (``ReferenceTokenizer``), on text made to hit every branch: runs of letters and digits across
/// hyphens, umlauts, ß, soft hyphens, combining accents, zero-width and non-Latin letters, words
/// longer than the buffer, and bytes that are not UTF-8.
@Suite("Tokenizer equivalence")
struct TokenizerEquivalenceTests {
    private static let pieces: [[UInt8]] = [
        "Verwaltung", "E", "-", "Government", " ", "§", "12", "a", "Ä", "ö", "Ü", "ß", "Straße", "ae", "oe", "ue",
        "\u{00AD}", "\u{0301}", "\u{200B}", "\u{2010}", "\u{2011}", "\n", ".", ",", "Ωμέγα", "数据", "١٢", "Ǆ",
        "Café", "Œuvre", "x-", "--", "-y", "ABC", "z9", "İ", "ﬁ",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x80], [0xF0, 0x9F, 0x98, 0x80]]

    private static func tokens(_ bytes: [UInt8], _ each: (UnsafeBufferPointer<UInt8>, (Tokenizer.Token) -> Void) -> Void) -> [String] {
        var out: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            each(buffer) { token in out.append("\(token.kind == .word ? "w" : "h"):\(String(decoding: token.bytes, as: UTF8.self))") }
        }
        return out
    }

    @Test("20,000 random texts give the reference's tokens")
    func randomTexts() {
        var random = SplitMix(seed: 20261207)
        for _ in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<random.below(40) {
                if random.below(50) == 0 {
                    // Longer than the word buffer (4 x 64 bytes), with and without hyphens inside.
                    text += (0..<(200 + random.below(200))).map { _ in random.below(30) == 0 ? UInt8(ascii: "-") : UInt8(ascii: "a") + UInt8(random.below(26)) }
                } else {
                    text += Self.pieces[random.below(Self.pieces.count)]
                }
            }
            let expected = Self.tokens(text) { ReferenceTokenizer.forEachToken(inUTF8: $0, $1) }
            let got = Self.tokens(text) { Tokenizer.forEachToken(inUTF8: $0, $1) }
            #expect(got == expected, "\(text)")
            if got != expected { return }
        }
    }
}
