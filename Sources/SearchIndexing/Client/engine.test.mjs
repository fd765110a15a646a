// node --test: the browser engine against the Swift reference engine, on the sample site's index.
// Builds the site with the vcc binary ($VCC, default .build/debug/vcc) into a temporary folder.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSearch, highlight, isWithinOne, queryWords } from "./engine.js";

const root = new URL("../../../", import.meta.url).pathname;
const vcc = process.env.VCC ?? path.join(root, ".build/debug/vcc");
const fixture = JSON.parse(fs.readFileSync(path.join(root, "Tests/Fixtures/search-queries.json"), "utf8"));
let site;
let engine;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-"));
  execFileSync(vcc, ["build", "--source", root, "--output", path.join(site, "public")], { stdio: "pipe" });
  const dir = path.join(site, "public/suche/index/");
  engine = await createSearch(dir, {
    load: async (file, kind) => {
      const bytes = fs.readFileSync(path.join(dir, file));
      return kind === "json" ? JSON.parse(bytes.toString("utf8")) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    },
  });
});

function swiftSearch(query, filters = {}) {
  const args = ["search", "--site", path.join(site, "public"), "--json", "--limit", "10"];
  for (const [key, values] of Object.entries(filters)) for (const value of values) args.push("--filter", `${key}=${value}`);
  return JSON.parse(execFileSync(vcc, [...args, "--", query], { encoding: "utf8" }));
}

test("every fixture query ranks its expected page first", async () => {
  for (const { query, top, filters, kind } of fixture.queries) {
    const { results } = await engine.search(query, { filters: filters ?? {}, limit: 10, excerpts: false });
    assert.equal(results[0]?.url, top, `${kind}: ${query}`);
  }
});

test("the JS engine and vcc search --json return the same top 10, scores and totals", async () => {
  for (const { query, filters } of fixture.queries) {
    const js = await engine.search(query, { filters: filters ?? {}, limit: 10, excerpts: false });
    const swift = swiftSearch(query, filters ?? {});
    assert.deepEqual(js.results.map((r) => [r.url, r.score]), swift.results.map((r) => [r.url, r.score]), query);
    assert.equal(js.total, swift.total, query);
    const jsFacets = js.facets.flatMap((g) => g.values.map((v) => `${g.key}=${v.value}:${v.count}`)).sort();
    const swiftFacets = swift.facets.map((f) => `${f.group}=${f.value}:${f.count}`).sort();
    assert.deepEqual(jsFacets, swiftFacets, query);
  }
});

test("excerpts show the best passage with the query words marked", async () => {
  const { results } = await engine.search("Poststelle Scanner", { limit: 3 });
  assert.equal(results[0].title, "Digitaler Posteingang");
  const marked = results[0].excerpt.filter((p) => p.mark).map((p) => p.text.toLowerCase());
  assert.ok(marked.some((m) => m.startsWith("poststelle") || m.startsWith("scanner")), JSON.stringify(results[0].excerpt));
  assert.ok(results[0].url.startsWith("/blaupausen/posteingang-digitalisieren/#"), "links to the passage's section");
});

test("highlighting keeps hostile text as plain parts, never as markup", () => {
  const words = queryWords("bild", new Set());
  const parts = highlight("<img src=x onerror=alert(1)> Bild", words, new Set(["bild"]));
  assert.equal(parts.map((p) => p.text).join(""), "<img src=x onerror=alert(1)> Bild");
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ["Bild"]);
});

test("one typo means one edit, transpositions included", () => {
  assert.ok(isWithinOne("posteingang", "posteingnag"));
  assert.ok(isWithinOne("posteingang", "postengang"));
  assert.ok(!isWithinOne("posteingang", "posteingang"));
  assert.ok(!isWithinOne("posteingang", "pstngang"));
});

test("the last word is a prefix only while it is being typed", () => {
  assert.equal(queryWords("Post", new Set()).at(-1).isPrefix, true);
  assert.equal(queryWords("Post ", new Set()).at(-1).isPrefix, false);
});
