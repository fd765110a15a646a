// node --test: the fallback inflater against Node's zlib, and the engine's use of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { inflate } from "./inflate.js";
import { inflateJSON } from "./engine.js";

function noise(count, seed) {
  let state = seed >>> 0;
  return Uint8Array.from({ length: count }, () => ((state = (state * 1664525 + 1013904223) >>> 0) >>> 24));
}

const text = Buffer.from("Die Gemeinde erlässt den Bescheid nach § 35 Absatz 2 der Verordnung über Anträge. ".repeat(40));

test("inflate.js undoes zlib's raw DEFLATE at every level, stored, fixed and dynamic blocks", () => {
  for (const input of [Buffer.alloc(0), text, Buffer.from(noise(70000, 7)), Buffer.concat([text, Buffer.from(noise(3000, 3))])]) {
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY]) {
        const compressed = zlib.deflateRawSync(input, { level, strategy });
        assert.deepEqual(Buffer.from(inflate(compressed)), input, `level ${level} strategy ${strategy}`);
      }
    }
  }
});

test("damaged input throws, and the output limit holds", () => {
  const compressed = zlib.deflateRawSync(text);
  assert.throws(() => inflate(compressed.subarray(0, compressed.length / 2)));
  assert.throws(() => inflate(Uint8Array.of(0x07)), /block type/);
  assert.throws(() => inflate(compressed, 100), /too large/);
  for (let seed = 0; seed < 200; seed++) {
    try { inflate(noise(64 + seed, seed), 1 << 16); } catch { /* rejected is fine; returning is what counts */ }
  }
});

test("inflateJSON reads a record with DecompressionStream and, without it, with inflate.js", async () => {
  const record = { url: "/a/", title: "Gesetz über den Verkehr mit Arzneimitteln", block: [[0, "Text ".repeat(50)]] };
  const bytes = zlib.deflateRawSync(Buffer.from(JSON.stringify(record)));
  assert.deepEqual(await inflateJSON(bytes), record);
  const native = globalThis.DecompressionStream;
  globalThis.DecompressionStream = undefined;
  try {
    assert.deepEqual(await inflateJSON(new Uint8Array(bytes).buffer), record);
  } finally {
    globalThis.DecompressionStream = native;
  }
});
