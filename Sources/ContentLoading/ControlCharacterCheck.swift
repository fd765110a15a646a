import SiteModel

/// Control characters in a text file: invisible, they break YAML, end up in pages and feeds, and
/// can rewrite a terminal that shows them. Each becomes an error at its own line and column.
enum ControlCharacterCheck {
    /// At most this many per file: one stray byte pasted many times should not flood the report.
    static let maximumReported = 5

    /// Problems for C0 controls other than tab and line feed, DEL and C1 controls, in `text`
    /// (whose first line is line `firstLine` of `file`).
    ///
    /// - Parameter c1AsWarnings: C1 controls (U+0080–U+009F) as warnings: in a Markdown body they
    ///   are mostly text from a wrong code page (the federal laws have some), which stays readable.
    static func diagnostics(in text: String, file: String, firstLine: Int = 1, c1AsWarnings: Bool = false) -> [Diagnostic] {
        guard containsControl(text) else { return [] }
        var problems: [Diagnostic] = []
        var line = firstLine, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isControl(scalar) {
                let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                problems.append(Diagnostic(
                    c1AsWarnings && scalar.value >= 0x80 ? .warning : .error,
                    at: SourceLocation(file: file, line: line, column: column),
                    "Unsichtbares Steuerzeichen \(code) im Text.",
                    hint: "Lösche es; es gelangt oft beim Kopieren aus anderen Programmen in die Datei."))
                if problems.count == maximumReported { break }
            }
            column += 1
        }
        return problems
    }

    /// A byte scan first: every file of a large site passes here, and almost none has a control.
    /// C0 controls and DEL are single bytes; C1 controls are 0xC2 followed by 0x80–0x9F.
    private static func containsControl(_ text: String) -> Bool {
        return text.utf8.withContiguousStorageIfAvailable(containsControl) ?? text.unicodeScalars.contains(where: isControl)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes at a time, exactly: every file of a large site passes here, and line feeds and
    /// `§` (0xC2 0xA7) are in nearly every word of eight bytes, so a test that only narrowed the
    /// bytes down (and then looked at them one by one) was a byte loop over the laws' text again.
    private static func containsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // The byte after each byte: the next word's first byte comes in at the top.
            let next = word >> 8 | (index + 8 < count ? UInt64(base[index + 8]) << 56 : 0)
            let c0 = zeroBytes(word & (ones &* 0xE0)) & ~(equal(word, 0x09) | equal(word, 0x0A) | equal(word, 0x0D))
            let c1 = equal(word, 0xC2) & zeroBytes((next & (ones &* 0xE0)) ^ (ones &* 0x80))
            if c0 | equal(word, 0x7F) | c1 != 0 { return true }
            index += 8
        }
        return containsControl(base, from: index, to: count, count: count)
    }

    /// The high bit of each byte of `word` that is 0, and of no other: exact, without the borrows
    /// of the shorter test that can mark a byte next to a zero one.
    @inline(__always) private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ones &* 0x7F
        return ~(((word & low) &+ low) | word) & highBits
    }

    /// The high bit of each byte of `word` that is `byte`.
    @inline(__always) private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (ones &* UInt64(byte)))
    }

    private static func containsControl(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> Bool {
        for index in start..<end {
            let byte = base[index]
            if byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D) : byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(base[index + 1]) { return true }
        }
        return false
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
