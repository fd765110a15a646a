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
    /// How often word `id` stood alone (not as a hyphen part), for the decompounding dictionary.
    func standaloneCount(_ id: Int32) -> Int32 { entries[Int(id)].standaloneCount }

    /// What the counting needs of each word, in one array indexed by id: a rare word costs one cache
    /// miss here, where four arrays cost four.
    private struct Word {
        /// Stopwords get an id like any word (one dictionary lookup per token) and are then skipped.
        var isStopword: Bool
        var standaloneCount: Int32 = 0
        /// The document whose counts hold this word, and where: scratch reused across documents
        /// instead of a dictionary per document.
        var document: Int32 = -1
        var slot: Int32 = 0
    }
    private var entries: [Word] = []
    /// Receives the values read ahead of use, so that the reads are not optimised away.
    private var readAhead: UInt32 = 0

    mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        id(for: bytes, hash: Decompounder.hash(bytes))
    }

    private mutating func id(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (id, isNew) = table.intern(bytes, hash: hash)
        if isNew { entries.append(Word(isStopword: Stopwords.german.contains(table.string(id)))) }
        return id
    }

    /// Tokenises every field of `document` into `AnalysedDocument`.
    mutating func analyse(_ document: SearchDocument, passages: Passages, number: Int32) -> AnalysedDocument {
        var result = AnalysedDocument()
        var titleWords: Int32 = 0
        var batch = TokenBatch()
        defer { batch.release() }
        add(Substring(document.title), field: .title, passage: -1, number: number, titleWords: &titleWords, batch: &batch, to: &result)
        for alias in document.aliases + [document.kind] where !alias.isEmpty {
            titleWords += 1  // A gap: an alias does not continue the title's phrase.
            add(Substring(alias), field: .title, passage: -1, number: number, titleWords: &titleWords, batch: &batch, to: &result)
        }
        for section in document.sections where !section.heading.isEmpty {
            add(Substring(section.heading), field: .headings, passage: -1, number: number, titleWords: &titleWords, batch: &batch, to: &result)
        }
        let meta = [document.kind] + document.keywords + document.cities + document.themes + [document.project ?? ""]
        add(Substring(meta.joined(separator: " ")), field: .meta, passage: -1, number: number, titleWords: &titleWords, batch: &batch, to: &result)
        for (index, passage) in passages.passages.enumerated() {
            // The summary's passages count as meta, the rest as body.
            let field: SearchTuning.Field = index < passages.summaryCount ? .meta : .body
            add(passage.text, field: field, passage: Int32(index), number: number, titleWords: &titleWords, batch: &batch, to: &result)
        }
        return result
    }

    /// Counts the words of one text, a whole text at a time: it is tokenised first, then the table
    /// slots and word entries of all its tokens are read ahead before any is used. Most of counting
    /// a large site was waiting for those reads (the table outgrows the caches), and independent
    /// reads wait together, where one lookup after another waits for each in turn. Words get their
    /// ids in the same order as token by token, so the index is the same.
    private mutating func add(_ text: Substring, field: SearchTuning.Field, passage: Int32, number: Int32,
                              titleWords: inout Int32, batch: inout TokenBatch, to result: inout AnalysedDocument) {
        batch.fill(from: text)
        guard batch.count > 0 else { return }
        let tokens = 0..<batch.count
        readAhead &+= table.readAhead(UnsafeBufferPointer(start: batch.hashes, count: batch.count))
        for index in tokens {
            let word = UnsafeBufferPointer(start: batch.bytes + Int(batch.starts[index]), count: Int(batch.starts[index + 1] - batch.starts[index]))
            batch.ids[index] = id(for: word, hash: batch.hashes[index])
        }
        readAhead &+= entries.withUnsafeBufferPointer { entries in
            tokens.reduce(0) { $0 &+ UInt32(bitPattern: entries[Int(batch.ids[$1])].slot) }
        }
        let ids = batch.ids, isWords = batch.isWord
        entries.withUnsafeMutableBufferPointer { entries in
            for index in tokens {
                let id = Int(ids[index])
                if entries[id].isStopword { continue }
                let isWord = isWords[index]
                // A hyphen part stands where its whole word stands (the word came just before it).
                if field == .title && isWord { titleWords += 1 }
                let slot: Int
                if entries[id].document == number {
                    slot = Int(entries[id].slot)
                } else {
                    entries[id].document = number
                    entries[id].slot = Int32(result.counts.count)
                    slot = result.counts.count
                    result.wordIDs.append(Int32(id))
                    result.counts.append(WordCounts())
                }
                if isWord {
                    result.counts[slot].whole[field.rawValue] += 1
                    result.fieldLengths[field.rawValue] += 1
                    entries[id].standaloneCount += 1
                } else {
                    result.counts[slot].hyphenPart[field.rawValue] += 1
                }
                result.counts[slot].notePassage(passage)
                if field == .title && result.counts[slot].titlePosition < 0 {
                    result.counts[slot].titlePosition = Int16(clamping: titleWords - 1)
                }
            }
        }
    }
}

