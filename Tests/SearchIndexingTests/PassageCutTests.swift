@testable import SearchIndexing
import SiteModel
import Testing
import TestSupport

/// Passages are cut at the first space once a passage has ``SearchTuning/passageLength`` characters;
/// the cutter counts characters eight bytes at a time where it can. It must cut exactly where
/// counting byte by byte does, whatever mix of one- to four-byte characters the text holds.
@Suite("Passage cutting")
struct PassageCutTests {
    /// The cut done byte by byte: (start, end) byte offsets of each trimmed passage.
    private static func reference(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var out: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start, characters = 0
            while end < bytes.count {
                if bytes[end] & 0xC0 != 0x80 { characters += 1 }
                if bytes[end] == 0x20 && characters >= SearchTuning.passageLength { break }
                end += 1
            }
            var from = start, to = end
            while from < to && (bytes[from] == 0x20 || bytes[from] == 0x0A) { from += 1 }
            while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x0A) { to -= 1 }
            if from < to { out.append(String(decoding: bytes[from..<to], as: UTF8.self)) }
            start = end < bytes.count ? end + 1 : end
        }
        return out
    }

    @Test("2,000 random texts are cut where a byte-by-byte count cuts them")
    func randomTexts() {
        var random = SplitMix(seed: 240)
        let pieces = ["Verordnung", " ", "§", " ", "ä", "€", "😀", "\n", "a", "  ", "Straße", "x", " "]
        for _ in 0..<2_000 {
            let text = (0..<random.below(400)).map { _ in random.pick(pieces) }.joined()
            let document = SearchDocument(url: URLPath("/a/"), title: "T", kind: "Seite", summary: "", keywords: [], cities: [],
                                          themes: [], project: nil, sections: [.init(heading: "", anchor: "", text: text)])
            let got = Passages(document).passages.map { String($0.text) }
            #expect(got == Self.reference(text))
        }
    }
}
