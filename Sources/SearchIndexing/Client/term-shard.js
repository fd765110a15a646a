// A term shard `t/<n>.bin` (../FORMAT.md) as the browser reads it. Mirrors TermShard.swift.

import { IndexDamagedError, LIMITS, readNumber } from "./index-checks.js";

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