/// The tokens of one text, folded, one after another in one buffer, with their hashes. Raw buffers,
/// reused for all texts of a document and grown by doubling: appending to arrays cost more per
/// token (uniqueness and capacity checks, retains) than the reads it saves.
private struct TokenBatch {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// Where each token starts in `bytes`, and one more entry for where the last one ends.
    private(set) var starts: UnsafeMutablePointer<Int32>
    /// Whether each token is a whole word (or a hyphen part).
    private(set) var isWord: UnsafeMutablePointer<Bool>
    private(set) var hashes: UnsafeMutablePointer<UInt64>
    /// Room for the caller: the word id of each token.
    private(set) var ids: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var byteCapacity = 1024
    private var tokenCapacity = 128

    init() {
        bytes = .allocate(capacity: byteCapacity)
        starts = .allocate(capacity: tokenCapacity + 1)
        isWord = .allocate(capacity: tokenCapacity)
        hashes = .allocate(capacity: tokenCapacity)
        ids = .allocate(capacity: tokenCapacity)
    }

    func release() {
        bytes.deallocate()
        starts.deallocate()
        isWord.deallocate()
        hashes.deallocate()
        ids.deallocate()
    }

    mutating func fill(from text: Substring) {
        count = 0
        starts[0] = 0
        Tokenizer.forEachToken(in: text) { token in append(token) }
    }

    private mutating func append(_ token: Tokenizer.Token) {
        let end = Int(starts[count]) + token.bytes.count
        if end > byteCapacity { bytes = Self.grown(bytes, used: Int(starts[count]), to: &byteCapacity, needed: end) }
        if count == tokenCapacity {
            var capacity = tokenCapacity
            starts = Self.grown(starts, used: count + 1, to: &capacity, needed: count + 1, extra: 1)
            capacity = tokenCapacity
            isWord = Self.grown(isWord, used: count, to: &capacity, needed: count + 1)
            capacity = tokenCapacity
            hashes = Self.grown(hashes, used: count, to: &capacity, needed: count + 1)
            ids.deallocate()
            ids = .allocate(capacity: capacity)
            tokenCapacity = capacity
        }
        if let source = token.bytes.baseAddress {
            (bytes + Int(starts[count])).update(from: source, count: token.bytes.count)
        }
        isWord[count] = token.kind == .word
        hashes[count] = Decompounder.hash(token.bytes)
        count += 1
        starts[count] = Int32(end)
    }

    /// A buffer of twice the capacity (or more, up to `needed`) holding the first `used` elements.
    private static func grown<T>(_ buffer: UnsafeMutablePointer<T>, used: Int, to capacity: inout Int, needed: Int, extra: Int = 0) -> UnsafeMutablePointer<T> {
        while capacity < needed { capacity *= 2 }
        let fresh = UnsafeMutablePointer<T>.allocate(capacity: capacity + extra)
        fresh.moveInitialize(from: buffer, count: used)
        buffer.deallocate()
        return fresh
    }
}
