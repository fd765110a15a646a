/// The ranking constants and query thresholds, written into the manifest (``IndexManifest``) so both
/// engines and readers of the index see them: the browser client repeats none of them.
///
/// BM25F: per field f, tf'(t,d) = Σ W_f · tf_f / (1 − b_f + b_f · len_f / avglen_f), and a posting's
/// weight is tf'·(k1+1) / (k1+tf'), quantised to 1…255. A query word's score in a document is
/// idf(t)·100 (an integer) × the posting byte × the match weight below; a document's score is the
/// sum over query words. All of it is integer arithmetic, so the Swift and JavaScript engines rank
/// identically.
public enum SearchTuning {
    /// Fields in index order.
    public enum Field: Int, CaseIterable, Sendable { case title, headings, meta, body }

    /// Field weights W_f: title > headings > summary, keywords and tags > body. Range 0.1…20;
    /// raising one makes matches in that field dominate the ranking.
    public static let fieldWeights: [Double] = [6.0, 3.0, 2.0, 1.0]
    /// Length normalisation b_f, 0…1: 0 ignores the field's length, 1 fully normalises it. Titles are
    /// normalised strongly (a short title that is the query beats a long one that mentions it); the
    /// body only mildly, because long pages are usually the comprehensive ones (the main law, not
    /// the ordinance that cites it). Tuned on ../shared/search-eval (dev MRR@10 0.55 -> 0.68).
    public static let lengthNormalisation: [Double] = [0.9, 0.6, 0.5, 0.4]
    /// Term-frequency saturation k1, 0.5…6: lower saturates faster (repeats count less). 4 rather
    /// than the textbook 1.2: with 1.2 every long page that uses a word often saturates at the same
    /// weight, and the title can no longer tell them apart.
    public static let k1 = 4.0
    /// The length prior, 0…1: every posting weight of a document is multiplied by
    /// `floor + (1 − floor) · e / (e + s)` with `s = lengthPriorStart · avglen` and
    /// `e = max(0, len − s)` (len = its words in all fields): pages up to twice the average length
    /// keep `floor` of their weight, a page four times as long 0.8, a very long one almost all.
    /// Where several documents match a query in their titles, the very long one is usually the main
    /// one (the Einkommensteuergesetz, not its Durchführungsverordnung; the SGB V, not the
    /// Krankenversicherung der Landwirte), and BM25 alone, saturating, cannot tell them apart; pages
    /// of ordinary length (a project and its report, a law and a page citing it on a small site)
    /// are not ranked by their length at all. 1 switches it off. Measured on the laws, with the
    /// compound changes below: dev MRR@10 0.727 -> 0.842, own set 0.721 -> 0.936; starting at 1x
    /// the average gave 0.825 / 0.964 but ranked a longer report above its project page and a
    /// citing page above the law on a three-page site; 3x gave 0.812 / 0.916; no start (every
    /// length) 0.829 / 0.943.
    public static let lengthPriorFloor = 0.6
    /// Where the length prior starts, in multiples of the average document length (see above).
    public static let lengthPriorStart = 2.0
    /// How much an occurrence as part of a compound (`zentrum` in `Kompetenzzentrum`) counts
    /// against a whole-word occurrence, 0…1. Below 1 keeps whole-word matches on top.
    public static let compoundPartWeight = 0.3
    /// The same in a title, where a compound names what the document is about: "Tierschutz" in
    /// the title *Tierschutzgesetz* says more than the whole word in the text of another law. Close
    /// to 1, so the title's compound counts almost like the word itself.
    public static let titleCompoundPartWeight = 0.9
    /// A title that spells a two-part compound of the site's vocabulary apart ("Gesetz über den
    /// Verkehr mit Arzneimitteln") counts as holding the compound ("Arzneimittelgesetz") this many
    /// times in its title, 0…1. Close to a whole word: the document is what the compound names,
    /// while the documents that cite the compound in their text or title keep their own weight.
    public static let titleSplitCompoundWeight = 0.9
    /// Titles are searched for spelled-apart compounds among their first this many terms (pairs grow
    /// with the square of a title's length).
    public static let maximumTitleTermsForSplitCompounds = 40
    /// The same for a part of a hyphenated word (`government` in `E-Government`).
    public static let hyphenPartWeight = 0.6

