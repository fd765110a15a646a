/// A URL-safe, German-aware identifier: "Übersicht & Ziele" becomes `uebersicht-ziele`.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The slug text: lowercase ASCII letters, digits and single hyphens.
    public let rawValue: String

    /// Makes a slug from any text, transliterating umlauts and ß the German way.
    public init(_ text: String) {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func append(_ s: String) {
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(contentsOf: s.utf8)
        }
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                append(String(scalar))
            case "ä": append("ae")
            case "ö": append("oe")
            case "ü": append("ue")
            case "ß", "ẞ": append("ss")
            default:
                if let folded = Slug.latinFolding[scalar] {
                    append(folded)
                } else {
                    pendingHyphen = true
                }
            }
        }
        rawValue = String(decoding: out, as: UTF8.self)
    }

    /// Wraps text that is already a slug.
    public init(verbatim: String) { rawValue = verbatim }

    public var description: String { rawValue }
    public var isEmpty: Bool { rawValue.isEmpty }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    // Accented letters of neighbouring languages that appear in German names and loan words.
    private static let latinFolding: [Unicode.Scalar: String] = [
        "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a", "æ": "ae", "ç": "c",
        "è": "e", "é": "e", "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i",
        "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ø": "o", "œ": "oe",
        "ù": "u", "ú": "u", "û": "u", "ý": "y", "ÿ": "y", "š": "s", "ž": "z", "č": "c",
    ]
}

/// Hands out unique slugs within one page: a second "Ziele" becomes `ziele-2`.
public struct SlugRegistry: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// Returns `slug`, or `slug-N` when it was handed out before.
    public mutating func unique(_ slug: Slug) -> Slug {
        let base = slug.isEmpty ? "abschnitt" : slug.rawValue
        guard let count = used[base] else {
            used[base] = 1
            return Slug(verbatim: base)
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 1
        return Slug(verbatim: "\(base)-\(next)")
    }
}
