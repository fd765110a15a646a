// A result's excerpt: the passage where its words occur most, marked, and the link to its section
// with a text fragment (../FORMAT.md, records and passage packs). Passages.swift cuts them.

import { stem, tokenize } from "./analysis.js";

/** The result of `document` for a query: its record, and the excerpt of its best passage (a later block when needed). */
export async function result(index, document, match, words, terms, withExcerpt) {
  const record = await index.record(document);
  const shown = {
    url: record.url, title: record.title, kind: record.kind, summary: record.summary, cities: record.cities,
    themes: record.themes, project: record.project, score: match.score, excerpt: [],
  };
  if (!withExcerpt || record.passages === 0) return shown;
  const counts = new Map();
  for (const p of match.passages) if (p >= 0) counts.set(p, (counts.get(p) ?? 0) + 1);
  // Words only in the title or keywords have no passage: then the first one.
  const best = counts.size === 0 ? 0 : [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  // Passages 0..first-1 are in the record; after that, later blocks of `later` passages each.
  const first = index.manifest.passagesPerBlock, later = index.manifest.passagesPerLaterBlock;
  const blockNumber = best < first ? 0 : 1 + Math.floor((best - first) / later);
  const offset = best < first ? best : (best - first) % later;
  const block = blockNumber === 0 ? record.block : await index.laterBlock(record, blockNumber - 1);
  const passage = block[offset] ?? record.block[0];
  if (!passage) return shown;
  const [anchorIndex, text] = passage;
  const anchor = record.anchors[anchorIndex]?.[0];
  if (anchor) shown.url = record.url + "#" + anchor;
  shown.excerpt = highlight(text, words, terms);
  return shown;
}

/** Splits `text` into [{text, mark}] parts, marking the words that match the query. */
export function highlight(text, words, terms) {
  const parts = [];
  let last = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== "word") continue;
    const tokenStem = stem(token.text);
    const hit = terms.has(tokenStem) || words.some((w) => tokenStem === w.stem
      || (w.isPrefix && token.text.startsWith(w.folded))
      || ([...w.stem].length >= 4 && token.text.includes(w.stem)));
    if (!hit) continue;
    if (token.start > last) parts.push({ text: text.slice(last, token.start), mark: false });
    parts.push({ text: text.slice(token.start, token.end), mark: true });
    last = token.end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}

// Where a result opens: the section anchor of its best passage, plus a text fragment
// (`#anchor:~:text=…`, which Chromium, Edge and Safari scroll to and highlight; other browsers keep
// the anchor) made of the first matched word and up to four words after it: specific enough to
// find the place, short enough to stay inside one block of the page.
/** `result.url` with a text fragment for its first marked excerpt part, when there is one. */
export function passageLink(result) {
  const parts = result.excerpt ?? [];
  const first = parts.findIndex((part) => part.mark);
  if (first < 0) return result.url;
  // The marked word and the next words of the passage, up to five words: specific enough to find
  // the place, short enough to stay inside one block of the page.
  const text = parts.slice(first).map((part) => part.text).join("");
  const phrase = text.split(/\s+/).filter(Boolean).slice(0, 5).join(" ").replace(/[.,;:!?)\]»“"]+$/u, "");
  if (!phrase) return result.url;
  const encoded = encodeURIComponent(phrase).replace(/-/g, "%2D");
  return result.url + (result.url.includes("#") ? ":~:text=" : "#:~:text=") + encoded;
}
