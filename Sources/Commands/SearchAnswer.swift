import SearchIndexing

/// What `vcc search --json` prints (keys sorted): the query, the number of results, the results
/// shown and the facet counts. Tests compare it with the browser engine's answer.
struct SearchAnswer: Encodable {
    struct Result: Encodable {
        var url: String
        var title: String
        var score: Int
        /// The positions of the query words (stopwords left out) the document lacks.
        var missing: [Int]
    }

    struct Facet: Encodable {
        var group: String
        var value: String
        var count: Int
    }

    var query: String
    var total: Int
    /// How many results have every word of the query (the rest have some).
    var complete: Int
    var results: [Result]
    var facets: [Facet]

    init(query: String, response: SearchEngine.Response) {
        self.query = query
        total = response.total
        complete = response.complete
        results = response.results.map { Result(url: $0.url, title: $0.title, score: $0.score, missing: $0.missing) }
        facets = response.facets.map { Facet(group: $0.group, value: $0.value, count: $0.count) }
    }
}
