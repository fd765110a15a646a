// The ranking (../FORMAT.md, "Query evaluation"): units found, combined with AND and the title,
// meta, phrase and passage factors of the manifest, filtered by facets, results with excerpts.
// All arithmetic on integers, so that it ranks exactly like SearchEngine.swift, which it mirrors.

import { facetCounts, passes } from "./facet-groups.js";
import { allOf, noteTitle } from "./found.js";
import { result } from "./passages.js";
import { queryUnits, queryWords } from "./query-analysis.js";
import { mergedSynonymGroups } from "./synonym-groups.js";
import { termMatches } from "./term-matcher.js";

/** Queries over one version of the index (a SearchIndexReader). */
export class SearchEngine {
  constructor(index) {
    this.index = index;
    this.manifest = index.manifest;
    this.stopwords = index.stopwords;
    // Synonym groups, each expression analysed like a finished query (as SearchEngine.swift does).
    // Groups that share an expression are merged (a site's [Bürgerbüro, Rathausservice] and the built-in Bürgerbüro group).
    this.synonyms = mergedSynonymGroups(this.manifest.synonyms.map((group) => group.map((expression) => {
      const words = queryWords(expression + " ", this.stopwords);
      words.text = expression; // as written, for neighbours()
      return words;
    })));
    // The stems of the weak words (generic task verbs, WeakWords.swift).
    this.weakStems = new Set(this.manifest.weakWords.flatMap((word) => queryWords(word + " ", new Set()).map((w) => w.stem)));
  }

  /**
   * Which units are weak (SearchTuning.weakUnitPercent): generic task words, or found in at least
   * weakDocumentPercent of a site's documents; none when all of them would be. Mirrors SearchEngine.weakUnits.
   */
  weakUnits(units, perUnit) {
    const { documents, weakDocumentMinimum, weakDocumentPercent } = this.manifest;
    const common = documents >= weakDocumentMinimum;
    const weak = units.map((unit, i) => unit.words.every((w) => this.weakStems.has(w.stem))
      || (common && perUnit[i].ownDocuments * 100 >= documents * weakDocumentPercent));
    return weak.every(Boolean) ? weak.map(() => false) : weak;
  }

  /** Up to three thesaurus neighbours with hits, for a query without hits (suggestions.js). */
  async neighbours(query) {
    const { neighbours } = await import("./suggestions.js");
    return neighbours(this, query);
  }

  /**
   * Up to three words of the index close to the query's words, for "Meinten Sie …" after no hits.
   * suggestions.js is loaded only then: a query with hits does not download it.
   */
  async suggestions(query) {
    const { suggestions } = await import("./suggestions.js");
    return suggestions(this.index, query);
  }

  /** Document -> {score, passages} for one word, and the terms it matched. Mirrors SearchEngine.scores. */
  async scores(word) {
    const matches = await termMatches(this.index, word);
    if (matches.length === 0) {
      // A word the index does not know may be a compound whose parts it knows ("Organspende").
      const parts = await splitWord(this.index, word);
      if (parts) return parts;
    }
    matches.sort((a, b) => a.shard - b.shard || a.term - b.term);
    const scores = new Map();
    const inTitle = new Set(), inMeta = new Set(), titlePosition = new Map();
    const terms = [];
    let highest = 0;
    for (const match of matches) {
      const shard = await this.index.shard(match.shard);
      const idf = match.idfCap === null ? shard.idf[match.term] : Math.min(shard.idf[match.term], match.idfCap);
      highest = Math.max(highest, idf);
      terms.push(shard.terms[match.term]);
      for (const posting of shard.postings(match.term)) {
        const score = idf * posting.weight * match.weight;
        if (posting.inTitle) noteTitle(inTitle, titlePosition, posting.document, posting.titlePosition);
        if (posting.inMeta) inMeta.add(posting.document);
        let current = scores.get(posting.document);
        if (!current) {
          current = { score, passages: [], related: [], bestPassage: posting.passage };
          scores.set(posting.document, current);
        } else if (score > current.score) {
          current.score = score;
          current.bestPassage = posting.passage;
        }
        // The excerpt is chosen by the passages of the word's own forms; another word of its
        // family only where the document has none of them.
        (match.family ? current.related : current.passages).push(posting.passage);
      }
    }
    for (const value of scores.values()) {
      if (value.passages.length === 0) value.passages = value.related;
      delete value.related;
    }
    // A compound that few pages use is also looked for in its parts ("Routinearbeit": the page on
    // "Routineaufgaben" that says "Arbeit"): pages the word itself does not find, scored like a
    // synonym. Mirrors SearchEngine.found(for:).
    if (scores.size < this.manifest.partialMatchBelow) {
      const parts = await splitWord(this.index, word);
      const known = new Set(scores.keys());
      if (parts) {
        for (const [document, value] of parts.scores) {
          if (known.has(document)) continue;
          scores.set(document, { ...value, score: Math.trunc((value.score * this.manifest.synonymPercent) / 100) });
          if (parts.inTitle.has(document)) noteTitle(inTitle, titlePosition, document, parts.titlePosition.get(document) ?? 0);
          if (parts.inMeta.has(document)) inMeta.add(document);
        }
        terms.push(...parts.terms);
      }
    }
    return { scores, inTitle, inMeta, titlePosition, terms, idf: highest };
  }

