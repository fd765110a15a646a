// The index terms a query word matches (../FORMAT.md, "Query evaluation"): exactly, as a prefix
// while typing, or with one typo. Every threshold comes from the manifest (SearchTuning.swift).
// Mirrors TermMatcher.swift.

import { isWithinOne } from "./damerau-distance.js";
import { family } from "./word-families.js";

/** The terms `word` matches in `index` (a SearchIndexReader): exact, prefix while typing, or one typo. */
export async function termMatches(index, word) {
  const tuning = index.manifest;
  const found = new Map();
  const note = async (shardNumber, term, weight, idfCap = null, family = false) => {
    const shard = await index.shard(shardNumber);
    const text = shard.terms[term];
    if (weight > (found.get(text)?.weight ?? 0)) found.set(text, { shard: shardNumber, term, weight, idfCap, family });
  };
  const home = index.shardNumber(word.stem);
  const homeShard = await index.shard(home);
  let exactIdf = null;
  if (homeShard) {
    const exact = homeShard.indexOf(word.stem);
    if (exact >= 0) { await note(home, exact, tuning.matchWeights.exact); exactIdf = homeShard.idf[exact]; }
  }
  if (word.isPrefix && [...word.folded].length >= tuning.prefixMinimumLetters) {
    // A rare longer word must not outrank the word that was typed: cap its idf at the typed word's.
    for (const [shard, term] of await prefixMatches(index, word)) await note(shard, term, tuning.matchWeights.prefix, exactIdf);
  }
  // Other words of the word's family (`digital` for `digitalisieren`), below the typed form; only
  // in the word's own shard and its roots' shards (at most one more shard for a cold query).
  const related = family(tuning.wordFamilies, word.stem, word.folded);
  const shards = new Set([home, ...related.roots.map((root) => index.shardNumber(root))]);
  for (const stem of related.stems) {
    const number = index.shardNumber(stem);
    if (!shards.has(number)) continue;
    const shard = await index.shard(number);
    const term = shard ? shard.indexOf(stem) : -1;
    if (term >= 0) await note(number, term, tuning.matchWeights.family, exactIdf, true);
  }
  if (found.size === 0 && [...word.folded].length >= tuning.typoMinimumLetters && homeShard) {
    for (let term = 0; term < homeShard.terms.length; term++) {
      if (isWithinOne(homeShard.terms[term], word.stem)) await note(home, term, tuning.matchWeights.typo);
    }
  }
  return [...found.values()];
}

/**
 * Terms that start with the typed word or its stem, and stems that the typed word extends by a few
 * letters (`digitalisieru` -> `digitalisier`); the most frequent ones first, bounded.
 */
async function prefixMatches(index, word) {
  const candidates = [];
  const seen = new Set();
  for (const prefix of new Set([word.stem, word.folded])) {
    const start = index.shardNumber(prefix);
    let number = start;
    let position = (await index.shard(number))?.lowerBound(prefix) ?? 0;
    scan: for (;;) {
      const shard = await index.shard(number);
      if (!shard) break;
      while (position < shard.terms.length) {
        const term = shard.terms[position];
        if (!term.startsWith(prefix)) break scan;
        if (!seen.has(term)) { seen.add(term); candidates.push({ shard: number, term: position, df: shard.df[position] }); }
        position++;
      }
      number++;
      position = 0;
      // Load the next shard only when its first term still has the prefix.
      if (number >= index.manifest.shards.length || !index.manifest.shards[number].startsWith(prefix) || number - start > index.manifest.prefixFollowingShards) break;
    }
  }
  const folded = [...word.folded];
  const shortest = Math.max(index.manifest.prefixStemMinimumLetters, folded.length - index.manifest.prefixStemExtraLetters);
  for (let length = folded.length - 1; length >= shortest; length--) {
    const shorter = folded.slice(0, length).join("");
    const hit = await index.lookup(shorter);
    if (hit && !seen.has(shorter)) { seen.add(shorter); candidates.push(hit); }
  }
  candidates.sort((a, b) => b.df - a.df || a.shard - b.shard || a.term - b.term);
  return candidates.slice(0, index.manifest.maximumPrefixTerms).map((c) => [c.shard, c.term]);
}

