import CStemmer

/// The Snowball German stemmer from libstemmer: `Prüfungen` (folded `prufungen`) -> `prufung`,
/// with one rule after it: a stem ending in `eln` loses its `n` (``trimsDativePlural(_:)``).
///
/// A libstemmer instance is not thread-safe, so each thread makes its own; the index builder
/// stems every distinct word once and caches the result.
public final class GermanStemmer {
    private let stemmer: OpaquePointer
    /// The same algorithm for ISO-8859-1 text, for words that are all ASCII (nearly every folded
    /// word): on ASCII both read the same characters and give the same stem, and this one does not
    /// decode UTF-8 at every step (stemming took 40 % less time).
    private let asciiStemmer: OpaquePointer

    public init() {
        guard let stemmer = sb_stemmer_new("german", "UTF_8"), let asciiStemmer = sb_stemmer_new("german", "ISO_8859_1") else {
            preconditionFailure("libstemmer has no German stemmer")
        }
        self.stemmer = stemmer
        self.asciiStemmer = asciiStemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
        sb_stemmer_delete(asciiStemmer)
    }

    /// The stem of a folded word.
    public func stem(_ word: ArraySlice<UInt8>) -> String {
        word.withUnsafeBufferPointer { buffer in withStem(of: buffer) { String(decoding: $0, as: UTF8.self) } }
    }

    public func stem(_ word: String) -> String { stem(Array(word.utf8)[...]) }

    /// Hands the stem of the folded word `bytes` to `body` without making a string; the stem's
    /// bytes are valid only during the call.
    public func withStem<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withStem(of: bytes, by: Self.isASCII(bytes) ? asciiStemmer : stemmer, body)
    }

    /// ``withStem(of:_:)`` with the UTF-8 stemmer whatever the word (for the tests that compare).
    func withUTF8Stem<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withStem(of: bytes, by: stemmer, body)
    }

    private func withStem<R>(of bytes: UnsafeBufferPointer<UInt8>, by stemmer: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = bytes.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
            return body(bytes)
        }
        let stem = UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer)))
        return body(Self.trimsDativePlural(stem) ? UnsafeBufferPointer(rebasing: stem.dropLast()) : stem)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
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
