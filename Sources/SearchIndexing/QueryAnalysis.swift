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

/// A part of a query: one word, or words that form an expression of a synonym group ("künstliche
/// Intelligenz"), with the group's other expressions ("KI"), which also find documents.
struct QueryUnit: Sendable, Equatable {
    var words: [QueryWord]
    var alternatives: [[QueryWord]]
}

extension QueryAnalysis {
    /// The query's words grouped into units: at each position the longest synonym expression whose
    /// words have the query's words' stems becomes one unit; every other word is a unit of its own.
    /// `synonyms` are the groups' expressions analysed like queries. Mirrored by `queryUnits` in engine.js.
    static func units(of words: [QueryWord], synonyms: [[[QueryWord]]]) -> [QueryUnit] {
        var units: [QueryUnit] = []
        var position = 0
        while position < words.count {
            var found: (group: Int, expression: Int, length: Int)?
            for (group, expressions) in synonyms.enumerated() {
                for (number, expression) in expressions.enumerated() where !expression.isEmpty && position + expression.count <= words.count {
                    // Stems, so that "Schulungen" and "Kurse" meet the expressions "Schulung" and "Kurs".
                    guard zip(expression, words[position...]).allSatisfy({ $0.stem == $1.stem }) else { continue }
                    if expression.count > (found?.length ?? 0) { found = (group, number, expression.count) }
                }
            }
            guard let found else {
                units.append(QueryUnit(words: [words[position]], alternatives: []))
                position += 1
                continue
            }
            let matched = synonyms[found.group][found.expression].map(\.folded)
            let alternatives = synonyms[found.group].filter { !$0.isEmpty && $0.map(\.folded) != matched }
            units.append(QueryUnit(words: Array(words[position..<position + found.length]), alternatives: alternatives))
            position += found.length
        }
        return units
    }
}