    /// Match weights (integers, 0…100) by how a query word matched an index term: exact 10, prefix 7
    /// (search as you type), split 6 (a compound whose parts are terms), family 6 (another word of
    /// the query word's family, `Digitalisierung` for `digitalisieren`), typo 5 (one letter off).
    public static let matchWeights = MatchWeights(exact: 10, prefix: 7, split: 6, typo: 5, family: 6)
    /// Documents with only some of the query's units are shown after those with all of them, their
    /// score multiplied by matched/total and then by this fraction in percent (0…100).
    public static let partialMatchPercent = 50
    /// Partial matches are added when fewer than this many documents have every unit (0…10000):
    /// a clerk's task query ("Post digitalisieren") often has one word no page uses, and a page
    /// with most of the words is then better than a dead end; a query with many full matches needs
    /// none, and skipping them keeps such queries as fast as before.
    public static let partialMatchBelow = 10
    /// A partial match has at least this percentage of the query's units (0…100), or as many as the
    /// best partial match has: half, so that a three-word query does not list every page with its
    /// commonest word (thousands on the laws, which also cost the browser time), while a two-word
    /// query still shows pages with one, and a query whose pages have one word each still has them.
    public static let partialMatchMinimumPercent = 50
    /// Weak query words: a unit is weak when its words are generic task words (``SearchSynonyms/weakWords``:
    /// "finden", "erstellen", "lernen" …) or when it is found in at least `weakDocumentPercent` of the
    /// documents (a site's name, boilerplate, a word every page uses). A weak unit counts this percentage
    /// of its score (0…100), adds nothing to a document's coverage, and a document need not have it to
    /// rank among those with every other unit ("Medienbrüche finden": the page about Medienbrüche, not
    /// the one page that also says "finden"; it shows "Es fehlt: finden"). When every unit is weak, none is.
    /// Measured on the sample site's older table (69 queries; MRR@10 all / 44 task queries): 50, 25 and
    /// 75 give 0.949 / 0.919, 0 gives 0.939 / 0.904; the laws' dev and own sets are unchanged (0.858, 0.928).
    public static let weakUnitPercent = 50
    /// A unit whose own words (not its synonyms) are found in at least this percentage of the
    /// documents is weak (see `weakUnitPercent`), 1…100. Only for sites of at least
    /// `weakDocumentMinimum` documents: on a tiny site every word is common. Measured as above: 35 and
    /// 40 give 0.949 / 0.919, 30 gives 0.946 / 0.915, 50 gives 0.946 / 0.916. Counting the synonyms'
    /// documents too made "Onlinedienste" weak (the thesaurus finds it on most pages) and cost two
    /// queries their first place.
    public static let weakDocumentPercent = 40
    /// The smallest site on which a unit can be weak by its document frequency (1…10000).
    public static let weakDocumentMinimum = 20
    /// A document found through a synonym (the query says "KI", the document "künstliche
    /// Intelligenz") scores this percentage of what the same match scores for the query's own
    /// words (0…100): below 100 ranks the form the person typed first.
    public static let synonymPercent = 80
    /// A document whose title holds every word of the query (as words or parts of compounds) is
    /// what the query is about: its score is multiplied by this percentage (100…1000). 300 puts
    /// such documents above those that only use the words often in their text.
    public static let titleMatchPercent = 200
    /// The same for a document whose summary, keywords or tags hold every query word (where a law
    /// names its abbreviation, a blueprint its themes), when its title does not (100…1000).
    public static let metaMatchPercent = 200
    /// A document whose title holds the query's words one after the other, in the query's order
    /// (stopwords aside; parts of one compound count as adjacent), is what a several-word query
    /// names: on top of `titleMatchPercent` its score is multiplied by this percentage (100…400).
    public static let titlePhrasePercent = 150
    /// A document in which every query unit has its best match (the passage where the term occurs
    /// most, which the postings keep) in the same passage of about 240 characters has the words
    /// near each other: its score is multiplied by this percentage (100…300). The postings keep only
    /// that one passage per term, so this sees proximity only where the words cluster most.
    /// Measured on the laws: dev MRR@10 0.842 -> 0.858, own set 0.929 -> 0.922 (one query of
    /// seven words lost a place), sample site 1.000 either way; 125 gave 0.858 / 0.922 before a
    /// fix and 0.858 / 0.915 (first measurement); ×1.5 on an earlier ranking 0.688 / 0.703.
    public static let passageNearPercent = 110
    /// Passages of excerpt text are cut near this many characters.
    public static let passageLength = 240
    /// Passages in the record itself (the first block): most excerpts come from here.
    public static let passagesPerBlock = 8
    /// Passages per later block, fetched by a range request only when the best passage is there.
    /// Each block is one range of a pack file, so its size no longer decides how many files a build
    /// creates, only how many bytes a result costs.
    public static let passagesPerLaterBlock = 16
    /// Later passage blocks are appended to pack files of about this many bytes (`p/<n>.bin`): a few
    /// hundred files instead of one per block. A server without range requests sends the whole pack,
    /// which the client then slices, so packs stay small enough for that fallback.
    public static let passagePackBytes = 1 << 20
    /// Records are appended to pack files of about this many bytes (`r/<n>.bin`). Each record is one
    /// range of its pack; a server without range requests sends the whole pack, so packs stay small.
    public static let recordPackBytes = 128 << 10
    /// Term shards are cut after about this many bytes, so a word's shard stays small.
    public static let shardTargetBytes = 16_000
    /// A prefix matches at most this many terms (the most frequent), to bound the work per keystroke.
    public static let maximumPrefixTerms = 60
    /// The last word of a query matches as a prefix once it has this many letters (folded), 1…10:
    /// fewer would expand one letter to the most frequent terms of the whole alphabet.
    public static let prefixMinimumLetters = 2
    /// While typing, the word also matches the stems it extends by at most this many letters
    /// (`digitalisieru` finds `digitalisier`), 0…10: the ending typed so far may not be the stem's.
    public static let prefixStemExtraLetters = 4
    /// Those shorter stems have at least this many letters, 1…10, so that a long word does not match
    /// every short term it starts with.
    public static let prefixStemMinimumLetters = 3
    /// A prefix reads at most this many shards after the one it starts in, 0…10: bounds the files a
    /// keystroke loads where a very common prefix spans many shards.
    public static let prefixFollowingShards = 2
    /// Only words of at least this many letters (folded) may match with one typo, 3…10 (shorter words
    /// are one letter away from too many others). Typos are tried only when nothing else matched.
    public static let typoMinimumLetters = 5
    /// A query word the index does not know is tried as a compound of two known terms ("Organspende")
    /// when it has at least this many letters, 6…20.
    public static let splitMinimumLetters = 8
    /// Each part of such a split has at least this many letters, 2…5.
    public static let splitMinimumPartLetters = 3
    /// When no cut of a word gives two terms, the left part may be the head of compounds the index
    /// knows ("Routine" only in "Routineaufgaben"): any term it begins counts as the left part, when
    /// it has at least this many letters, 3…20 (shorter heads begin too many terms).
    public static let splitHeadMinimumLetters = 5
    /// Linking elements a split may drop from the left part (`Organ-s-spende`), tried
    /// in this order: the first form that is a term wins.
    public static let splitLinkingElements = ["es", "en", "er", "s", "n", "e"]
}
