// "Meinten Sie …" after a query without results: close terms of the index, and thesaurus neighbours
// with hits. Browser only (vcc search has neither), so its thresholds are the client's own; loaded
// by search-engine.js only after a query without hits.

import { editDistance } from "./damerau-distance.js";
import { queryWords } from "./query-analysis.js";
import { compareTerms } from "./term-shard.js";

/** Terms of `index` within two edits of a query word that has no match, the most frequent first. */
export async function suggestions(index, query) {
  const found = [];
  for (const word of queryWords(query, index.stopwords)) {
    if ([...word.folded].length < 4) continue;
    const shard = await index.shard(index.shardNumber(word.stem));
    if (!shard || shard.indexOf(word.stem) >= 0) continue;
    const close = [];
    for (let term = 0; term < shard.terms.length; term++) {
      const distance = editDistance(shard.terms[term], word.stem, 2);
      if (distance > 0 && distance <= 2) close.push({ text: shard.terms[term], distance, df: shard.df[term] });
    }
    close.sort((a, b) => a.distance - b.distance || b.df - a.df || compareTerms(a.text, b.text));
    found.push(...close.slice(0, 3).map((c) => c.text));
  }
  return [...new Set(found)].slice(0, 3);
}

/**
 * For a query without hits: up to three expressions of the thesaurus (the synonym groups) that
 * have hits and whose group has an expression close to a query word (the same stem, or within
 * two edits: "Fortbildnug" reaches the group of "Fortbildung", whose "Qualifizierung" has hits).
 */
export async function neighbours(engine, query) {
  const words = queryWords(query + " ", engine.stopwords).filter((word) => [...word.folded].length >= 3);
  const near = (expression) => expression.some((e) => words.some((w) => e.stem === w.stem
    || ([...w.folded].length >= 5 && editDistance(e.folded, w.folded, 2) <= 2)));
  const found = [];
  for (const group of engine.synonyms) {
    if (!group.some(near)) continue;
    for (const expression of group) {
      if (found.length >= 3) return found;
      if (near(expression) || found.includes(expression.text)) continue;
      if ((await engine.search(expression.text + " ", { limit: 1, excerpts: false })).total > 0) found.push(expression.text);
    }
  }
  return found;
}
