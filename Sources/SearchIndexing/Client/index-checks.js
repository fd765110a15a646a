// Checks on what the browser engine reads from an index (FORMAT.md, "Damaged indexes"): every number
// within the ranges the Swift reference engine allows (IndexLimits.swift), so that a damaged or
// crafted file ends in an IndexDamagedError instead of a hang, a huge allocation or a result
// without title. Both engines reject the same files; tests/damaged_search_index.py writes the
// corpus that checks it.

/** The ranges of IndexLimits.swift. */
export const LIMITS = Object.freeze({
  documents: 2 ** 31 - 1, terms: 2 ** 31 - 1, termBytes: 256, idf: 10_000, matchWeight: 100, percent: 1_000,
  tuningCount: 10_000, fileBytes: 2 ** 31 - 1, postingValue: 2 ** 31 - 1,
});

/** The most bytes of one varint (56 bits; every larger number is out of range anyway). */
const VARINT_BYTES = 8;

/** A file of the index contradicts the format or the other files. */
export class IndexDamagedError extends Error {
  constructor(file, problem) {
    super(`Der Suchindex ist beschädigt: ${problem} (${file}) – bitte neu bauen (vcc build).`);
    this.name = "IndexDamagedError";
    this.file = file;
  }
}

/**
 * The next varint of `bytes` at `state.offset` (advanced), which must lie in lowest…highest; `what`
 * names it in German for the message.
 */
export function readNumber(bytes, state, lowest, highest, what, file) {
  let result = 0;
  for (let shift = 0; shift < 7 * VARINT_BYTES; shift += 7) {
    if (state.offset >= bytes.length) break;
    const byte = bytes[state.offset++];
    result += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) {
      if (result < lowest || result > highest) throw new IndexDamagedError(file, `${what} (${result}) liegt nicht zwischen ${lowest} und ${highest}`);
      return result;
    }
  }
  throw new IndexDamagedError(file, `${what} ist abgeschnitten oder zu lang`);
}

const isWhole = (value, lowest, highest) => Number.isSafeInteger(value) && value >= lowest && value <= highest;
const isStrings = (value) => Array.isArray(value) && value.every((s) => typeof s === "string");

/** `manifest`, checked as IndexManifest.swift checks it; returns it. */
export function checkedManifest(manifest) {
  const damage = (problem) => new IndexDamagedError("manifest.json", problem);
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) throw damage("kein JSON-Objekt");
  const number = (object, key, highest, lowest = 0) => {
    if (!isWhole(object?.[key], lowest, highest)) throw damage(`\`${key}\` fehlt oder liegt nicht zwischen ${lowest} und ${highest}`);
  };
  number(manifest, "documents", LIMITS.documents);
  number(manifest, "terms", LIMITS.terms);
  if (!isStrings(manifest.shards)) throw damage("`shards` ist keine Liste von Termen");
  for (let i = 1; i < manifest.shards.length; i++) {
    if (compareCodePoints(manifest.shards[i - 1], manifest.shards[i]) >= 0) throw damage("`shards` ist nicht sortiert");
  }
  if (!isStrings(manifest.stopwords)) throw damage("`stopwords` ist keine Liste von Wörtern");
  for (const kind of ["exact", "prefix", "typo", "split"]) number(manifest.matchWeights, kind, LIMITS.matchWeight);
  for (const key of ["partialMatchPercent", "synonymPercent", "titleMatchPercent", "metaMatchPercent", "titlePhrasePercent", "passageNearPercent"]) {
    number(manifest, key, LIMITS.percent);
  }
  number(manifest, "maximumPrefixTerms", LIMITS.tuningCount);
  number(manifest, "passagesPerBlock", LIMITS.tuningCount, 1);
  number(manifest, "passagesPerLaterBlock", LIMITS.tuningCount, 1);
  if (!Array.isArray(manifest.synonyms) || !manifest.synonyms.every(isStrings)) throw damage("`synonyms` ist keine Liste von Gruppen");
  return manifest;
}

