// Synonym groups as both engines merge them (../FORMAT.md, "Query evaluation"). Mirrors SynonymGroups.swift.

/**
 * The manifest's synonym groups (each expression analysed like a query: a list of words with
 * `folded`) with groups that share an expression merged, transitively, at the place of the first
 * of them; expressions in group order, each once, empty ones left out. Mirrors SynonymGroups.swift.
 */
export function mergedSynonymGroups(groups) {
  const key = (expression) => expression.map((w) => w.folded).join(" ");
  const parent = groups.map((_, i) => i);
  const root = (group) => { while (parent[group] !== group) group = parent[group]; return group; };
  const firstGroup = new Map();
  groups.forEach((group, number) => {
    for (const expression of group) {
      if (expression.length === 0) continue;
      const other = firstGroup.get(key(expression));
      if (other === undefined) { firstGroup.set(key(expression), number); continue; }
      const a = root(number), b = root(other);
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const merged = [];
  groups.forEach((_, first) => {
    if (root(first) !== first) return;
    const seen = new Set();
    const expressions = [];
    groups.forEach((group, number) => {
      if (root(number) !== first) return;
      for (const expression of group) {
        if (expression.length > 0 && !seen.has(key(expression))) { seen.add(key(expression)); expressions.push(expression); }
      }
    });
    merged.push(expressions);
  });
  return merged;
}
