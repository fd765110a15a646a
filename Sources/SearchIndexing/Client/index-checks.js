// Checks on what the browser engine reads from an index (FORMAT.md, "Damaged indexes"): every number
// within the ranges the Swift reference engine allows (IndexLimits.swift), so that a damaged or
// crafted file ends in an IndexDamagedError instead of a hang, a huge allocation or a result
// without title. Both engines reject the same files; tests/damaged_search_index.py writes the
// corpus that checks it.

/** The ranges of IndexLimits.swift. */
export const LIMITS = Object.freeze({
  documents: 2 ** 31 - 1, terms: 2 ** 31 - 1, termBytes: 256, idf: 10_000, matchWeight: 100, percent: 1_000,
  tuningCount: 10_000, letters: 256, fileBytes: 2 ** 31 - 1, inflatedBytes: 16 << 20, postingValue: 2 ** 31 - 1,
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

/** Whether `value` is a whole number in lowest…highest. */
export const isWhole = (value, lowest, highest) => Number.isSafeInteger(value) && value >= lowest && value <= highest;
/** Whether `value` is a list of strings. */
export const isStrings = (value) => Array.isArray(value) && value.every((s) => typeof s === "string");

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
  if (total !== documents) throw new IndexDamagedError(file, `${total} Datensätze statt ${documents} (manifest.bin)`);
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
