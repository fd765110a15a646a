/// A URL-safe, German-aware identifier: "Übersicht & Ziele" becomes `uebersicht-ziele`.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The slug text: lowercase ASCII letters, digits and single hyphens.
    public let rawValue: String

    /// Makes a slug from any text, transliterating umlauts and ß the German way.
    ///
    /// Runs for every heading of every page (the laws have about 190,000), so ASCII is handled as
    /// bytes; only other letters are lowercased and folded one scalar at a time.
    public init(_ text: String) {
        var writer = SlugWriter(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                writer.add(ascii: UInt8(truncatingIfNeeded: scalar.value))
            } else if scalar.value < Self.latinEnd, let letters = Self.latinLetters[Int(scalar.value) - 0x80] {
                writer.add(letters)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { writer.add(lower) }
            }
        }
        rawValue = String(decoding: writer.out, as: UTF8.self)
    }

    /// For each scalar from U+0080 below ``latinEnd`` whose lowercase is one scalar: the letters it
    /// becomes (empty: none, a hyphen instead), as ``SlugWriter/add(_:)`` makes them. A law's
    /// headings start with `§`, and asking Unicode for its lowercase (a String each time) and
    /// looking it up was most of the time of making 190,000 slugs. The rest go the long way.
    private static let latinLetters: [[UInt8]?] = (0x80..<latinEnd).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        guard lower.count == 1, !lower[0].isASCII, lower[0] != "\u{0308}" else { return nil }
        var writer = SlugWriter(capacity: 4)
        writer.add(lower[0])
        return writer.out
    }
    private static let latinEnd: UInt32 = 0x250

    /// At most `maximumBytes` long, cut at a hyphen where one is near the end: a URL segment must
    /// fit a file name (255 bytes), with room for `index.html` and the `.md` download's suffix.
    public func truncated(to maximumBytes: Int = 100) -> Slug {
        guard rawValue.utf8.count > maximumBytes else { return self }
        var cut = String(rawValue.utf8.prefix(maximumBytes))!
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) > maximumBytes / 2 {
            cut = String(cut[..<hyphen])
        }
        return Slug(verbatim: cut)
    }

    /// Wraps text that is already a slug.
    public init(verbatim: String) { rawValue = verbatim }

    public var description: String { rawValue }
    public var isEmpty: Bool { rawValue.isEmpty }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    // Accented letters of neighbouring languages that appear in German names and loan words.
    fileprivate static let latinFolding: [Unicode.Scalar: String] = [
        "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a", "æ": "ae", "ç": "c",
        "è": "e", "é": "e", "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i",
        "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ø": "o", "œ": "oe",
        "ù": "u", "ú": "u", "û": "u", "ý": "y", "ÿ": "y", "š": "s", "ž": "z", "č": "c",
    ]
}

/// Collects a slug's bytes: letters and digits, and one hyphen for each run of anything else
/// between them.
private struct SlugWriter {
    var out: [UInt8] = []
    private var pendingHyphen = false

    init(capacity: Int) { out.reserveCapacity(capacity) }

    mutating func add(ascii byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): emit(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): emit(byte | 0x20)
        default: pendingHyphen = true
        }
    }

    /// The letters a scalar from ``Slug/latinLetters`` becomes; none stand for a hyphen.
    mutating func add(_ letters: [UInt8]) {
        if letters.isEmpty { pendingHyphen = true } else { for byte in letters { emit(byte) } }
    }

    /// A lowercased scalar.
    mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.isASCII { return add(ascii: UInt8(truncatingIfNeeded: scalar.value)) }
        switch scalar {
        case "ä": emit("ae")
        case "ö": emit("oe")
        case "ü": emit("ue")
        case "ß", "ẞ": emit("ss")
        // Decomposed text (macOS writes file names so): "u" + U+0308 is "ü", so the mark adds the
        // "e" of "ue".
        case "\u{0308}" where !pendingHyphen && [UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "u")].contains(out.last ?? 0):
            emit(UInt8(ascii: "e"))
        default:
            if let folded = Slug.latinFolding[scalar] { emit(folded) } else { pendingHyphen = true }
        }
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
        pendingHyphen = false
        out.append(byte)
    }

    private mutating func emit(_ letters: String) {
        for byte in letters.utf8 { emit(byte) }
    }
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
