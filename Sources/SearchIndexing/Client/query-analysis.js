// A query's words and units (../FORMAT.md, "Query evaluation"). Mirrors QueryAnalysis.swift.

import { stem, tokenize } from "./analysis.js";

/** Splits a query into words: folded, stopwords removed, the last one a prefix while it is being typed. */
export function queryWords(query, stopwords) {
  // `text`: the word as typed, for "Es fehlt: …" under a result that lacks it.
  const words = tokenize(query).filter((t) => t.kind === "word" && !stopwords.has(t.text))
    .map((t) => ({ folded: t.text, stem: stem(t.text), isPrefix: false, text: query.slice(t.start, t.end) }));
  if (words.length > 0 && query.length > 0 && !/\s$/u.test(query)) words[words.length - 1].isPrefix = true;
  return words;
}

/**
 * The query's words grouped into units: at each position the longest synonym expression whose
 * words have the query's stems becomes one unit with its group's other expressions as
 * alternatives; every other word is a unit of its own. Mirrors QueryAnalysis.units in Swift.
 */
export function queryUnits(words, synonyms) {
  const units = [];
  let position = 0;
  while (position < words.length) {
    let found = null;
    synonyms.forEach((expressions, group) => {
      expressions.forEach((expression, number) => {
        if (expression.length === 0 || position + expression.length > words.length) return;
        if (!expression.every((word, k) => word.stem === words[position + k].stem)) return;
        if (expression.length > (found?.length ?? 0)) found = { group, number, length: expression.length };
      });
    });
    if (!found) {
      units.push({ words: [words[position]], alternatives: [] });
      position += 1;
      continue;
    }
    const matched = synonyms[found.group][found.number].map((w) => w.folded).join(" ");
    const alternatives = synonyms[found.group].filter((e) => e.length > 0 && e.map((w) => w.folded).join(" ") !== matched);
    units.push({ words: words.slice(position, position + found.length), alternatives });
    position += found.length;
  }
  return units;
}
