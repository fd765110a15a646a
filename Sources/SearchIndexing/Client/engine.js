// The vcc search engine for the browser: reads the prebuilt index (see ../FORMAT.md) and ranks
// exactly like the Swift reference engine (SearchEngine.swift). No third-party code, no build step.
//
//   import { createSearch } from "./engine.js";
//   const engine = await createSearch("/suche/index/");
//   const { total, results, facets } = await engine.search("Posteingang", { filters: { city: ["Marburg"] }, limit: 10 });
//   // results: [{ url, title, kind, summary, cities, themes, project, score, excerpt: [{ text, mark }] }]
//   // facets:  [{ key, label, values: [{ value, count, selected }] }]

import { stem, tokenize } from "./analysis.js";
import {
  checkedManifest, checkedRecord, facetGroups, IndexDamagedError, isBlock, LIMITS, mergedSynonymGroups, parseRecordTable,
  readNumber, withoutSeparator,
} from "./index-checks.js";

export { IndexDamagedError, parseRecordTable };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Compares two strings in UTF-8 byte order (which is code point order), as the index sorts terms. */
export function compareTerms(a, b) {
  const x = [...a], y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** Whether byte string `a` sorts before `b`. */
function precedes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

/**
 * A decoded term shard (t/<n>.bin): terms with idf, document frequency and lazily decoded postings.
 * Every number is checked as TermShard.swift checks it; damage throws an IndexDamagedError.
 */
export class TermShard {
  constructor(buffer, file = "t/?.bin", documents = LIMITS.documents) {
    const bytes = new Uint8Array(buffer);
    this.file = file;
    this.documents = documents;
    const damage = (problem) => new IndexDamagedError(file, problem);
    if (decoder.decode(bytes.subarray(0, 4)) !== "VCT1") throw damage("keine Termdatei (VCT1)");
    this.bytes = bytes;
    this.terms = []; this.idf = []; this.df = []; this.ranges = []; this.ends = [];
    const state = { offset: 4 };
    const number = (lowest, highest, what) => readNumber(bytes, state, lowest, highest, what, file);
    const count = number(1, bytes.length - state.offset, "Die Zahl der Terme");
    let previous = new Uint8Array(0);
    for (let i = 0; i < count; i++) {
      const shared = number(0, previous.length, "Ein gemeinsamer Präfix");
      // Capped, so that terms repeating the previous one whole cannot add up to more than
      // termBytes times the term count.
      const suffixLength = number(0, Math.min(bytes.length - state.offset, LIMITS.termBytes - shared), "Eine Termlänge");
      const term = new Uint8Array(shared + suffixLength);
      term.set(previous.subarray(0, shared));
      term.set(bytes.subarray(state.offset, state.offset + suffixLength), shared);
      state.offset += suffixLength;
      // Binary search needs the terms in byte order.
      if (i > 0 && !precedes(previous, term)) throw damage("Die Terme sind nicht sortiert");
      this.idf.push(number(1, LIMITS.idf, "Ein idf-Wert"));
      const df = number(1, documents, "Eine Dokumentfrequenz");
      const length = number(0, bytes.length - state.offset, "Eine Postings-Länge");
      // The smallest posting takes three bytes.
      if (df > Math.floor(length / 3)) throw damage(`${df} Postings passen nicht in ${length} Bytes`);
      this.df.push(df);
      this.ranges.push(state.offset);
      state.offset += length;
      this.ends.push(state.offset);
      this.terms.push(decoder.decode(term));
      previous = term;
    }
    if (state.offset !== bytes.length) throw damage(`Nach dem letzten Term folgen noch ${bytes.length - state.offset} Bytes`);
  }

  /** The postings of the term at `index`: document ids ascending and below the document count. */
  postings(index) {
    const state = { offset: this.ranges[index] };
    const end = this.ends[index];
    const number = (lowest, highest, what) => readNumber(this.bytes, state, lowest, highest, what, this.file);
    const damage = (problem) => new IndexDamagedError(this.file, problem);
    const out = [];
    let document = -1;
    for (let position = 0; position < this.df[index]; position++) {
      // The first delta is the id itself; later ones are at least 1, as ids ascend.
      document = Math.max(document, 0) + number(document < 0 ? 0 : 1, LIMITS.documents, "Ein Dokumentabstand");
      if (document >= this.documents) throw damage(`Dokumentnummer ${document} im Posting, der Index hat nur ${this.documents} Dokumente`);
      if (state.offset >= end || this.bytes[state.offset] === 0) throw damage("Ein Posting hat kein Gewicht");
      const weight = this.bytes[state.offset++];
      const passageAndTitle = number(0, LIMITS.postingValue, "Eine Passagennummer");
      const inTitle = passageAndTitle % 2 === 1;
      // A title term says where in the title it stands (FORMAT.md).
      const titlePosition = inTitle ? Math.min(number(0, LIMITS.postingValue, "Eine Titelposition"), 255) : 0;
      if (state.offset > end) throw damage(`Die Postings von „${this.terms[index]}“ sind länger als angegeben`);
      // The passage + 1, 0 when the term is in no passage (FORMAT.md): -1 then.
      out.push({ document, weight, passage: Math.floor(passageAndTitle / 4) - 1, inTitle,
        inMeta: Math.floor(passageAndTitle / 2) % 2 === 1, titlePosition });
    }
    if (state.offset !== end) throw damage(`Die Postings von „${this.terms[index]}“ sind kürzer als angegeben`);
    return out;
  }

  lowerBound(term) {
    let low = 0, high = this.terms.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareTerms(this.terms[mid], term) < 0) low = mid + 1; else high = mid;
    }
    return low;
  }

  indexOf(term) {
    const i = this.lowerBound(term);
    return i < this.terms.length && this.terms[i] === term ? i : -1;
  }
}