  /**
   * Runs a query. `filters` maps a facet key (type, city, theme, project) to selected values;
   * values of one group are alternatives (OR), groups combine with AND.
   */
  async search(query, { filters = {}, limit = 10, excerpts = true } = {}) {
    const words = queryWords(query, this.stopwords);
    if (words.length === 0) return { total: 0, complete: 0, results: [], facets: facetCounts(this.index.facetGroups, new Set(), filters), words };
    const perWord = [];
    const units = queryUnits(words, this.synonyms);
    for (const unit of units) perWord.push(await this.unitScores(unit));
    const weak = this.weakUnits(units, perWord);
    perWord.forEach((unit, i) => {
      if (!weak[i]) return;
      for (const value of unit.scores.values()) value.score = Math.trunc((value.score * this.manifest.weakUnitPercent) / 100);
      unit.idf = 0;
    });
    const combined = this.combine(perWord, weak);
    // Units to the positions of their words in the query.
    const firstWord = [];
    units.reduce((position, unit) => { firstWord.push(position); return position + unit.words.length; }, 0);
    const missingWords = (missing) => missing.flatMap((u) => units[u].words.map((_, k) => firstWord[u] + k));
    const matched = [...combined.keys()];
    const filtered = matched.filter((d) => passes(this.index.facetGroups, d, filters, null));
    // Documents with more (and rarer) units first, so every complete match before the partial ones.
    // Sorted as plain entries: a partial match can hold thousands of documents.
    const rank = (d) => combined.get(d);
    const entries = filtered.map((document) => { const r = rank(document); return { document, coverage: r.coverage, score: r.score }; });
    entries.sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.document - b.document);
    const top = entries.slice(0, limit).map((entry) => entry.document);
    const terms = new Set(perWord.flatMap((w) => w.terms));
    const results = await Promise.all(top.map(async (document) => {
      const match = rank(document);
      if (match.parts) match.passages = match.parts.flatMap((part) => part.passages);
      const shown = await result(this.index, document, match, words, terms, excerpts);
      shown.complete = match.complete;
      // The positions of the query words it lacks (words[i].text is each as typed).
      shown.missing = missingWords(match.missing);
      return shown;
    }));
    const complete = filtered.filter((d) => rank(d).complete).length;
    return { total: filtered.length, complete, results, facets: facetCounts(this.index.facetGroups, new Set(matched), filters), words };
  }

  /** Scores of one unit: its words together, or one of its synonyms' expressions together scored down by synonymPercent. */
  async unitScores(unit) {
    const own = [];
    for (const word of unit.words) own.push(await this.scores(word));
    const best = allOf(own);
    // What the unit's own words find (synonyms not counted) decides whether it is weak by frequency.
    const ownDocuments = best.scores.size;
    const terms = own.flatMap((w) => w.terms);
    for (const alternative of unit.alternatives) {
      const found = [];
      for (const word of alternative) found.push(await this.scores(word));
      terms.push(...found.flatMap((w) => w.terms));
      const other = allOf(found);
      for (const [document, value] of other.scores) {
        const weighted = Math.trunc((value.score * this.manifest.synonymPercent) / 100);
        if (weighted > (best.scores.get(document)?.score ?? 0)) {
          best.scores.set(document, { score: weighted, passages: value.passages, bestPassage: value.bestPassage });
        }
      }
      for (const document of other.inTitle) noteTitle(best.inTitle, best.titlePosition, document, other.titlePosition.get(document) ?? 0);
      for (const document of other.inMeta) best.inMeta.add(document);
      best.idf = Math.max(best.idf, other.idf);
    }
    return { scores: best.scores, inTitle: best.inTitle, inMeta: best.inMeta, titlePosition: best.titlePosition, terms, idf: best.idf, ownDocuments };
  }

  /**
   * AND over the units that are not weak (a document with every such unit in its title scores
   * titleMatchPercent; the weak units it has add their lowered scores); when fewer than
   * partialMatchBelow documents have every such unit, those with some follow. Each document gets
   * its score, its coverage (the idf of the units it has), whether it is complete and the units it lacks.
   */
  combine(perWord, weak) {
    const strong = perWord.filter((_, i) => !weak[i]);
    const all = allOf(strong);
    // Documents with every unit, weak ones too, are weighed as before weak units existed.
    const every = strong.length === perWord.length ? all : allOf(perWord);
    const { titleMatchPercent: title, metaMatchPercent: meta, titlePhrasePercent: phrase, passageNearPercent: near } = this.manifest;
    const coverage = strong.reduce((sum, unit) => sum + unit.idf, 0);
    for (const [document, value] of all.scores) {
      const missing = perWord.map((_, i) => i).filter((i) => weak[i] && !perWord[i].scores.has(document));
      const [found, units] = missing.length === 0 ? [every, perWord] : [all, strong];
      const full = found.scores.get(document);
      let score = full.score;
      if (found.inTitle.has(document)) {
        score = Math.trunc((score * title) / 100);
        if (isTitlePhrase(document, units)) score = Math.trunc((score * phrase) / 100);
      } else if (found.inMeta.has(document)) score = Math.trunc((score * meta) / 100);
      if (isInOnePassage(document, units)) score = Math.trunc((score * near) / 100);
      if (missing.length > 0) {
        // The weak units it has add their (lowered) scores and passages.
        perWord.forEach((unit, i) => {
          const other = weak[i] ? unit.scores.get(document) : undefined;
          if (other) { score += other.score; value.passages.push(...other.passages); }
        });
      } else {
        value.passages = full.passages;
      }
      value.score = score;
      value.missing = missing;
      value.coverage = coverage;
      value.complete = true;
    }
    if (perWord.length < 2 || all.scores.size >= this.manifest.partialMatchBelow) return all.scores;
    const partial = new Map();
    const out = all.scores;
    perWord.forEach(({ scores, idf }, i) => {
      for (const [document, value] of scores) {
        if (all.scores.has(document)) continue;
        // The units' passages are joined only for the results shown (see search()): a partial
        // match of common words can be thousands of documents.
        let current = partial.get(document);
        if (!current) partial.set(document, current = { score: 0, matched: 0, strong: 0, coverage: 0, parts: [], has: new Set() });
        current.score += value.score; current.matched += 1; current.parts.push(value); current.has.add(i);
        if (!weak[i]) { current.strong += 1; current.coverage += idf; }
      }
    });
    // At least partialMatchMinimumPercent of the units, or as many as the best partial match has
    // when none reaches that: never a dead end. A document with weak units only is listed only when
    // no document has any other unit.
    let best = 0, anyStrong = out.size > 0;
    for (const v of partial.values()) { best = Math.max(best, v.matched); if (v.strong > 0) anyStrong = true; }
    for (const [document, v] of partial) {
      if (v.matched * 100 < perWord.length * this.manifest.partialMatchMinimumPercent && v.matched !== best) continue;
      if (v.strong === 0 && anyStrong) continue;
      out.set(document, { score: Math.trunc((v.score * v.matched * this.manifest.partialMatchPercent) / (perWord.length * 100)),
        parts: v.parts, coverage: v.coverage, complete: false, missing: perWord.map((_, i) => i).filter((i) => !v.has.has(i)) });
    }
    return out;
  }
}

