// Word families beyond Snowball's inflection (../FORMAT.md, "Query evaluation"): the stems related
// to a query word's stem by the manifest's `wordFamilies` rules. Mirrors WordFamilies.swift.

import { compareTerms } from "./term-shard.js";

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
 * The stems related to `stem` (without itself), sorted: the root and the root with each suffix, for
 * `stem` and for `stem` without or with each prefix. Mirrors WordFamilyRules.relatedStems.
 */
export function relatedStems(rules, stem) {
  const exceptions = new Set(rules.exceptions);
  if (exceptions.has(stem)) return [];
  const bases = [stem];
  for (const prefix of rules.prefixes) {
    if (prefix === "") continue;
    if (stem.startsWith(prefix)) {
      const rest = [...stem].slice(letters(prefix)).join("");
      if (letters(rest) >= rules.minimumRootLetters) bases.push(rest);
    } else if (letters(stem) >= rules.minimumRootLetters) {
      bases.push(prefix + stem);
    }
  }
  const related = new Set();
  for (const base of bases) {
    if (exceptions.has(base)) continue;
    const root = familyRoot(rules, base);
    related.add(root);
    for (const suffix of rules.suffixes) related.add(root + suffix);
  }
  related.delete(stem);
  return [...related].filter((s) => !exceptions.has(s)).sort(compareTerms);
}
