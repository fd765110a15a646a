import TextAnalysis

/// A query word after folding and stemming.
struct QueryWord: Sendable, Equatable {
    /// The folded word (`posteingan`).
    var folded: String
    /// Its stem (`posteingan`).
    var stem: String
    /// The last word of a query that does not end in a space is still being typed: it matches as a prefix.
    var isPrefix: Bool
}

enum QueryAnalysis {
    /// The query's words, stopwords removed; hyphenated words stay whole.
    static func words(of query: String, stopwords: Set<String>, stemmer: GermanStemmer) -> [QueryWord] {
        var words: [QueryWord] = []
        Tokenizer.forEachToken(in: query) { token in
            guard token.kind == .word else { return }
            let folded = String(decoding: token.bytes, as: UTF8.self)
            if stopwords.contains(folded) { return }
            words.append(QueryWord(folded: folded, stem: stemmer.stem(Array(token.bytes)[...]), isPrefix: false))
        }
        if let last = query.unicodeScalars.last, !last.properties.isWhitespace, !words.isEmpty {
            words[words.count - 1].isPrefix = true
        }
        return words
    }
}
