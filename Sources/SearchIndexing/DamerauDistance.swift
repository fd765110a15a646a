/// Damerau-Levenshtein distance of at most one, without building a matrix: the search's typo
/// tolerance (`Verwaltnug` finds `Verwaltung`). Front matter's "did you mean" uses
/// SiteModel's `EditDistance`, a full distance over a few candidates.
enum DamerauDistance {
    static func isWithinOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x == y { return false }  // Exact matches are not typos.
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }  // One substitution.
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]  // Transposition.
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return long[(i + 1)...] == short[i...]  // One insertion or deletion.
    }
}
