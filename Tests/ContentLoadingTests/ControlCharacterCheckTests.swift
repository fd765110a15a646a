@testable import ContentLoading
import Testing

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
