import CStemmer

/// The Snowball German stemmer from libstemmer: `Prüfungen` (folded `prufungen`) -> `prufung`,
/// with one rule after it: a stem ending in `eln` loses its `n` (``trimsDativePlural(_:)``).
///
/// A libstemmer instance is not thread-safe, so each thread makes its own; the index builder
/// stems every distinct word once and caches the result.
public final class GermanStemmer {
    private let stemmer: OpaquePointer

    public init() {
        guard let stemmer = sb_stemmer_new("german", "UTF_8") else {
            preconditionFailure("libstemmer has no German stemmer")
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a folded word.
    public func stem(_ word: ArraySlice<UInt8>) -> String {
        word.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else {
                return String(decoding: buffer, as: UTF8.self)
            }
            let stem = UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer)))
            return String(decoding: Self.trimsDativePlural(stem) ? UnsafeBufferPointer(rebasing: stem.dropLast()) : stem, as: UTF8.self)
        }
    }

    public func stem(_ word: String) -> String { stem(Array(word.utf8)[...]) }

    /// Hands the stem of the folded word `bytes` to `body` without making a string; the stem's
    /// bytes are valid only during the call.
    public func withStem<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = bytes.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
            return body(bytes)
        }
        let stem = UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer)))
        return body(Self.trimsDativePlural(stem) ? UnsafeBufferPointer(rebasing: stem.dropLast()) : stem)
    }

    /// Whether a Snowball stem ends in the dative plural `-eln` of a noun in `-el` (`Arzneimitteln`,
    /// `Artikeln`), which Snowball keeps, so that it meets the singular (`Arzneimittel`): a title
    /// "Gesetz über den Verkehr mit Arzneimitteln" must meet the query "Arzneimittelgesetz". Verbs in
    /// `-eln` (`behandeln`) lose the `n` as well, harmlessly. `analysis.js` applies the same rule.
    @inlinable
    public static func trimsDativePlural(_ stem: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = stem.count
        return n >= 6 && stem[n - 3] == UInt8(ascii: "e") && stem[n - 2] == UInt8(ascii: "l") && stem[n - 1] == UInt8(ascii: "n")
    }
}
