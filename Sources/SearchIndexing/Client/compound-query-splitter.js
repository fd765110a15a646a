// Splits a query word that the index does not know into two known terms: "Organspende" finds
// "Spende … von Organen"; the split whose rarer part is most common wins. Lengths and linking
// elements come from the manifest. Mirrors CompoundQuerySplitter.swift.

import { stem } from "./analysis.js";
import { noteTitle } from "./found.js";

/** What an unknown compound finds as two known terms of `index`, or null when no split works. */
export async function split(index, word) {
  const tuning = index.manifest, minimumPart = tuning.splitMinimumPartLetters;
  const chars = [...word.folded];
  if (chars.length < tuning.splitMinimumLetters) return null;
  let best = null;
  for (let cut = minimumPart; cut <= chars.length - minimumPart; cut++) {
    const right = await index.lookup(stem(chars.slice(cut).join("")));
    if (!right) continue;
    const leftChars = chars.slice(0, cut);
    const forms = [leftChars.join("")];
    for (const link of tuning.splitLinkingElements) {
      const kept = leftChars.length - [...link].length;
      if (forms[0].endsWith(link) && kept >= minimumPart) forms.push(leftChars.slice(0, kept).join(""));
    }
    for (const form of forms) {
      const left = await index.lookup(stem(form));
      if (!left) continue;
      const support = Math.min(left.df, right.df);
      if (best === null || support > best.support) best = { left, right, support };
      break;
    }
  }
  let heads = best ? [best.left] : [];
  if (!best) {
    // No cut has two terms: the left part may be the head of compounds the index knows
    // ("Routine" only in "Routineaufgaben"): any term it begins counts as the left part.
    const head = await headSplit(index, chars);
    if (!head) return null;
    heads = head.left;
    best = { right: head.right };
  }
  const scoresOf = async (hit) => {
    const shard = await index.shard(hit.shard);
    const idf = shard.idf[hit.term];
    const map = new Map();
    const inTitle = new Set(), inMeta = new Set(), titlePosition = new Map();
    for (const p of shard.postings(hit.term)) {
      map.set(p.document, { score: idf * p.weight * tuning.matchWeights.split, passages: [p.passage], bestPassage: p.passage });
      if (p.inTitle) noteTitle(inTitle, titlePosition, p.document, p.titlePosition);
      if (p.inMeta) inMeta.add(p.document);
    }
    return { map, inTitle, inMeta, titlePosition, terms: [shard.terms[hit.term]], idf };
  };
  // Several heads: per document the best-scoring one (SearchEngine.Found.merge).
  const left = { map: new Map(), inTitle: new Set(), inMeta: new Set(), titlePosition: new Map(), terms: [], idf: 0 };
  for (const hit of heads) {
    const one = await scoresOf(hit);
    for (const [document, value] of one.map) {
      if (value.score > (left.map.get(document)?.score ?? 0)) left.map.set(document, value);
    }
    for (const document of one.inTitle) noteTitle(left.inTitle, left.titlePosition, document, one.titlePosition.get(document));
    for (const document of one.inMeta) left.inMeta.add(document);
    left.terms.push(...one.terms);
    left.idf = Math.max(left.idf, one.idf);
  }
  const right = await scoresOf(best.right);
  const both = new Map();
  const inTitle = new Set(), inMeta = new Set(), titlePosition = new Map();
  for (const [document, a] of left.map) {
    const b = right.map.get(document);
    if (!b) continue;
    both.set(document, { score: a.score + b.score, passages: [...a.passages, ...b.passages],
      bestPassage: a.bestPassage === b.bestPassage ? a.bestPassage : -1 });
    if (left.inTitle.has(document) && right.inTitle.has(document)) {
      noteTitle(inTitle, titlePosition, document, Math.min(left.titlePosition.get(document), right.titlePosition.get(document)));
    }
    if (left.inMeta.has(document) && right.inMeta.has(document)) inMeta.add(document);
  }
  return both.size === 0 ? null : { scores: both, inTitle, inMeta, titlePosition, terms: [...left.terms, ...right.terms], idf: Math.max(left.idf, right.idf) };
}

/**
 * The cut whose left part (of splitHeadMinimumLetters and splitMinimumPartLetters or more, its stem) begins terms of its shard
 * other than the word's own stem and whose right part is a term: those terms (at most
 * maximumPrefixTerms, in term order) and the right part. Mirrors CompoundQuerySplitter.headSplit.
 */
async function headSplit(index, chars) {
  const tuning = index.manifest;
  const ownStem = stem(chars.join(""));
  let best = null;
  for (let cut = Math.max(tuning.splitHeadMinimumLetters, tuning.splitMinimumPartLetters); cut <= chars.length - tuning.splitMinimumPartLetters; cut++) {
    const right = await index.lookup(stem(chars.slice(cut).join("")));
    if (!right) continue;
    const head = stem(chars.slice(0, cut).join("")), number = index.shardNumber(head);
    const shard = await index.shard(number);
    if (!shard) continue;
    const terms = [];
    let support = 0;
    for (let position = shard.lowerBound(head); position < shard.terms.length && shard.terms[position].startsWith(head)
      && terms.length < tuning.maximumPrefixTerms; position++) {
      if (shard.terms[position] === ownStem) continue;
      terms.push({ shard: number, term: position });
      support = Math.max(support, shard.df[position]);
    }
    if (terms.length === 0) continue;
    support = Math.min(support, right.df);
    if (best === null || support > best.support) best = { left: terms, right, support };
  }
  return best;
}
