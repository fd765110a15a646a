// Reads one version folder of the index on demand (../FORMAT.md): the manifest, facets and record
// table when opened, shards, records and later passage blocks when a query needs them, each checked
// (index-checks.js). Mirrors SearchIndexReader.swift.

import { facetGroups } from "./facet-groups.js";
import { checkedRecord, IndexDamagedError, isBlock, LIMITS, parseRecordTable, withoutSeparator } from "./index-checks.js";
import { checkedManifest, FORMAT } from "./index-manifest.js";
import { compareTerms, TermShard } from "./term-shard.js";

const decoder = new TextDecoder();

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
    const inflated = stream ? await readAtMost(new Blob([data]).stream().pipeThrough(stream), LIMITS.inflatedBytes)
      : (await import("./inflate.js")).inflate(data, LIMITS.inflatedBytes);
    return JSON.parse(decoder.decode(inflated));
  } catch (error) {
    throw Object.assign(new IndexDamagedError(file, `${what} lässt sich nicht entpacken`), { cause: error });
  }
}

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

/** Opens one version folder of the index at `base`; `load(path, kind, range)` may replace fetch. */
export async function openVersion(base, load) {
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
  const [manifestFile, facetFile, recordTable] = await Promise.all([fetchFile("manifest.bin", "binary"), json("facets.json"), fetchFile("r/index.bin", "binary")]);
  // The manifest is compressed like the records (FORMAT.md).
  const manifest = await inflateJSON(manifestFile, "manifest.bin", "Das Manifest");
  if (manifest?.format !== FORMAT) throw new IndexDamagedError("manifest.bin", "unbekanntes Format");
  checkedManifest(manifest);
  // The record table first: it proves the document count before anything is sized by it.
  const records = parseRecordTable(recordTable, manifest.documents);
  return new SearchIndexReader(manifest, facetGroups(facetFile, manifest.documents), records, fetchFile);
}

/** The files of one version of the index, read once each; a failed read is not kept. */
export class SearchIndexReader {
  constructor(manifest, groups, recordTable, fetchFile) {
    this.manifest = manifest;
    this.recordTable = recordTable;
    this.fetchFile = fetchFile;
    this.stopwords = new Set(manifest.stopwords);
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
          throw new IndexDamagedError(file, `Der erste Term ist nicht „${this.manifest.shards[number]}“, wie manifest.bin sagt`);
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


  async lookup(term) {
    const number = this.shardNumber(term);
    const shard = await this.shard(number);
    const index = shard ? shard.indexOf(term) : -1;
    return index < 0 ? null : { shard: number, term: index, df: shard.df[index] };
  }
}