/**
 * Whether the units stand in the title of `document` one after the other, in the query's order:
 * each next unit at the same place as the one before (parts of one compound) or at the next word.
 * Two units at least. Mirrors SearchEngine.isTitlePhrase.
 */
function isTitlePhrase(document, perUnit) {
  if (perUnit.length < 2) return false;
  for (let i = 1; i < perUnit.length; i++) {
    const previous = perUnit[i - 1].titlePosition?.get(document), next = perUnit[i].titlePosition?.get(document);
    if (previous === undefined || next === undefined || (next - previous !== 0 && next - previous !== 1)) return false;
  }
  return true;
}

/**
 * Whether every unit's best match lies in the same passage of `document`: the words stand near each
 * other there. Two units at least. Mirrors SearchEngine.isInOnePassage.
 */
function isInOnePassage(document, perUnit) {
  if (perUnit.length < 2) return false;
  const first = perUnit[0].scores.get(document)?.bestPassage;
  if (first === undefined || first < 0) return false;
  return perUnit.slice(1).every((unit) => unit.scores.get(document)?.bestPassage === first);
}

/**
 * The compound splitter (compound-query-splitter.js), loaded on first use: only a word the index
 * does not know or finds on few pages needs it, so a cold query for a common word does not load it.
 */
let splitter = null;
async function splitWord(index, word) {
  splitter ??= import("./compound-query-splitter.js");
  return (await splitter).split(index, word);
}
