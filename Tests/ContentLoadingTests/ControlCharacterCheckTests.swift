@testable import ContentLoading
import Testing
import TestSupport

/// The word-at-a-time scan must find a control wherever it stands in a word, and nothing in text
/// full of the bytes that make it look closer (line feeds, tabs, `§`, umlauts).
@Suite("Control characters")
struct ControlCharacterCheckTests {
    static let benign = ["a", "\n", "\t", "\r", "§", "ü", "\u{A0}", "«", "~", " "]
    static let controls = ["\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"]

    @Test("found at every position of texts 1 to 40 characters long")
    func foundEverywhere() {
        for length in 1...40 {
            for position in 0..<length {
                for control in Self.controls {
                    var parts = (0..<length).map { Self.benign[$0 % Self.benign.count] }
                    parts[position] = control
                    let found = ControlCharacterCheck.diagnostics(in: parts.joined(), file: "x.md")
                    #expect(found.count == 1, "length \(length), position \(position), U+\(control.unicodeScalars.first!.value)")
                }
            }
        }
    }

    @Test("random text: a control is found exactly when the text has one")
    func randomText() {
        var random = SplitMix(seed: 0xc0_7e01)
        let pool = Self.benign + Self.controls + ["§", "«", "\u{A0}", "\u{AD}", "ä", "—", "\r\n", "\u{C0}", "\u{FF}", "x"]
        for _ in 0..<20_000 {
            let text = (0..<random.below(30)).map { _ in random.chance(3) ? random.pick(Self.controls) : random.pick(pool) }.joined()
            let expected = text.unicodeScalars.contains { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value) }
            #expect(!ControlCharacterCheck.diagnostics(in: text, file: "x.md").isEmpty == expected, "\(text.debugDescription)")
        }
    }

    @Test("text with line feeds, tabs, § and umlauts has none")
    func benignText() {
        for length in 0...40 {
            let text = (0..<length).map { Self.benign[($0 * 7) % Self.benign.count] }.joined()
            #expect(ControlCharacterCheck.diagnostics(in: text, file: "x.md").isEmpty, "\(text.debugDescription)")
        }
    }
}

/// The byte scan that lets front matter without any candidate skip the check of invisible characters.
@Suite("Invisible characters: the byte prefilter")
struct InvisibleCharacterPrefilterTests {
    @Test("every character the check names, and every typographic quote, passes the prefilter")
    func candidatesPass() {
        var scalars: [Unicode.Scalar] = ["„", "“", "”", "‚", "‘", "’"]
        for value in UInt32(0)...0x10000 {
            if let scalar = Unicode.Scalar(value), InvisibleCharacterCheck.name(of: scalar) != nil { scalars.append(scalar) }
        }
        #expect(scalars.count > 25)
        for scalar in scalars {
            #expect(InvisibleCharacterCheck.mayContainOne("title: a\(scalar)b"), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("German text with umlauts, ß and § is passed in one scan, and finds nothing in the full check")
    func germanTextSkips() {
        let yaml = "title: Gesetz über die Straßenreinigung § 3 – Änderung\ntags: [Größe, Öl, Übung, é, ©]\n"
        #expect(!InvisibleCharacterCheck.mayContainOne(yaml))
        #expect(InvisibleCharacterCheck.diagnostics(in: yaml, file: "content/a.md", firstLine: 2).isEmpty)
    }
}