/** Damerau-Levenshtein distance of exactly one (an exact match is not a typo). */
export function isWithinOne(a, b) {
  const x = encoder.encode(a), y = encoder.encode(b);
  if (x.length === y.length && x.every((v, i) => v === y[i])) return false;
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const same = (p, from, q, to) => p.length - from === q.length - to && p.subarray(from).every((v, k) => v === q[to + k]);
  if (x.length === y.length) {
    if (same(x, i + 1, y, i + 1)) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && same(x, i + 2, y, i + 2);
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return same(long, i + 1, short, i);
}

/** Levenshtein distance of two terms, or `limit + 1` as soon as it is certainly larger. */
export function editDistance(a, b, limit) {
  const x = [...a], y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length];
}

/** Splits a query into words: folded, stopwords removed, the last one a prefix while it is being typed. */
export function queryWords(query, stopwords) {
  const words = tokenize(query).filter((t) => t.kind === "word" && !stopwords.has(t.text))
    .map((t) => ({ folded: t.text, stem: stem(t.text), isPrefix: false }));
  if (words.length > 0 && query.length > 0 && !/\s$/u.test(query)) words[words.length - 1].isPrefix = true;
  return words;
}

export const FORMAT = "vcc-search/5";

/** What the search page shows when the index cannot be read even after looking for a new version. */
export class SearchUnavailableError extends Error {
  constructor(cause) {
    super("Die Suche kann den Suchindex gerade nicht lesen. Bitte laden Sie die Seite neu.");
    this.name = "SearchUnavailableError";
    this.cause = cause;
  }
}

/**
 * Opens the index at `indexURL` (the folder with `current.json`); `load(path, kind, range)` may
 * replace fetch (Node tests read files), with paths relative to that folder.
 *
 * The index is content-addressed (FORMAT.md): `current.json` names the version folder and is
 * fetched without the browser cache, everything in a version folder never changes. When a read
 * fails (a deploy replaced the index while this page was open, or a file is damaged), the engine
 * reads `current.json` once more: a new version is opened and the query asked again; the same
 * version, or another failure, becomes a `SearchUnavailableError` with a German message.
 */
