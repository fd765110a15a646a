@testable import SearchIndexing
import Testing

/// A facet value's documents stay runs (``DocumentRuns``); membership and counts must be what the
/// expanded set of documents gives.
@Suite("Facet document runs")
struct DocumentRunsTests {
    @Test("membership and counts equal those of the expanded documents", arguments: [
        [(0, 3), (7, 1)],
        [(0, 0), (0, 2), (2, 0), (5, 3)],
        [(4, 1)],
        [],
    ])
    func sameAsExpanded(_ pairs: [(Int, Int)]) {
        var runs = DocumentRuns()
        var expanded = Set<Int>()
        for (start, length) in pairs {
            runs.append(start, start + length)
            expanded.formUnion(start..<(start + length))
        }
        for document in -1...10 { #expect(runs.contains(document) == expanded.contains(document), "\(pairs) \(document)") }
        for pool in [[], [0], [0, 1, 2, 3, 7, 8], Array(0...10), [2, 4, 5, 9]] {
            #expect(runs.count(in: pool) == pool.filter(expanded.contains).count, "\(pairs) \(pool)")
        }
    }

    @Test("a run of 2^31 - 1 documents costs one entry")
    func hugeRun() {
        var runs = DocumentRuns()
        runs.append(0, Int(Int32.max))
        #expect(runs.contains(Int(Int32.max) - 1) && !runs.contains(Int(Int32.max)))
        #expect(runs.count(in: [0, 5, Int(Int32.max) - 1, Int(Int32.max)]) == 3)
    }
}
