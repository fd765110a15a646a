// What a word, unit or expression finds: per document its score and passages, and which documents
// have it in their title or meta fields. Mirrors SearchEngine.Found in SearchEngine.swift.

/** Records that `document` has a match in its title at `position` (the first place counts). */
export function noteTitle(inTitle, titlePosition, document, position) {
  inTitle.add(document);
  titlePosition.set(document, Math.min(position, titlePosition.get(document) ?? Infinity));
}

/** Documents every list has, with summed scores and all their passages; in the title when every list says so. */
export function allOf(lists) {
  if (lists.length === 0) return { scores: new Map(), inTitle: new Set(), inMeta: new Set(), titlePosition: new Map(), idf: 0 };
  let all = new Map([...lists[0].scores].map(([d, v]) => [d, { score: v.score, passages: [...v.passages], bestPassage: v.bestPassage }]));
  let inTitle = new Set(lists[0].inTitle ?? []);
  let inMeta = new Set(lists[0].inMeta ?? []);
  const titlePosition = new Map(lists[0].titlePosition ?? []);
  // How rare what was found is: the sum of the lists' idf (SearchEngine.Found.idf).
  let idf = lists[0].idf ?? 0;
  for (const list of lists.slice(1)) {
    const next = new Map();
    for (const [document, value] of all) {
      const other = list.scores.get(document);
      if (other) {
        next.set(document, { score: value.score + other.score, passages: [...value.passages, ...other.passages],
          bestPassage: value.bestPassage === other.bestPassage ? value.bestPassage : -1 });
      }
    }
    all = next;
    idf += list.idf ?? 0;
    inTitle = new Set([...inTitle].filter((d) => list.inTitle?.has(d)));
    inMeta = new Set([...inMeta].filter((d) => list.inMeta?.has(d)));
    for (const d of inTitle) titlePosition.set(d, Math.min(titlePosition.get(d) ?? 0, list.titlePosition?.get(d) ?? 0));
  }
  inTitle = new Set([...inTitle].filter((d) => all.has(d)));
  return {
    scores: all, inTitle, inMeta: new Set([...inMeta].filter((d) => all.has(d))),
    titlePosition: new Map([...titlePosition].filter(([d]) => inTitle.has(d))), idf,
  };
}
