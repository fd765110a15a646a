// Word families beyond Snowball's inflection (../FORMAT.md, "Query evaluation"): the stems related
// to a query word's stem by the manifest's `wordFamilies` rules. Mirrors WordFamilies.swift.

import { compareTerms } from "./term-shard.js";

/** The exceptions of `rules` as a set, made once per manifest (every query word asks). */
const exceptionSets = new WeakMap();
function exceptionSet(rules) {
  let set = exceptionSets.get(rules);
  if (!set) exceptionSets.set(rules, set = new Set(rules.exceptions));
  return set;
}

/** Length in Unicode scalars, as Swift's `unicodeScalars.count`. */
const letters = (text) => [...text].length;

/** `stem` without the first suffix of `rules` that fits, if the root keeps `minimumRootLetters`. */
export function familyRoot(rules, stem) {
  for (const suffix of rules.suffixes) {
    if (stem.endsWith(suffix) && letters(stem) - letters(suffix) >= rules.minimumRootLetters) return [...stem].slice(0, letters(stem) - letters(suffix)).join("");
  }
  return stem;
}

/**
 * The stems related to `stem` of the folded query word `word` (without `stem` itself), sorted, and
 * the roots they were made from: the root and the root with each suffix, for `stem` and, when
 * `word` ends in one of `prefixWordEndings`, for `stem` without or with each prefix. Mirrors
 * WordFamilyRules.family.
 */
export function family(rules, stem, word) {
  const exceptions = exceptionSet(rules);
  if (exceptions.has(stem)) return { stems: [], roots: [] };
  const bases = [stem];
  const takesPrefixes = rules.prefixWordEndings.some((ending) => word.endsWith(ending));
  for (const prefix of rules.prefixes) {
    if (prefix === "" || !takesPrefixes) continue;
    if (stem.startsWith(prefix)) {
      const rest = [...stem].slice(letters(prefix)).join("");
      if (letters(rest) >= rules.minimumRootLetters) bases.push(rest);
    } else if (letters(stem) >= rules.minimumRootLetters) {
      bases.push(prefix + stem);
    }
  }
  const related = new Set(), roots = new Set();
  for (const base of bases) {
    if (exceptions.has(base)) continue;
    const root = familyRoot(rules, base);
    roots.add(root);
    related.add(root);
    for (const suffix of rules.suffixes) related.add(root + suffix);
  }
  related.delete(stem);
  return { stems: [...related].filter((s) => !exceptions.has(s)).sort(compareTerms), roots: [...roots].sort(compareTerms) };
}
