import SiteModel
import TextAnalysis

/// Counts of one word in one document, per field, with the passage where it occurs most.
///
/// 48 bytes: a large site holds one for every distinct word of every page at once (about six
/// million for the laws), so the counts within a passage are 16 bits (a passage has about 240
/// characters) and the title position too; one more 32-bit field would make it 64.
struct WordCounts {
    var whole = SIMD4<Float>(repeating: 0)
    var hyphenPart = SIMD4<Float>(repeating: 0)
    var bestPassage: Int32 = 0
    var currentPassage: Int32 = -1
    var bestCount: UInt16 = 0
    var currentCount: UInt16 = 0
    /// Where the word first stands in the title (words without stopwords, from 0); -1 when not there.
    var titlePosition: Int16 = -1

    /// Counts an occurrence in passage `passage` (-1 for fields without passages).
    mutating func notePassage(_ passage: Int32) {
        guard passage >= 0 else { return }
        if passage != currentPassage { currentPassage = passage; currentCount = 0 }
        if currentCount < .max { currentCount += 1 }
        if currentCount > bestCount { bestCount = currentCount; bestPassage = passage }
    }
}

/// The words of one document after tokenising, with ids from its worker's vocabulary.
struct AnalysedDocument {
    var wordIDs: [Int32] = []
    var counts: [WordCounts] = []
    var fieldLengths = SIMD4<Float>(repeating: 0)
}

/// One thread's vocabulary: words seen by that thread, numbered in order of first sight.
///
/// A struct, not a class: the tokeniser calls into it for every token, and a class's stored
/// properties would cost a dynamic exclusivity check on each access.
struct WorkerVocabulary: Sendable {
    private var table = ByteStringTable()
    /// The words by id, made into strings.
    var words: [String] { table.strings }
    /// The number of distinct words seen.
    var count: Int { table.count }
    /// Hands the bytes of word `id` to `body`.
    func withWord<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { table.withBytes(id, body) }
    /// The FNV-1a hash of word `id`.
    func hash(_ id: Int32) -> UInt64 { table.hash(id) }
    /// What the counting keeps per word, in one place: a token reads and writes all of it, and four
    /// arrays were four cache misses for each rare word (and four array accesses for every token).
    private struct WordState {
        /// The document whose counts `slot` indexes (the slots are reused across documents
        /// instead of a dictionary per document).
        var document: Int32 = -1
        var slot: Int32 = 0
        /// How often the word stood alone (not as a hyphen part), for the decompounding dictionary.
        var standalone: Int32 = 0
        /// Stopwords get an id like any word (one dictionary lookup per token) and are then skipped.
        var isStopword = false
    }
    private var states: [WordState] = []

    /// How often word `id` stood alone (not as a hyphen part), for the decompounding dictionary.
    func standaloneCount(of id: Int32) -> Int32 { states[Int(id)].standalone }

    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (id, isNew) = table.intern(bytes)
        if isNew { states.append(WordState(isStopword: Stopwords.german.contains(table.string(id)))) }
        return id
    }

    /// Tokenises every field of `document` into `AnalysedDocument`.
    mutating func analyse(_ document: SearchDocument, passages: Passages, number: Int32) -> AnalysedDocument {
        var result = AnalysedDocument()
        var titleWords: Int32 = 0
        func add(_ text: Substring, field: SearchTuning.Field, passage: Int32) {
            Tokenizer.forEachToken(in: text) { token in
                let id = Int(self.id(for: token.bytes))
                if states[id].isStopword { return }
                // A hyphen part stands where its whole word stands (the word came just before it).
                if field == .title && token.kind == .word { titleWords += 1 }
                let slot: Int
                if states[id].document == number {
                    slot = Int(states[id].slot)
                } else {
                    states[id].document = number
                    states[id].slot = Int32(result.counts.count)
                    slot = result.counts.count
                    result.wordIDs.append(Int32(id))
                    result.counts.append(WordCounts())
                }
                if token.kind == .word {
                    result.counts[slot].whole[field.rawValue] += 1
                    result.fieldLengths[field.rawValue] += 1
                    states[id].standalone += 1
                } else {
                    result.counts[slot].hyphenPart[field.rawValue] += 1
                }
                result.counts[slot].notePassage(passage)
                if field == .title && result.counts[slot].titlePosition < 0 {
                    result.counts[slot].titlePosition = Int16(clamping: titleWords - 1)
                }
            }
        }
        add(Substring(document.title), field: .title, passage: -1)
        for alias in document.aliases + [document.kind] where !alias.isEmpty {
            titleWords += 1  // A gap: an alias does not continue the title's phrase.
            add(Substring(alias), field: .title, passage: -1)
        }
        for section in document.sections where !section.heading.isEmpty { add(Substring(section.heading), field: .headings, passage: -1) }
        let meta = [document.kind] + document.keywords + document.cities + document.themes + [document.project ?? ""]
        add(Substring(meta.joined(separator: " ")), field: .meta, passage: -1)
        for (index, passage) in passages.passages.enumerated() {
            // The summary's passages count as meta, the rest as body.
            let field: SearchTuning.Field = index < passages.summaryCount ? .meta : .body
            add(passage.text, field: field, passage: Int32(index))
        }
        return result
    }
}
