// node --test: the browser engine on the crafted corpus of damaged indexes that `vcc search` also
// gets (tests/damaged_search_index.py, run by tests/e2e/test_search_damaged_index.py). Every
// variant must reject with a SearchUnavailableError whose cause says "Der Suchindex ist beschädigt",
// within seconds. Each search runs in a node process of its own with a capped address space, so
// that a hang or a runaway allocation (a facet run of 10^11 documents, typed arrays for 2^31
// records, which the kernel would otherwise hand out lazily) fails the test instead of stalling it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = new URL("../../../", import.meta.url).pathname;
const vcc = process.env.VCC ?? path.join(root, ".build/debug/vcc");
const SECONDS = 10;
// Address space of one search process in KiB (`ulimit -v`): node and a good index need far less.
const MEMORY_KIB = 4_000_000;
let site;
let variants;

before(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-damaged-"));
  execFileSync(vcc, ["build", "--source", root, "--output", path.join(site, "public")], { stdio: "pipe" });
  const out = path.join(site, "variants");
  variants = JSON.parse(execFileSync("python3", [path.join(root, "tests/damaged_search_index.py"), path.join(site, "public/suche/index"), out],
    { encoding: "utf8" }));
});

// Opens the index at `folder` with files read from disk and runs `query`; prints what happened.
const searchScript = `
const fs = require("node:fs");
const path = require("node:path");
const { engine, folder, query } = JSON.parse(process.env.VCC_DAMAGED_SEARCH);
(async () => {
  const { createSearch } = await import(engine);
  const load = async (file, kind, range) => {
    let bytes = fs.readFileSync(path.join(folder, file));
    if (range) bytes = bytes.subarray(range[0], range[0] + range[1]);
    return kind === "json" ? JSON.parse(bytes.toString("utf8")) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  };
  try {
    const engine = await createSearch(folder, { load });
    const { results } = await engine.search(query, { limit: 10 });
    console.log(JSON.stringify({ results: results.map((r) => [r.title, r.url]) }));
  } catch (error) {
    console.log(JSON.stringify({ error: error.name, message: error.message, cause: String(error.cause?.message ?? error.cause ?? "") }));
  }
})();
`;

/** What searching `query` in the index at `folder` gives, or a timeout after SECONDS, or a crash. */
function searchInProcess(folder, query) {
  const task = { engine: new URL("./engine.js", import.meta.url).href, folder, query };
  return new Promise((resolve) => {
    execFile("/bin/sh", ["-c", `ulimit -v ${MEMORY_KIB} && exec "$0" -e "$1"`, process.execPath, searchScript],
      { env: { ...process.env, VCC_DAMAGED_SEARCH: JSON.stringify(task) }, timeout: SECONDS * 1000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error?.killed) resolve({ timeout: true });
        else if (error) resolve({ crash: `${error.code ?? error.signal}: ${stderr.slice(-300)}` });
        else resolve(JSON.parse(stdout));
      });
  });
}

test("the intact index answers the corpus query", async () => {
  const answer = await searchInProcess(path.join(site, "public/suche/index/"), variants[0].query);
  assert.ok(answer.results?.length > 0, JSON.stringify(answer));
  assert.ok(answer.results.every(([title, url]) => title && url));
});

test("every damaged variant is reported as damage, not searched, within seconds", async () => {
  const wrong = [];
  for (const variant of variants) {
    const answer = await searchInProcess(path.join(variant.site, "suche/index/"), variant.query);
    const ok = answer.error === "SearchUnavailableError" && /^Der Suchindex ist beschädigt: .* – bitte neu bauen \(vcc build\)\.$/.test(answer.cause)
      // A missing file is a failed read (HTTP 404 in a browser), reported the same way.
      || (variant.name === "shard-missing" && answer.error === "SearchUnavailableError");
    if (!ok) wrong.push(`${variant.name} (${variant.description}): ${JSON.stringify(answer).slice(0, 300)}`);
  }
  assert.deepEqual(wrong, []);
});