/** Compares in code point order (= UTF-8 byte order), as the index sorts terms. */
function compareCodePoints(a, b) {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The documents of one facet value, kept as the runs of `facets.json` (DocumentRuns.swift): memory
 * follows the file's size, whatever document count the runs span.
 */
export class DocumentRuns {
  constructor() {
    this.starts = []; this.ends = [];
  }

  /** Adds the run start…end-1, which begins at or after the end of the last one; an empty run adds nothing. */
  append(start, end) {
    if (start < end) { this.starts.push(start); this.ends.push(end); }
  }

  /** Whether `document` lies in a run: only the last run starting at or before it can hold it. */
  has(document) {
    const run = partitionPoint(this.starts, (start) => start > document) - 1;
    return run >= 0 && document < this.ends[run];
  }

  /** How many of `documents` (ascending) lie in the runs: two binary searches per run. */
  countIn(documents) {
    let count = 0;
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i], end = this.ends[i];
      count += partitionPoint(documents, (d) => d >= end) - partitionPoint(documents, (d) => d >= start);
    }
    return count;
  }
}

/** The first index of `array` whose element satisfies `isAbove` (false for a prefix, true for the rest). */
function partitionPoint(array, isAbove) {
  let low = 0, high = array.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAbove(array[mid])) high = mid; else low = mid + 1;
  }
  return low;
}

/**
 * The facet groups of `facets.json` with each value's documents as DocumentRuns, for an index of
 * `documents` documents (already proved by the record table). Runs must be pairs inside
 * 0…documents-1, ascending and apart (FacetGroups.swift).
 */
export function facetGroups(file, documents) {
  const damage = (problem) => new IndexDamagedError("facets.json", problem);
  if (!Array.isArray(file?.groups)) throw damage("keine Liste `groups`");
  return file.groups.map((group) => {
    if (typeof group?.key !== "string" || typeof group.label !== "string" || !Array.isArray(group.values)) {
      throw damage("eine Gruppe ohne `key`, `label` oder `values`");
    }
    const values = group.values.map((v) => {
      if (typeof v?.value !== "string" || !Array.isArray(v.runs) || v.runs.length % 2 !== 0) {
        throw damage(`ein Wert von \`${group.key}\` ohne Namen oder ohne Paare in \`runs\``);
      }
      const runs = new DocumentRuns();
      let end = 0;
      for (let i = 0; i < v.runs.length; i += 2) {
        const start = v.runs[i], length = v.runs[i + 1];
        if (!isWhole(start, end, documents - 1) || !isWhole(length, 0, documents - start)) {
          throw damage(`der Lauf [${start}, ${length}] von „${v.value}“ liegt nicht aufsteigend in 0..<${documents}`);
        }
        runs.append(start, start + length);
        end = start + length;
      }
      return { value: v.value, documents: runs };
    });
    return { key: group.key, label: group.label, values };
  });
}

/**
 * Where each record lies, from `r/index.bin` (FORMAT.md) of an index of `documents` documents: for
 * document `d`, record pack `pack[d]`, starting at byte `offset[d]`, `length[d]` bytes long. The
 * file must hold a length byte at least for each document. Mirrors RecordTable.swift.
 */
