// node --test: the browser analysis must equal the Swift module's on the shared fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { fold, stem, tokenize } from "./analysis.js";

const fixture = JSON.parse(fs.readFileSync(new URL("../../../Tests/Fixtures/analysis.json", import.meta.url), "utf8"));

test("tokens, folding and hyphen parts match the shared fixture", () => {
  for (const { text, tokens } of fixture.tokens) {
    assert.deepEqual(tokenize(text).map((t) => [t.kind, t.text]), tokens, text);
  }
});

test("the JavaScript stemmer (Snowball German, then -eln -> -el) equals the Swift one on every fixture word", () => {
  const words = Object.entries(fixture.stems);
  assert.ok(words.length > 2000);
  const wrong = words.filter(([word, expected]) => stem(word) !== expected);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test("a dative plural in -eln meets its singular; short stems keep their n", () => {
  assert.equal(stem("arzneimitteln"), stem("arzneimittel"));
  assert.equal(stem("artikeln"), "artikel");
  assert.equal(stem("eln"), "eln");
});

test("umlauts, transliterations and plain vowels fold alike", () => {
  assert.equal(fold("Müller"), fold("Mueller"));
  assert.equal(fold("Müller"), fold("Muller"));
  assert.equal(fold("Straße"), fold("STRASSE"));
});

test("token offsets point at the surface form for highlighting", () => {
  const text = "Der Bürgerbüro-Termin";
  const [first, second] = tokenize(text);
  assert.equal(text.slice(first.start, first.end), "Der");
  assert.equal(text.slice(second.start, second.end), "Bürgerbüro-Termin");
});
