import Foundation
import SiteModel
import Yams

/// Control characters that arrive spelled out rather than as bytes: YAML escapes in quoted values
/// (`"\e[31m"`, `"\u0001"`) and character references in Markdown (`&#1;`, `&#x1B;`). The byte
/// scan of ``ControlCharacterCheck`` cannot see them, yet they decode to the same characters and
/// reached pages, feeds and, as raw ESC sequences, `NACHWEIS.txt` and the terminal. Each is an
/// error at its place, like a literal one.
enum EscapedControlCheck {
    /// Every decoded scalar value (and key) under `root` that holds a control other than tab and line feed.
    static func diagnostics(inValuesOf root: Node?, file: String, firstLine: Int) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func visit(_ node: Node) {
            guard problems.count < ControlCharacterCheck.maximumReported else { return }
            switch node {
            case .scalar(let scalar):
                if let control = scalar.string.unicodeScalars.first(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) {
                    let mark = node.mark
                    problems.append(.error(
                        at: SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1),
                        "Der Wert enthält das Steuerzeichen \(code(of: control)), als Escape-Sequenz geschrieben.",
                        hint: "Lösche die Escape-Sequenz (etwa `\\e` oder `\\u0001`); Steuerzeichen gehören in keinen Text."))
                }
            case .mapping(let mapping):
                for (key, value) in mapping { visit(key); visit(value) }
            case .sequence(let sequence):
                for item in sequence { visit(item) }
            case .alias:
                break
            }
        }
        if let root { visit(root) }
        return problems
    }

    /// Numeric character references to controls in Markdown text (`&#1;`, `&#x7f;`, `&#155;`).
    static func diagnostics(inReferencesOf text: String, file: String, firstLine: Int) -> [Diagnostic] {
        guard containsReference(text) else { return [] }
        var problems: [Diagnostic] = []
        for (lineOffset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("&#") {
            var rest = line[...]
            while let start = rest.range(of: "&#"), problems.count < ControlCharacterCheck.maximumReported {
                let afterHash = rest[start.upperBound...]
                let hex = afterHash.first == "x" || afterHash.first == "X"
                let digits = (hex ? afterHash.dropFirst() : afterHash).prefix { hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }
                rest = afterHash
                guard !digits.isEmpty, digits.endIndex < afterHash.endIndex, afterHash[digits.endIndex] == ";",
                      let value = UInt32(digits.suffix(8), radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value),
                      isControl(scalar), ![0x09, 0x0A, 0x0D].contains(value) else { continue }
                let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                problems.append(.error(
                    at: SourceLocation(file: file, line: firstLine + lineOffset, column: column),
                    "`\(line[start.lowerBound..<afterHash.index(after: digits.endIndex)])` steht für das unsichtbare Steuerzeichen \(code(of: scalar)).",
                    hint: "Lösche den Verweis; Steuerzeichen gehören in keinen Text."))
            }
        }
        return problems
    }

    /// Whether `text` has `&#` anywhere, found with memchr: every Markdown file passes here, and a
    /// byte-by-byte `contains` over the laws showed as a sixtieth of a build's CPU time.
    private static func containsReference(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x26, bytes.count - offset) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if index + 1 < bytes.count && base[index + 1] == 0x23 { return true }
                offset = index + 1
            }
            return false
        } ?? text.contains("&#")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func code(of scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
}
