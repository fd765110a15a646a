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
  if (!best) return null;
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
  const left = await scoresOf(best.left), right = await scoresOf(best.right);
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

