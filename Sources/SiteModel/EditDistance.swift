/// Edit distance (Levenshtein, with a swap of neighbours as one edit), for "did you mean" suggestions (front matter keys, values and ids, and
/// the fields a template names).
public enum EditDistance {
    /// The candidate nearest to `word`, when it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }) else { return nil }
        // Allow one edit for short keys, up to a third of the length for longer ones.
        return best.distance <= max(1, min(3, word.count / 3)) ? best.candidate : nil
    }

    /// The number of single-character insertions, deletions, substitutions and swaps of two
    /// neighbours from `a` to `b`. A swap counts as one edit because it is the commonest typo
    /// (`titel` for `title`), which as two substitutions would be too far for a suggestion.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
