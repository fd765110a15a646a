/// The manifest's synonym groups, with groups that share an expression merged into one.
///
/// A site's `synonyms: [[Bürgerbüro, Rathausservice]]` shares "Bürgerbüro" with the built-in group
/// `[Bürgerbüro, Bürgeramt, Bürgerservice]`. A query takes its alternatives from one group only, so
/// without merging "Bürgerbüro" would never find "Rathausservice" (the built-in group comes first).
/// Merged (transitively), every expression finds all the others. Mirrored by `mergedSynonymGroups`
/// in `Client/engine.js`, so that both engines see the same groups.
enum SynonymGroups {
    /// `groups` (each expression analysed like a finished query) merged: groups that share an
    /// expression (the same folded words) become one, at the place of the first of them, with the
    /// expressions of all in group order, each once; expressions without words are left out.
    static func merged(_ groups: [[[QueryWord]]]) -> [[[QueryWord]]] {
        func key(_ expression: [QueryWord]) -> String { expression.map(\.folded).joined(separator: " ") }
        var parent = Array(groups.indices)
        func root(_ group: Int) -> Int {
            var group = group
            while parent[group] != group { group = parent[group] }
            return group
        }
        var firstGroup: [String: Int] = [:]
        for (number, group) in groups.enumerated() {
            for expression in group where !expression.isEmpty {
                guard let other = firstGroup[key(expression)] else {
                    firstGroup[key(expression)] = number
                    continue
                }
                // The smaller number stays the root, so a merged group stands where its first member stood.
                let (a, b) = (root(number), root(other))
                parent[max(a, b)] = min(a, b)
            }
        }
        var members: [Int: [Int]] = [:]
        for number in groups.indices { members[root(number), default: []].append(number) }
        return groups.indices.filter { root($0) == $0 }.map { first in
            var seen = Set<String>()
            return members[first, default: []].flatMap { groups[$0] }.filter { !$0.isEmpty && seen.insert(key($0)).inserted }
        }
    }
}
