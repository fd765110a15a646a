// "Meinten Sie …" after a query without results: close terms of the index. Browser only (vcc search
// has no suggestions), so its thresholds are the client's own.

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
