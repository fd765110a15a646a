/// German word families beyond Snowball's inflection: the verb, its action noun and its adjective
/// (`digitalisieren`/`Digitalisierung`/`digital`, `genehmigen`/`genehmigt`, `beantragen`/`Antrag`,
/// `bezahlen`/`Zahlung`). Snowball stems inflection only and leaves these apart (`digitalisi`,
/// `digitalisier`, `digital`; `zahlung`, `bezahl`).
///
/// Applied at query time, as data: a query word's stem is related to the stems that share its
/// *root* (the stem without one derivational suffix) and, through a verb prefix, to the root
/// without or with that prefix. Both engines read these rules from the manifest (`wordFamilies`)
/// and look the related stems up as exact terms, scored with `matchWeights.family`, below the typed
/// form. Nothing is added to the index, so its size stays as it is. Tested on a word list in
/// `WordFamilyTests`; mirrored by `Client/word-families.js`.
public struct WordFamilyRules: Codable, Equatable, Sendable {
    /// Derivational endings of Snowball stems, in the order they are tried (the first that fits is
    /// taken off): `isiert` (participle), `isier` (from -isierung), `isi` (from -isieren), `ation`
    /// (`Dokumentation` with `dokumentieren`), …
    public var suffixes: [String]
    /// A root keeps at least this many letters; shorter ones relate too many words (`pap-ier`).
    public var minimumRootLetters: Int
    /// Verb prefixes whose verb shares the family of the word without them (`be-antragen`/`Antrag`).
    public var prefixes: [String]
    /// The prefixes relate only query words that end in one of these (folded): verbs and their
    /// action nouns (`beantragen`, `Bezahlung`). Words like `Betriebsrat` keep their prefix, and a
    /// query does not read the shard of a stem without it (`triebsrat`) for nothing.
    public var prefixWordEndings: [String]
    /// Stems that belong to no family: a root that names something else (`zeitung` is no `zeit`,
    /// `satzung` no `satz`, `bereich` no `reich`, `organisier` no `organ`).
    public var exceptions: [String]

    /// vcc's rules. The exceptions were found on a list of administration words and the laws'
    /// vocabulary (WordFamilyTests holds both the families and the exceptions it must keep apart).
    public static let builtIn = WordFamilyRules(
        suffixes: ["isiert", "isier", "iert", "isi", "ier", "ung", "ation", "lich", "isch", "igt", "i"],
        minimumRootLetters: 4,
        prefixes: ["be"],
        prefixWordEndings: ["en", "ung"],
        exceptions: [
            // -ung nouns that are no action of the shorter word
            "bildung", "zeitung", "satzung", "sitzung", "stiftung", "festung", "richtung",
            "kundig", "kundigt",
            // be- words that are no prefixed verb of the rest
            "bereich", "betrieb", "beruf", "bezug", "bestand", "betrag", "bedarf", "befund", "bericht", "bescheid",
            "beschluss", "bezirk", "besitz", "beleg", "beweis", "beispiel", "beamt", "beginn", "bereit", "besond",
            "bestimm", "betreff", "beding", "beitrag", "behord", "betreu", "bewerb", "besuch", "beschwerd",
            // -ier/-isier words whose root is another word
            "organisier", "organisi", "organisiert", "studi", "studier", "studiert", "regier", "regiert", "regi",
            "kopi", "kopier", "markier", "markiert", "marki", "polier", "probier", "passier", "passiert", "passi",
            // -ation words whose root is another word
            "oper", "nation", "station", "situation", "relation",
        ])

    /// The stems related to `stem` of the folded query word `word` (without `stem` itself), sorted
    /// by UTF-8 bytes, and the roots they were made from: the root and the root with each suffix,
    /// for `stem` and, when `word` ends in one of ``prefixWordEndings``, for `stem` without or with a
    /// prefix. Engines keep those that are terms of the index.
    func family(of stem: String, word: String, exceptions: Set<String>? = nil) -> (stems: [String], roots: [String]) {
        let exceptions = exceptions ?? Set(self.exceptions)
        guard !exceptions.contains(stem) else { return ([], []) }
        var bases = [stem]
        let takesPrefixes = prefixWordEndings.contains { word.utf8.reversed().starts(with: $0.utf8.reversed()) }
        for prefix in prefixes where !prefix.isEmpty && takesPrefixes {
            if stem.utf8.starts(with: prefix.utf8) {
                let rest = String(String.UnicodeScalarView(stem.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
                if rest.unicodeScalars.count >= minimumRootLetters { bases.append(rest) }
            } else if stem.unicodeScalars.count >= minimumRootLetters {
                bases.append(prefix + stem)
            }
        }
        var related = Set<String>(), roots = Set<String>()
        for base in bases where !exceptions.contains(base) {
            let root = self.root(of: base)
            roots.insert(root)
            related.insert(root)
            for suffix in suffixes { related.insert(root + suffix) }
        }
        related.remove(stem)
        let sorted = { (strings: Set<String>) in strings.sorted { $0.precedesInUTF8($1) } }
        return (sorted(related.filter { !exceptions.contains($0) }), sorted(roots))
    }

    /// The stems of ``family(of:word:)``.
    func relatedStems(of stem: String, word: String) -> [String] { family(of: stem, word: word).stems }

    /// `stem` without the first suffix that fits, if the root keeps ``minimumRootLetters``.
    func root(of stem: String) -> String {
        let letters = stem.unicodeScalars.count
        for suffix in suffixes where stem.utf8.reversed().starts(with: suffix.utf8.reversed()) && letters - suffix.unicodeScalars.count >= minimumRootLetters {
            return String(String.UnicodeScalarView(stem.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
        }
        return stem
    }
}