export function parseRecordTable(buffer, documents) {
  const file = "r/index.bin";
  const bytes = new Uint8Array(buffer);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== "VCR1") throw new IndexDamagedError(file, "keine Datensatztabelle (VCR1)");
  const state = { offset: 4 };
  const packs = readNumber(bytes, state, 0, bytes.length - state.offset, "Die Zahl der Pakete", file);
  const counts = [];
  let total = 0;
  for (let pack = 0; pack < packs; pack++) {
    counts.push(readNumber(bytes, state, 1, documents - total, "Die Zahl der Datensätze eines Pakets", file));
    total += counts[pack];
  }
  if (total !== documents) throw new IndexDamagedError(file, `${total} Datensätze statt ${documents} (manifest.json)`);
  // Checked before anything is sized by the count: this proves documents ≤ the file's bytes.
  const remaining = bytes.length - state.offset;
  if (total > remaining) throw new IndexDamagedError(file, `${total} Längen passen nicht in ${remaining} Bytes`);
  const table = { pack: new Int32Array(total), offset: new Int32Array(total), length: new Int32Array(total) };
  let document = 0;
  counts.forEach((count, pack) => {
    let offset = 0;
    for (let i = 0; i < count; i++, document++) {
      const length = readNumber(bytes, state, 1, LIMITS.fileBytes - offset - 1, "Die Länge eines Datensatzes", file);
      table.pack[document] = pack;
      table.offset[document] = offset;
      table.length[document] = length;
      offset += length + 1;  // Each record is followed by a newline.
    }
  });
  if (state.offset !== bytes.length) throw new IndexDamagedError(file, `Nach der letzten Länge folgen noch ${bytes.length - state.offset} Bytes`);
  return table;
}

/**
 * `bytes` (a range read with one byte more) without its separator: a record or later block is
 * followed by "\n", so a shifted, short or foreign pack misses it.
 */
export function withoutSeparator(bytes, length, file, what) {
  if (bytes.length !== length + 1 || bytes[length] !== 0x0a) throw new IndexDamagedError(file, `${what} liegt nicht an der Stelle, die der Index nennt`);
  return bytes.subarray(0, length);
}

/**
 * `record` of document `id` when it has what a result shows and an excerpt reads: a non-empty
 * title and URL (else the result would be a lie), passages, anchors and blocks of the right shape.
 */
export function checkedRecord(record, id, file) {
  const damage = (problem) => new IndexDamagedError(file, `Datensatz ${id} ${problem}`);
  if (typeof record?.url !== "string" || !record.url || typeof record.title !== "string" || !record.title) {
    throw damage("hat keinen Titel oder keine Adresse");
  }
  if (!isWhole(record.passages, 0, LIMITS.postingValue) || !Array.isArray(record.anchors) || !isBlock(record.block)) {
    throw damage("hat keine gültigen Passagen");
  }
  const later = record.later;
  if (later !== null && !(Array.isArray(later) && isWhole(later[0], 0, LIMITS.fileBytes) && isWhole(later[1], 0, LIMITS.fileBytes)
    && Array.isArray(later[2]) && later[2].every((n) => isWhole(n, 1, LIMITS.fileBytes)))) {
    throw damage("nennt keine gültigen weiteren Blöcke (`later`)");
  }
  return record;
}

/** Whether `block` is a list of [anchor number, text] passages. */
export function isBlock(block) {
  return Array.isArray(block) && block.every((p) => Array.isArray(p) && Number.isSafeInteger(p[0]) && p[0] >= 0 && typeof p[1] === "string");
}

/**
 * The manifest's synonym groups (each expression analysed like a query: a list of words with
 * `folded`) with groups that share an expression merged, transitively, at the place of the first
 * of them; expressions in group order, each once, empty ones left out. Mirrors SynonymGroups.swift.
 */
export function mergedSynonymGroups(groups) {
  const key = (expression) => expression.map((w) => w.folded).join(" ");
  const parent = groups.map((_, i) => i);
  const root = (group) => { while (parent[group] !== group) group = parent[group]; return group; };
  const firstGroup = new Map();
  groups.forEach((group, number) => {
    for (const expression of group) {
      if (expression.length === 0) continue;
      const other = firstGroup.get(key(expression));
      if (other === undefined) { firstGroup.set(key(expression), number); continue; }
      const a = root(number), b = root(other);
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const merged = [];
  groups.forEach((_, first) => {
    if (root(first) !== first) return;
    const seen = new Set();
    const expressions = [];
    groups.forEach((group, number) => {
      if (root(number) !== first) return;
      for (const expression of group) {
        if (expression.length > 0 && !seen.has(key(expression))) { seen.add(key(expression)); expressions.push(expression); }
      }
    });
    merged.push(expressions);
  });
  return merged;
}
