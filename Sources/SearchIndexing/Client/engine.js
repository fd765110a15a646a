// The vcc search engine for the browser: reads the prebuilt index (see ../FORMAT.md) and ranks
// exactly like the Swift reference engine (SearchEngine.swift). No third-party code, no build step.
// This module opens the index and follows new versions; the work is done by modules named like the
// Swift files they mirror (search-engine.js, term-matcher.js, search-index-reader.js, …), all
// served beside it from the same assets folder.
//
//   import { createSearch } from "./engine.js";
//   const engine = await createSearch("/suche/index/");
//   const { total, results, facets } = await engine.search("Posteingang", { filters: { city: ["Marburg"] }, limit: 10 });
//   // results: [{ url, title, kind, summary, cities, themes, project, score, excerpt: [{ text, mark }] }]
//   // facets:  [{ key, label, values: [{ value, count, selected }] }]

import { FORMAT } from "./index-manifest.js";
import { SearchEngine } from "./search-engine.js";
import { openVersion } from "./search-index-reader.js";

export { editDistance, isWithinOne } from "./damerau-distance.js";
export { IndexDamagedError, parseRecordTable } from "./index-checks.js";
export { FORMAT } from "./index-manifest.js";
export { highlight, passageLink } from "./passages.js";
export { queryUnits, queryWords } from "./query-analysis.js";
export { inflateJSON } from "./search-index-reader.js";
export { compareTerms, TermShard } from "./term-shard.js";

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
    const index = new SearchEngine(await openVersion(base + folder, load && ((path, kind, range) => load(folder + path, kind, range))));
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
    /** Up to three thesaurus neighbours of the query's words that have hits, after no hits. */
    async neighbours(query) {
      try { return await index.neighbours(query); } catch { return []; }
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

/** How old the last look at `current.json` may be before a query looks again. */
const RECHECK_MILLISECONDS = 60_000;
/** A query without hits looks again at `current.json`, but not more often than this. */
const NO_HIT_RECHECK_MILLISECONDS = 250;
