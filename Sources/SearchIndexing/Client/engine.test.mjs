// node --test: the browser engine against the Swift reference engine, on the sample site's index.
// Builds the site with the vcc binary ($VCC, default .build/debug/vcc) into a temporary folder.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createSearch, highlight, isWithinOne, queryWords, SearchUnavailableError } from "./engine.js";
import { DocumentRuns } from "./facet-groups.js";

const root = new URL("../../../", import.meta.url).pathname;
const vcc = process.env.VCC ?? path.join(root, ".build/debug/vcc");
const fixture = JSON.parse(fs.readFileSync(path.join(root, "Tests/Fixtures/search-queries.json"), "utf8"));
let site;
let engine;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-"));
  execFileSync(vcc, ["build", "--source", root, "--output", path.join(site, "public")], { stdio: "pipe" });
  const dir = path.join(site, "public/suche/index/");
  engine = await createSearch(dir, { load: fileLoader(dir) });
});

/** Reads index files from `dir` as the engine's `load` hook (JSON parsed, ranges sliced). */
function fileLoader(dir) {
  return async (file, kind, range) => {
    let bytes = fs.readFileSync(path.join(dir, file));
    if (range) bytes = bytes.subarray(range[0], range[0] + range[1]);
    return kind === "json" ? JSON.parse(bytes.toString("utf8")) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  };
}

function swiftSearch(query, filters = {}, folder = path.join(site, "public")) {
  const args = ["search", "--site", folder, "--json", "--limit", "10"];
  for (const [key, values] of Object.entries(filters)) for (const value of values) args.push("--filter", `${key}=${value}`);
  return JSON.parse(execFileSync(vcc, [...args, "--", query], { encoding: "utf8" }));
}

/** The engines of a fixture query: the sample site's, or those of the small site it names (built once). */
const smallSites = new Map();
async function enginesFor(site) {
  if (!site) return { js: engine, swift: swiftSearch };
  if (!smallSites.has(site)) smallSites.set(site, await smallSite(fixture.sites[site]));
  return smallSites.get(site);
}

test("every fixture query ranks its expected page first", async () => {
  for (const { query, top, filters, kind, site, passage, missing } of fixture.queries) {
    const { results, words } = await (await enginesFor(site)).js.search(query, { filters: filters ?? {}, limit: 10, excerpts: passage !== undefined });
    assert.equal(results[0]?.url.split("#")[0], top, `${kind}: ${query}`);
    // The words the top result lacks, as "Es fehlt: …" names them.
    if (missing !== undefined) assert.deepEqual(results[0].missing.map((i) => words[i].folded), missing, `${kind}: ${query}`);
    // The excerpt shows the passage as written: no stray space before a comma or bracket.
    if (passage !== undefined) assert.ok(results[0].excerpt.map((p) => p.text).join("").includes(passage), `${kind}: ${query}`);
  }
});

test("the JS engine and vcc search --json return the same top 10, scores and totals", async () => {
  for (const { query, filters, site } of fixture.queries) {
    const engines = await enginesFor(site);
    const js = await engines.js.search(query, { filters: filters ?? {}, limit: 10, excerpts: false });
    const swift = engines.swift(query, filters ?? {});
    assert.deepEqual(js.results.map((r) => [r.url, r.score, r.missing]), swift.results.map((r) => [r.url, r.score, r.missing]), query);
    assert.equal(js.total, swift.total, query);
    assert.equal(js.complete, swift.complete, query);
    const jsFacets = js.facets.flatMap((g) => g.values.map((v) => `${g.key}=${v.value}:${v.count}`)).sort();
    const swiftFacets = swift.facets.map((f) => `${f.group}=${f.value}:${f.count}`).sort();
    assert.deepEqual(jsFacets, swiftFacets, query);
  }
});

/** The queries of a table of the search-eval format (query TAB relevant TAB kind; # comments). */
function tableQueries(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim() && !line.startsWith("#")).map((line) => line.split("\t")[0]);
}

/** Asserts that both engines answer `queries` alike: top 10 with scores, totals, complete counts. */
async function assertSameAnswers(js, folder, queries) {
  for (const query of queries) {
    const mine = await js.search(query, { limit: 10, excerpts: false });
    const swift = swiftSearch(query, {}, folder);
    assert.deepEqual(mine.results.map((r) => [r.url, r.score, r.missing]), swift.results.map((r) => [r.url, r.score, r.missing]), query);
    assert.deepEqual([mine.total, mine.complete], [swift.total, swift.complete], query);
  }
}

test("both engines answer the sample site's task query tables alike", async () => {
  const queries = ["sample-site-queries.tsv", "sample-site-heldout-queries.tsv"]
    .flatMap((file) => tableQueries(path.join(root, "bench/search-eval-own", file)));
  assert.ok(queries.length >= 90);
  await assertSameAnswers(engine, path.join(site, "public"), queries);
});