export async function createSearch(indexURL, { load } = {}) {
  const base = indexURL.endsWith("/") ? indexURL : indexURL + "/";
  const open = async () => {
    const entry = load
      ? await load("current.json", "json")
      : await fetch(base + "current.json", { cache: "no-cache" }).then((response) => {
        if (!response.ok) throw new Error(`current.json: HTTP ${response.status}`);
        return response.json();
      });
    if (entry?.format !== FORMAT || !/^[0-9a-f]+$/.test(entry.version ?? "")) throw new Error("current.json: unknown index format");
    const folder = entry.version + "/";
    const index = await openVersion(base + folder, load && ((path, kind, range) => load(folder + path, kind, range)));
    index.version = entry.version;
    return index;
  };
  let index;
  try {
    index = await open();
  } catch (error) {
    throw new SearchUnavailableError(error);
  }
  let checked = Date.now();
  // An open page answers from what it already holds, so a redeploy would go unnoticed until a read
  // fails. The entry is therefore read again when a query finds nothing (the new word may be in
  // the new index) and before a query when the last look is a minute old; both are one tiny
  // request, revalidated by the server.
  const newerVersion = async () => {
    checked = Date.now();
    try {
      const fresh = await open();
      return fresh.version !== index.version ? fresh : null;
    } catch {
      return null;  // The next failing read reports it.
    }
  };
  const run = async (query, options) => {
    try {
      return await index.search(query, options);
    } catch (error) {
      let fresh;
      try { fresh = await open(); } catch (second) { throw new SearchUnavailableError(second); }
      checked = Date.now();
      if (fresh.version === index.version) throw new SearchUnavailableError(error);
      index = fresh;
      try { return await index.search(query, options); } catch (third) { throw new SearchUnavailableError(third); }
    }
  };
  // One look at the entry at a time; queries typed meanwhile wait for it instead of answering from
  // the old version.
  let looking = null;
  const lookForNewerVersion = () => {
    looking ??= newerVersion().then((fresh) => { if (fresh) index = fresh; }).finally(() => { looking = null; });
    return looking;
  };
  return {
    get version() { return index.version; },
    /** Up to three words of the index close to the query's words, for "Meinten Sie …" after no hits. */
    async suggestions(query) {
      try { return await index.suggestions(query); } catch { return []; }
    },
    async search(query, options) {
      if (!load && Date.now() - checked > RECHECK_MILLISECONDS) await lookForNewerVersion();
      const used = index;
      const response = await run(query, options);
      if (load || response.total > 0) return response;
      if (looking || Date.now() - checked >= NO_HIT_RECHECK_MILLISECONDS) await lookForNewerVersion();
      return index !== used ? run(query, options) : response;
    },
  };
}

/**
 * The JSON value in `bytes` (an ArrayBuffer or Uint8Array), compressed with raw DEFLATE as records
 * and later blocks are (FORMAT.md). The browser's DecompressionStream does the work; a browser
 * without "deflate-raw" (before 2023) loads the small `inflate.js` beside this file instead.
 */
export async function inflateJSON(bytes, file = "?", what = "Ein Datensatz") {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let stream = null;
  try {
    stream = new DecompressionStream("deflate-raw");
  } catch {
    // No DecompressionStream, or not for this format.
  }
  try {
    const inflated = stream ? await readAtMost(new Blob([data]).stream().pipeThrough(stream), INFLATED_BYTES)
      : (await import("./inflate.js")).inflate(data, INFLATED_BYTES);
    return JSON.parse(decoder.decode(inflated));
  } catch (error) {
    throw Object.assign(new IndexDamagedError(file, `${what} lässt sich nicht entpacken`), { cause: error });
  }
}

/** The most bytes a record or block may inflate to (as the Swift reader allows): a crafted one stops there. */
const INFLATED_BYTES = 16 << 20;

