import Foundation
@testable import SearchIndexing
import SiteModel
import Testing

/// The index's JSON strings: the eight-bytes-at-a-time skip must never skip a byte that needs escaping.
@Suite("JSON text")
struct JSONTextTests {
    @Test("every byte that needs escaping is caught at every place of an eight-byte word")
    func wordTest() {
        for special: UInt8 in Array(0..<0x20) + [0x22, 0x5C, 0x3C, 0xE2] {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[place] = special
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSONText.mayNeedEscape(word), "byte \(special) at \(place)")
            }
        }
        // Letters, digits, umlauts (C3 xx) and other safe bytes pass.
        for text in ["abcdefgh", "Straße12", "äöüÄÖÜß!", "#$%&'()*", "~}|{`_^]"] {
            let bytes = Array(text.utf8.prefix(8))
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(!JSONText.mayNeedEscape(word), "\(text)")
        }
    }

    @Test("strings with specials anywhere are escaped and read back unchanged")
    func roundTrip() throws {
        let specials = ["\"", "\\", "\n", "<", "\u{2028}", "\u{1}", "\u{1F}", "\t"]
        for special in specials {
            for place in 0..<20 {
                let text = String(repeating: "ä", count: place % 3) + String(repeating: "x", count: place) + special + "Ende Straße"
                let json = JSONText.string(text)
                #expect(!json.contains("<") && !json.contains("\u{2028}"))
                let back = try JSONSerialization.jsonObject(with: Data(("[" + json + "]").utf8)) as? [String]
                #expect(back == [text], "\(special.unicodeScalars.first!.value) at \(place)")
            }
        }
    }
}
