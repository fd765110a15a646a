// The browser engine's search() time in Node, on a built site's index read from disk.
// usage: node bench/search_timing.mjs SITE QUERIES.tsv [CLIENT_DIR] [RUNS]
// Loads the engine once, runs every query once (warm-up: shards and records read), then RUNS more
// times (default 15); prints each query's median and the median and sum over the queries.
// CLIENT_DIR (default Sources/SearchIndexing/Client) lets one time another version of the client.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, table, clientArg, runsArg] = process.argv.slice(2);
const root = new URL("../", import.meta.url).pathname;
const client = path.resolve(clientArg ?? path.join(root, "Sources/SearchIndexing/Client"));
const runs = Number(runsArg ?? 15);
const { createSearch } = await import(pathToFileURL(path.join(client, "engine.js")).href);
const dir = path.join(site, "suche/index/");
const load = async (file, kind, range) => {
  let bytes = fs.readFileSync(path.join(dir, file));
  if (range) bytes = bytes.subarray(range[0], range[0] + range[1]);
  return kind === "json" ? JSON.parse(bytes.toString("utf8")) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
};
const engine = await createSearch(dir, { load });
const queries = fs.readFileSync(table, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("\t")[0]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = [];
for (const query of queries) {
  await engine.search(query, { limit: 10 });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await engine.search(query, { limit: 10 });
    times.push(performance.now() - start);
  }
  medians.push(median(times));
  console.log(`${median(times).toFixed(3).padStart(9)} ms  ${query}`);
}
console.log(`JS search() median over ${queries.length} queries: ${median(medians).toFixed(3)} ms; sum of the medians ${medians.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