/** The bytes of `stream`, cancelled with an error once they pass `limit`. */
async function readAtMost(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error("output too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) { out.set(chunk, offset); offset += chunk.length; }
  return out;
}

/** How old the last look at `current.json` may be before a query looks again. */
const RECHECK_MILLISECONDS = 60_000;
/** A query without hits looks again at `current.json`, but not more often than this. */
const NO_HIT_RECHECK_MILLISECONDS = 250;

/** Opens one version folder of the index. */
async function openVersion(base, load) {
  // Records and later passage blocks are byte ranges of pack files. Every common static host answers
  // a range request with 206; one that ignores ranges sends the whole pack (200). The first range
  // request finds out which kind of server this is; the others wait for it, and without range
  // support each pack is then fetched once, whole, and sliced.
  let probe = null;
  const wholeFiles = new Map();
  const checked = async (path, headers) => {
    const response = await fetch(base + path, { headers });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const whole = (path) => {
    if (!wholeFiles.has(path)) wholeFiles.set(path, checked(path, {}).then(async (r) => new Uint8Array(await r.arrayBuffer())));
    return wholeFiles.get(path);
  };
  const ranged = async (path, [start, length]) => {
    const response = await checked(path, { Range: `bytes=${start}-${start + length - 1}` });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status === 206) {
      // A pack shorter than the table says (a range beyond its end comes back short) is damage.
      if (bytes.length !== length) throw new IndexDamagedError(path, `${bytes.length} Bytes statt ${length} ab Byte ${start}`);
      return { bytes, ranges: true };
    }
    wholeFiles.set(path, Promise.resolve(bytes));
    return { bytes: bytes.subarray(start, start + length), ranges: false };
  };
  const fetchRange = async (path, range) => {
    if (!probe) {
      probe = ranged(path, range);
      return (await probe).bytes;
    }
    const ranges = await probe.then((first) => first.ranges, () => true);
    if (ranges) return (await ranged(path, range)).bytes;
    return (await whole(path)).subarray(range[0], range[0] + range[1]);
  };
  const fetchFile = load ?? (async (path, kind, range) => {
    if (range) {
      const slice = await fetchRange(path, range);
      return kind === "json" ? JSON.parse(decoder.decode(slice)) : slice;
    }
    const response = await checked(path, {});
    return kind === "json" ? response.json() : response.arrayBuffer();
  });
  // A file that is there but no JSON is damage; a failed read is not (the version may be gone).
  const json = (path) => fetchFile(path, "json").catch((error) => {
    throw error instanceof SyntaxError ? new IndexDamagedError(path, "kein gültiges JSON") : error;
  });
  const [manifest, facetFile, recordTable] = await Promise.all([json("manifest.json"), json("facets.json"), fetchFile("r/index.bin", "binary")]);
  if (manifest?.format !== FORMAT) throw new IndexDamagedError("manifest.json", "unbekanntes Format");
  checkedManifest(manifest);
  // The record table first: it proves the document count before anything is sized by it.
  const records = parseRecordTable(recordTable, manifest.documents);
  return new SearchIndex(manifest, facetGroups(facetFile, manifest.documents), records, fetchFile);
}

class SearchIndex {
  constructor(manifest, groups, recordTable, fetchFile) {
    this.manifest = manifest;
    this.recordTable = recordTable;
    this.fetchFile = fetchFile;
    this.stopwords = new Set(manifest.stopwords);
    // Synonym groups, each expression analysed like a finished query (as SearchEngine.swift does).
    // Groups that share an expression are merged (a site's [Bürgerbüro, Rathausservice] and the built-in Bürgerbüro group).
    this.synonyms = mergedSynonymGroups(manifest.synonyms.map((group) => group.map((expression) => queryWords(expression + " ", this.stopwords))));
    this.weights = manifest.matchWeights;
    this.shards = new Map();
    this.records = new Map();
    this.facetGroups = groups;
  }

  shardNumber(term) {
    const first = this.manifest.shards;
    let low = 0, high = first.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareTerms(first[mid], term) <= 0) low = mid + 1; else high = mid;
    }
    return Math.max(0, low - 1);
  }

  async shard(number) {
    if (number < 0 || number >= this.manifest.shards.length) return null;
    if (!this.shards.has(number)) {
      // A failed read is not kept: the next query asks again.
      const file = `t/${number}.bin`;
      this.shards.set(number, this.fetchFile(file, "binary").then((buffer) => {
        const shard = new TermShard(buffer, file, this.manifest.documents);
        // A shard of another index, or another shard's file, starts with another term.
        if (shard.terms[0] !== this.manifest.shards[number]) {
          throw new IndexDamagedError(file, `Der erste Term ist nicht „${this.manifest.shards[number]}“, wie manifest.json sagt`);
        }
        return shard;
      }).catch((error) => { this.shards.delete(number); throw error; }));
    }
    return this.shards.get(number);
  }

  /** The record of document `id`: one range of its record pack. */
  async record(id) {
    if (!this.records.has(id)) {
      const table = this.recordTable;
      if (!(id >= 0 && id < table.pack.length)) throw new IndexDamagedError("r/index.bin", `Kein Datensatz für Dokument ${id}`);
      const file = `r/${table.pack[id]}.bin`, length = table.length[id];
      // One byte more than the record: its separator, which a shifted or short pack lacks.
      this.records.set(id, this.fetchFile(file, "binary", [table.offset[id], length + 1])
        .then((bytes) => inflateJSON(withoutSeparator(new Uint8Array(bytes), length, file, `Datensatz ${id}`), file, `Datensatz ${id}`))
        .then((record) => checkedRecord(record, id, file))
        .catch((error) => { this.records.delete(id); throw error; }));
    }
    return this.records.get(id);
  }

  /** Later block `n` of a record: one range of its pack file (FORMAT.md, `later`). */
  async laterBlock(record, n) {
    if (!record.later || n >= record.later[2].length) return [];
    const [pack, offset, lengths] = record.later;
    let start = offset;
    for (let i = 0; i < n; i++) start += lengths[i] + 1;
    const file = `p/${pack}.bin`;
    if (start + lengths[n] >= LIMITS.fileBytes) throw new IndexDamagedError(file, "Ein weiterer Block liegt jenseits jeder Paketgröße");
    const bytes = new Uint8Array(await this.fetchFile(file, "binary", [start, lengths[n] + 1]));
    const block = await inflateJSON(withoutSeparator(bytes, lengths[n], file, "Ein weiterer Block"), file, "Ein weiterer Block");
    if (!isBlock(block)) throw new IndexDamagedError(file, "Ein weiterer Block ist keine Liste von Passagen");
    return block;
  }

  /** Indexed terms within two edits of a query word that has no match, the most frequent first. */
  async suggestions(query) {
    const found = [];
    for (const word of queryWords(query, this.stopwords)) {
      if ([...word.folded].length < 4) continue;
      const shard = await this.shard(this.shardNumber(word.stem));
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

  async lookup(term) {
    const number = this.shardNumber(term);
    const shard = await this.shard(number);
    const index = shard ? shard.indexOf(term) : -1;
    return index < 0 ? null : { shard: number, term: index, df: shard.df[index] };
  }

  /** Terms the word matches: exact, prefix while typing, or one typo. Mirrors TermMatcher.swift. */
  async matches(word) {
    const found = new Map();
    const note = async (shardNumber, term, weight, idfCap = null) => {
      const shard = await this.shard(shardNumber);
      const text = shard.terms[term];
      if (weight > (found.get(text)?.weight ?? 0)) found.set(text, { shard: shardNumber, term, weight, idfCap });
    };
    const home = this.shardNumber(word.stem);
    const homeShard = await this.shard(home);
    let exactIdf = null;
    if (homeShard) {
      const exact = homeShard.indexOf(word.stem);
      if (exact >= 0) { await note(home, exact, this.weights.exact); exactIdf = homeShard.idf[exact]; }
    }
    if (word.isPrefix && [...word.folded].length >= 2) {
      // A rare longer word must not outrank the word that was typed: cap its idf at the typed word's.
      for (const [shard, term] of await this.prefixMatches(word)) await note(shard, term, this.weights.prefix, exactIdf);
    }
    if (found.size === 0 && [...word.folded].length >= 5 && homeShard) {
      for (let term = 0; term < homeShard.terms.length; term++) {
        if (isWithinOne(homeShard.terms[term], word.stem)) await note(home, term, this.weights.typo);
      }
    }
    return [...found.values()];
  }

  async prefixMatches(word) {
    const candidates = [];
    const seen = new Set();
    for (const prefix of new Set([word.stem, word.folded])) {
      const start = this.shardNumber(prefix);
      let number = start;
      let position = (await this.shard(number))?.lowerBound(prefix) ?? 0;
      scan: for (;;) {
        const shard = await this.shard(number);
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
        if (number >= this.manifest.shards.length || !this.manifest.shards[number].startsWith(prefix) || number - start > 2) break;
      }
    }
    const folded = [...word.folded];
    for (let length = folded.length - 1; length >= Math.max(3, folded.length - 4); length--) {
      const shorter = folded.slice(0, length).join("");
      const hit = await this.lookup(shorter);
      if (hit && !seen.has(shorter)) { seen.add(shorter); candidates.push(hit); }
    }
    candidates.sort((a, b) => b.df - a.df || a.shard - b.shard || a.term - b.term);
    return candidates.slice(0, this.manifest.maximumPrefixTerms).map((c) => [c.shard, c.term]);
  }

  /** Splits an unknown compound into two known terms. Mirrors CompoundQuerySplitter.swift. */
  async split(word) {
    const chars = [...word.folded];
    if (chars.length < 8) return null;
    let best = null;
    for (let cut = 3; cut <= chars.length - 3; cut++) {
      const right = await this.lookup(stem(chars.slice(cut).join("")));
      if (!right) continue;
      const leftChars = chars.slice(0, cut);
      const forms = [leftChars.join("")];
      for (const link of ["es", "en", "er", "s", "n", "e"]) {
        if (forms[0].endsWith(link) && leftChars.length - link.length >= 3) forms.push(leftChars.slice(0, leftChars.length - link.length).join(""));
      }
      for (const form of forms) {
        const left = await this.lookup(stem(form));
        if (!left) continue;
        const support = Math.min(left.df, right.df);
        if (best === null || support > best.support) best = { left, right, support };
        break;
      }
    }
    if (!best) return null;
    const scoresOf = async (hit) => {
      const shard = await this.shard(hit.shard);
      const idf = shard.idf[hit.term];
      const map = new Map();
      const inTitle = new Set(), inMeta = new Set(), titlePosition = new Map();
      for (const p of shard.postings(hit.term)) {
        map.set(p.document, { score: idf * p.weight * this.weights.split, passages: [p.passage], bestPassage: p.passage });
        if (p.inTitle) noteTitle(inTitle, titlePosition, p.document, p.titlePosition);
        if (p.inMeta) inMeta.add(p.document);
      }
      return { map, inTitle, inMeta, titlePosition, terms: [shard.terms[hit.term]] };
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
    return both.size === 0 ? null : { scores: both, inTitle, inMeta, titlePosition, terms: [...left.terms, ...right.terms] };
  }

  /** Document -> {score, passages} for one word, and the terms it matched. Mirrors SearchEngine.scores. */
  async scores(word) {
    const matches = await this.matches(word);
    if (matches.length === 0) {
      const split = await this.split(word);
      if (split) return split;
    }
    matches.sort((a, b) => a.shard - b.shard || a.term - b.term);
    const scores = new Map();
    const inTitle = new Set(), inMeta = new Set(), titlePosition = new Map();
    const terms = [];
    for (const match of matches) {
      const shard = await this.shard(match.shard);
      const idf = match.idfCap === null ? shard.idf[match.term] : Math.min(shard.idf[match.term], match.idfCap);
      terms.push(shard.terms[match.term]);
      for (const posting of shard.postings(match.term)) {
        const score = idf * posting.weight * match.weight;
        if (posting.inTitle) noteTitle(inTitle, titlePosition, posting.document, posting.titlePosition);
        if (posting.inMeta) inMeta.add(posting.document);
        const current = scores.get(posting.document);
        if (!current) scores.set(posting.document, { score, passages: [posting.passage], bestPassage: posting.passage });
        else {
          current.passages.push(posting.passage);
          if (score > current.score) {
            current.score = score;
            current.bestPassage = posting.passage;
          }
        }
      }
    }
    return { scores, inTitle, inMeta, titlePosition, terms };
  }

  passes(document, filters, exceptGroup) {
    for (const group of this.facetGroups) {
      if (group.key === exceptGroup) continue;
      const selected = filters[group.key];
      if (!selected || selected.length === 0) continue;
      if (!group.values.some((v) => selected.includes(v.value) && v.documents.has(document))) return false;
    }
    return true;
  }

  /**
   * Runs a query. `filters` maps a facet key (type, city, theme, project) to selected values;
   * values of one group are alternatives (OR), groups combine with AND.
   */
  async search(query, { filters = {}, limit = 10, excerpts = true } = {}) {
    const words = queryWords(query, this.stopwords);
    if (words.length === 0) return { total: 0, results: [], facets: this.facetCounts(new Set(), filters), words };
    const perWord = [];
    for (const unit of queryUnits(words, this.synonyms)) perWord.push(await this.unitScores(unit));
    const combined = this.combine(perWord);
    const matched = [...combined.keys()];
    const filtered = matched.filter((d) => this.passes(d, filters, null));
    filtered.sort((a, b) => combined.get(b).score - combined.get(a).score || a - b);
    const top = filtered.slice(0, limit);
    const terms = new Set(perWord.flatMap((w) => w.terms));
    const results = await Promise.all(top.map((document) => this.result(document, combined.get(document), words, terms, excerpts)));
    return { total: filtered.length, results, facets: this.facetCounts(new Set(matched), filters), words };
  }

  /** Scores of one unit: its words together, or one of its synonyms' expressions together scored down by synonymPercent. */
  async unitScores(unit) {
    const own = [];
    for (const word of unit.words) own.push(await this.scores(word));
    const best = allOf(own);
    const terms = own.flatMap((w) => w.terms);
    for (const alternative of unit.alternatives) {
      const found = [];
      for (const word of alternative) found.push(await this.scores(word));
      terms.push(...found.flatMap((w) => w.terms));
      const other = allOf(found);
      for (const [document, value] of other.scores) {
        const weighted = Math.trunc((value.score * (this.manifest.synonymPercent ?? 100)) / 100);
        if (weighted > (best.scores.get(document)?.score ?? 0)) {
          best.scores.set(document, { score: weighted, passages: value.passages, bestPassage: value.bestPassage });
        }
      }
      for (const document of other.inTitle) noteTitle(best.inTitle, best.titlePosition, document, other.titlePosition.get(document) ?? 0);
      for (const document of other.inMeta) best.inMeta.add(document);
    }
    return { scores: best.scores, inTitle: best.inTitle, inMeta: best.inMeta, titlePosition: best.titlePosition, terms };
  }

  /** AND over units (a document with every unit in its title scores titleMatchPercent); else partial matches. */
  combine(perWord) {
    const all = allOf(perWord);
    if (all.scores.size > 0 || perWord.length === 1) {
      const title = this.manifest.titleMatchPercent ?? 100, meta = this.manifest.metaMatchPercent ?? 100;
      const phrase = this.manifest.titlePhrasePercent ?? 100, near = this.manifest.passageNearPercent ?? 100;
      for (const [document, value] of all.scores) {
        if (all.inTitle.has(document)) {
          value.score = Math.trunc((value.score * title) / 100);
          if (isTitlePhrase(document, perWord)) value.score = Math.trunc((value.score * phrase) / 100);
        } else if (all.inMeta.has(document)) value.score = Math.trunc((value.score * meta) / 100);
        if (isInOnePassage(document, perWord)) value.score = Math.trunc((value.score * near) / 100);
      }
      return all.scores;
    }
    const partial = new Map();
    for (const { scores } of perWord) {
      for (const [document, value] of scores) {
        const current = partial.get(document) ?? { score: 0, matched: 0, passages: [] };
        current.score += value.score; current.matched += 1; current.passages.push(...value.passages);
        partial.set(document, current);
      }
    }
    const out = new Map();
    for (const [document, v] of partial) {
      out.set(document, { score: Math.trunc((v.score * v.matched * this.manifest.partialMatchPercent) / (perWord.length * 100)), passages: v.passages });
    }
    return out;
  }

  facetCounts(matches, filters) {
    return this.facetGroups.map((group) => {
      const pool = [...matches].filter((d) => this.passes(d, filters, group.key)).sort((a, b) => a - b);
      const selected = filters[group.key] ?? [];
      const values = group.values.map((v) => ({
        value: v.value, count: v.documents.countIn(pool), selected: selected.includes(v.value),
      })).filter((v) => v.count > 0 || v.selected);
      return { key: group.key, label: group.label, values };
    }).filter((group) => group.values.length > 0);
  }

  async result(document, match, words, terms, withExcerpt) {
    const record = await this.record(document);
    const result = {
      url: record.url, title: record.title, kind: record.kind, summary: record.summary, cities: record.cities,
      themes: record.themes, project: record.project, score: match.score, excerpt: [],
    };
    if (!withExcerpt || record.passages === 0) return result;
    const counts = new Map();
    for (const p of match.passages) if (p >= 0) counts.set(p, (counts.get(p) ?? 0) + 1);
    // Words only in the title or keywords have no passage: then the first one.
    const best = counts.size === 0 ? 0 : [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    // Passages 0..first-1 are in the record; after that, later blocks of `later` passages each.
    const first = this.manifest.passagesPerBlock, later = this.manifest.passagesPerLaterBlock ?? first;
    const blockNumber = best < first ? 0 : 1 + Math.floor((best - first) / later);
    const offset = best < first ? best : (best - first) % later;
    const block = blockNumber === 0 ? record.block : await this.laterBlock(record, blockNumber - 1);
    const passage = block[offset] ?? record.block[0];
    if (!passage) return result;
    const [anchorIndex, text] = passage;
    const anchor = record.anchors[anchorIndex]?.[0];
    if (anchor) result.url = record.url + "#" + anchor;
    result.excerpt = highlight(text, words, terms);
    return result;
  }
}

/** Records that `document` has a match in its title at `position` (the first place counts). */
function noteTitle(inTitle, titlePosition, document, position) {
  inTitle.add(document);
  titlePosition.set(document, Math.min(position, titlePosition.get(document) ?? Infinity));
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

/** Documents every list has, with summed scores and all their passages; in the title when every list says so. */
function allOf(lists) {
  if (lists.length === 0) return { scores: new Map(), inTitle: new Set(), inMeta: new Set(), titlePosition: new Map() };
  let all = new Map([...lists[0].scores].map(([d, v]) => [d, { score: v.score, passages: [...v.passages], bestPassage: v.bestPassage }]));
  let inTitle = new Set(lists[0].inTitle ?? []);
  let inMeta = new Set(lists[0].inMeta ?? []);
  const titlePosition = new Map(lists[0].titlePosition ?? []);
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
    inTitle = new Set([...inTitle].filter((d) => list.inTitle?.has(d)));
    inMeta = new Set([...inMeta].filter((d) => list.inMeta?.has(d)));
    for (const d of inTitle) titlePosition.set(d, Math.min(titlePosition.get(d) ?? 0, list.titlePosition?.get(d) ?? 0));
  }
  inTitle = new Set([...inTitle].filter((d) => all.has(d)));
  return {
    scores: all, inTitle, inMeta: new Set([...inMeta].filter((d) => all.has(d))),
    titlePosition: new Map([...titlePosition].filter(([d]) => inTitle.has(d))),
  };
}

/**
 * The query's words grouped into units: at each position the longest synonym expression whose
 * words equal the query's (folded) becomes one unit with its group's other expressions as
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
        if (!expression.every((word, k) => word.folded === words[position + k].folded)) return;
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