// The laws corpus is not part of the repository: with VCC_LAWS_SITE (a built public/ folder of the
// laws) and VCC_LAWS_QUERIES (gesetze-dev-queries.tsv), both engines answer the dev set alike.
test("both engines answer the laws dev queries alike", { skip: !process.env.VCC_LAWS_SITE && "VCC_LAWS_SITE not set" }, async () => {
  const folder = process.env.VCC_LAWS_SITE;
  const dir = path.join(folder, "suche/index/");
  const laws = await createSearch(dir, { load: fileLoader(dir) });
  await assertSameAnswers(laws, folder, tableQueries(process.env.VCC_LAWS_QUERIES));
});

/** Builds a small site from `files` with the vcc binary; returns its search engine and a Swift search. */
async function smallSite(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-small-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  execFileSync(vcc, ["build", "--source", root, "--output", path.join(root, "public")], { stdio: "pipe" });
  const dir = path.join(root, "public/suche/index/");
  const js = await createSearch(dir, { load: fileLoader(dir) });
  const swift = (query, filters = {}) => swiftSearch(query, filters, path.join(root, "public"));
  return { js, swift };
}

test("facet runs give the membership and counts of their expanded documents, as DocumentRuns.swift does", () => {
  for (const pairs of [[[0, 3], [7, 1]], [[0, 0], [0, 2], [2, 0], [5, 3]], [[4, 1]], []]) {
    const runs = new DocumentRuns();
    const expanded = new Set();
    for (const [start, length] of pairs) {
      runs.append(start, start + length);
      for (let d = start; d < start + length; d++) expanded.add(d);
    }
    for (let d = -1; d <= 10; d++) assert.equal(runs.has(d), expanded.has(d), `${JSON.stringify(pairs)} ${d}`);
    for (const pool of [[], [0], [0, 1, 2, 3, 7, 8], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 4, 5, 9]]) {
      assert.equal(runs.countIn(pool), pool.filter((d) => expanded.has(d)).length, `${JSON.stringify(pairs)} ${pool}`);
    }
  }
  const huge = new DocumentRuns();
  huge.append(0, 2 ** 31 - 1);
  assert.equal(huge.countIn([0, 5, 2 ** 31 - 2, 2 ** 31 - 1]), 3);
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

test("the query thresholds come from the manifest, not from the client", async () => {
  const dir = path.join(site, "public/suche/index/");
  /** The sample index with `changes` applied to its manifest as the engine reads it. */
  const withManifest = (changes) => createSearch(dir, { load: async (file, kind, range) => {
    const value = await fileLoader(dir)(file, kind, range);
    if (!file.endsWith("/manifest.bin")) return value;
    // The manifest is raw DEFLATE of its JSON (FORMAT.md): changed as JSON, handed over compressed.
    const json = JSON.parse(zlib.inflateRawSync(Buffer.from(value)).toString("utf8"));
    const changed = zlib.deflateRawSync(Buffer.from(JSON.stringify({ ...json, ...changes })));
    return changed.buffer.slice(changed.byteOffset, changed.byteOffset + changed.length);
  } });
  const totals = async (changes, queries) => {
    const changed = await withManifest(changes);
    return Promise.all(queries.map(async (query) => (await changed.search(query, { excerpts: false })).total));
  };
  // A typo, a word still being typed, and a compound the index knows only in parts.
  const queries = ["Posteingnag", "Posteingan", "Scannerposteingang "];
  const intact = await totals({}, queries);
  assert.ok(intact.every((total) => total > 0), `${intact}`);
  // A typo needs more letters, a prefix more typed letters, a split a longer word: each finds nothing.
  assert.equal((await totals({ typoMinimumLetters: 20 }, [queries[0]]))[0], 0);
  // "Posteingan" is also one letter from "posteingang": without the prefix, the typo finds it.
  assert.ok((await totals({ typoMinimumLetters: 20 }, [queries[1]]))[0] > 0);
  assert.equal((await totals({ typoMinimumLetters: 20, prefixMinimumLetters: 20, splitMinimumLetters: 30 }, [queries[1]]))[0], 0);
  assert.equal((await totals({ splitMinimumLetters: 30 }, [queries[2]]))[0], 0);
  assert.equal((await totals({ splitMinimumPartLetters: 10 }, [queries[2]]))[0], 0);
  // A manifest without a threshold is damage: the engine refuses it instead of guessing.
  await assert.rejects(totals({ typoMinimumLetters: undefined }, queries), SearchUnavailableError);
});

test("the last word is a prefix only while it is being typed", () => {
  assert.equal(queryWords("Post", new Set()).at(-1).isPrefix, true);
  assert.equal(queryWords("Post ", new Set()).at(-1).isPrefix, false);
});

/** Serves the index on 127.0.0.1 like a static host; `ranges: false` ignores Range headers. */
async function serveIndex(folder, { ranges }) {
  const server = http.createServer((request, response) => {
    const dir = typeof folder === "function" ? folder() : folder;
    server.requests.push(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = path.join(dir, decodeURIComponent(new URL(request.url, "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file)) { response.writeHead(404).end(); return; }
    const bytes = fs.readFileSync(file);
    const match = ranges && /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? "");
    if (!match) { response.writeHead(200).end(bytes); return; }
    const [start, end] = [Number(match[1]), Math.min(Number(match[2]), bytes.length - 1)];
    response.writeHead(206, { "Content-Range": `bytes ${start}-${end}/${bytes.length}` }).end(bytes.subarray(start, end + 1));
  });
  server.requests = [];
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

test("an excerpt from a later block comes from its pack, with or without range support", async () => {
  const dir = path.join(site, "public/suche/index/");
  const excerpts = [];
  for (const ranges of [true, false]) {
    const server = await serveIndex(dir, { ranges });
    try {
      const remote = await createSearch(`http://127.0.0.1:${server.address().port}/`);
      const { results } = await remote.search("sofort automatische Zuordnung", { limit: 1 });
      assert.equal(results[0]?.title, "Digitaler Posteingang");
      excerpts.push(results[0].excerpt);
    } finally {
      server.close();
    }
  }
  const text = excerpts[0].map((p) => p.text).join("");
  assert.ok(text.includes("automatische Zuordnung"), text);
  assert.ok(excerpts[0].some((p) => p.mark && p.text === "sofort"), JSON.stringify(excerpts[0]));
  assert.deepEqual(excerpts[1], excerpts[0]);
});

test("records come as ranges of their packs; without range support each pack is fetched once", async () => {
  const dir = path.join(site, "public/suche/index/");
  const seen = [];
  for (const ranges of [true, false]) {
    const server = await serveIndex(dir, { ranges });
    try {
      const remote = await createSearch(`http://127.0.0.1:${server.address().port}/`);
      const { results } = await remote.search("Digitalisierung", { limit: 10 });
      assert.ok(results.length >= 3, `only ${results.length} results`);
      seen.push(results.map((r) => [r.url, r.title]));
      const packRequests = server.requests.filter((p) => /^\/[0-9a-f]+\/r\/\d+\.bin$/.test(p));
      if (ranges) assert.ok(packRequests.length >= results.length, "one range request per record");
      else assert.equal(packRequests.length, new Set(packRequests).size, "a whole pack is fetched only once");
    } finally {
      server.close();
    }
  }
  assert.deepEqual(seen[1], seen[0]);
  // The same results as the Swift reference engine, which reads the packs from disk.
  assert.deepEqual(seen[0].map(([url]) => url.split("#")[0]), swiftSearch("Digitalisierung").results.map((r) => r.url));
});

test("after a redeploy, a page that opened the old index finds the new content; a damaged index says so in German", async () => {
  // A second deploy: the sample with a new word in one blueprint.
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-deploy-"));
  fs.cpSync(path.join(root, "content"), path.join(project, "content"), { recursive: true });
  fs.copyFileSync(path.join(root, "site.yml"), path.join(project, "site.yml"));
  for (const name of ["logo.svg", "logo-dunkel.svg"]) fs.copyFileSync(path.join(root, name), path.join(project, name));
  const blueprint = path.join(project, "content/blaupausen/posteingang-digitalisieren.md");
  fs.appendFileSync(blueprint, "\n\nNeu: die Zwischenablagefunktion.\n");
  execFileSync(vcc, ["build", "--source", project], { stdio: "pipe" });
  let served = path.join(site, "public/suche/index/");
  const server = await serveIndex(() => served, { ranges: true });
  try {
    const remote = await createSearch(`http://127.0.0.1:${server.address().port}/`);
    const before = remote.version;
    assert.equal((await remote.search("Posteingang")).results[0]?.title, "Digitaler Posteingang");
    served = path.join(project, "public/suche/index/");  // The deploy: the old version folder is gone.
    // The old index holds its only shard in memory and finds nothing; a query without hits reads
    // the entry again and moves to the new version.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { results } = await remote.search("Zwischenablagefunktion");
    assert.equal(results[0]?.title, "Digitaler Posteingang");
    assert.notEqual(remote.version, before);

    // A damaged deploy: the entry names a version whose shards are missing.
    const damaged = fs.mkdtempSync(path.join(os.tmpdir(), "vcc-js-damaged-"));
    fs.cpSync(served, damaged, { recursive: true });
    fs.rmSync(path.join(damaged, remote.version, "t"), { recursive: true });
    served = damaged + "/";
    const broken = await createSearch(`http://127.0.0.1:${server.address().port}/`);
    await assert.rejects(broken.search("Posteingang"), (error) => error instanceof SearchUnavailableError && /Suchindex/.test(error.message));
  } finally {
    server.close();
  }
});
