/// The documents of one facet value, kept as the runs `facets.json` lists them (``FacetGroups``):
/// memory follows the file's size, whatever document count the runs span.
struct DocumentRuns: Sendable {
    /// The first document of each run, ascending.
    private var starts: [Int] = []
    /// One past the last document of each run; runs are apart, so `ends[i] <= starts[i + 1]`.
    private var ends: [Int] = []

    /// Adds the run `start..<end`, which must begin at or after the end of the last one; an empty
    /// run adds nothing.
    mutating func append(_ start: Int, _ end: Int) {
        guard start < end else { return }
        starts.append(start)
        ends.append(end)
    }

    /// Whether `document` lies in a run: only the last run starting at or before it can hold it.
    func contains(_ document: Int) -> Bool {
        let run = starts.partitionPoint { $0 > document } - 1
        return run >= 0 && document < ends[run]
    }

    /// How many of `documents` (ascending) lie in the runs: two binary searches per run, so the
    /// cost follows the runs, not the documents they span.
    func count(in documents: [Int]) -> Int {
        zip(starts, ends).reduce(0) { sum, run in
            sum + documents.partitionPoint { $0 >= run.1 } - documents.partitionPoint { $0 >= run.0 }
        }
    }
}

extension Array where Element == Int {
    /// The first index whose element satisfies `isAbove`, which must be false for a prefix of the
    /// array and true for the rest (binary search).
    fileprivate func partitionPoint(_ isAbove: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isAbove(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
