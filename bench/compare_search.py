#!/usr/bin/env python3
"""vcc search against Pagefind on the laws corpus, in one run on one machine.

usage: compare_search.py CORPUS.tar.xz [--work DIR] [--vcc PATH] [--queries TSV] [--score SCORE_PY]

Steps: convert the corpus (prepare_corpus.py), build it with `vcc build` (pages + index), build
the same Markdown with Hugo and index Hugo's HTML with Pagefind (PyPI pagefind-bin), then measure
in headless Chromium against a local server that counts the bytes it sends:
  - index size on disk, total and per document;
  - bytes a cold browser downloads for a one-word and a three-word query (client code + manifest
    + shards + the records of the top 10 results);
  - search() time for a query after the engine is loaded (median over the eval queries);
  - quality on the eval queries with score.py (MRR@10, Success@1, Success@10) for both engines.
Prints a Markdown table. Needs chromium, chromium-driver, hugo and PyPI selenium, pagefind-bin.
"""
import argparse
import functools
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "e2e"))
from static_server import LoopbackServer, RangeRequestHandler  # noqa: E402


class CountingHandler(RangeRequestHandler):
    counts = None  # set per server: dict path -> bytes

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        self.counts[self.path.split("?")[0]] = self.counts.get(self.path.split("?")[0], 0) + len(data)
        outputfile.write(data)


def serve(folder):
    counts = {}
    handler = type("Handler", (CountingHandler,), {"counts": counts})
    server = LoopbackServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", counts


def timed(command, cwd=None, env=None):
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command], cwd=cwd, env=env,
                            capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    elapsed, user, system, peak = result.stderr.strip().splitlines()[-1].split()
    return {"wall": wall, "cpu": float(user) + float(system), "peak_mib": int(peak) / 1024, "stderr": result.stderr}


def folder_bytes(folder):
    return sum(p.stat().st_size for p in pathlib.Path(folder).rglob("*") if p.is_file())


VCC_HARNESS = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/bench-harness.js"></script></head><body></body></html>"""
VCC_JS = """import { createSearch } from "/ASSETS/search/engine.js";
let engine = null;
window.vccReady = async () => { engine = await createSearch("/suche/index/"); return true; };
window.vccQuery = async (q) => {
  const t0 = performance.now();
  const r = await engine.search(q, { limit: 10 });
  return { ms: performance.now() - t0, urls: r.results.map((x) => x.url.split("#")[0]) };
};"""
PF_JS = """let pagefind = null;
window.vccReady = async () => { pagefind = await import("/pagefind/pagefind.js"); await pagefind.init(); await pagefind.search(""); return true; };
window.vccQuery = async (q) => {
  const t0 = performance.now();
  const s = await pagefind.search(q);
  const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
  return { ms: performance.now() - t0, urls: data.map((d) => d.url) };
};"""


def browser(network_log=False):
    """Headless Chromium with the cache disabled; `network_log` records the DevTools Network events
    (of the page and of its workers: Pagefind searches in a worker) for network_bytes()."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def run_js(driver, call, *args):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"({call})(...Array.from(arguments).slice(0, -1)).then(done, (e) => done({{error: String(e)}}));", *args)


def cold_bytes(driver, base, counts, query):
    counts.clear()
    driver.get(base + "/bench.html")
    run_js(driver, "window.vccReady")
    result = run_js(driver, "window.vccQuery", query)
    page = sum(v for k, v in counts.items() if k in ("/bench.html", "/bench-harness.js"))
    return sum(counts.values()) - page, result


def network_bytes(driver, skip=("/bench.html", "/bench-harness.js", "/favicon.ico")):
    """Bytes of the requests logged since the last call (browser(network_log=True)), from the DevTools
    Network events: transferred (headers and body as received, `encodedDataLength`), decoded body
    (`dataReceived`), and the number of requests; the harness page and its script left out."""
    transferred, decoded, urls = {}, {}, {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.dataReceived":
            decoded[params["requestId"]] = decoded.get(params["requestId"], 0) + params["dataLength"]
        elif message["method"] == "Network.loadingFinished":
            transferred[params["requestId"]] = params["encodedDataLength"]
    kept = [r for r in transferred if not any(urls.get(r, "").split("?")[0].endswith(s) for s in skip)]
    return {"transfer": sum(transferred[r] for r in kept), "decoded": sum(decoded.get(r, 0) for r in kept), "files": len(kept)}


def quality(driver, base, queries_tsv, score_py, out_jsonl):
    driver.get(base + "/bench.html")
    run_js(driver, "window.vccReady")
    times = []
    with open(queries_tsv, encoding="utf-8") as table, open(out_jsonl, "w", encoding="utf-8") as out:
        for line in table:
            if not line.strip() or line.startswith("#"):
                continue
            query = line.split("\t")[0]
            result = run_js(driver, "window.vccQuery", query)
            if "error" in result:
                sys.exit(f"{query}: {result['error']}")
            times.append(result["ms"])
            out.write(json.dumps({"query": query, "results": result["urls"]}, ensure_ascii=False) + "\n")
    scored = subprocess.run([sys.executable, score_py, queries_tsv, out_jsonl], capture_output=True, text=True).stdout
    m = re.search(r"MRR@10 ([\d.]+)\s+Success@1 ([\d.]+)\s+Success@10 ([\d.]+)", scored)
    return {"mrr": float(m.group(1)), "s1": float(m.group(2)), "s10": float(m.group(3)), "ms": statistics.median(times)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--work", default="/tmp/vcc-compare")
    parser.add_argument("--vcc", default=str(REPO / ".build/release/vcc"))
    parser.add_argument("--queries", default=str(REPO.parent / "shared/search-eval/gesetze-dev-queries.tsv"))
    parser.add_argument("--score", default=str(REPO.parent / "shared/search-eval/score.py"))
    parser.add_argument("--one-word", default="Betriebsrat")
    parser.add_argument("--three-words", default="Entgeltfortzahlung Krankheit Arbeitnehmer")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    project, hugo = work / "vcc", work / "hugo"
    if not (project / "content").exists():
        subprocess.run([sys.executable, str(HERE / "prepare_corpus.py"), args.corpus, str(project)], check=True)
    subprocess.run([sys.executable, str(HERE / "hugo_site.py"), str(project), str(hugo)], check=True)
    documents = sum(1 for _ in (project / "content").rglob("*.md"))

    shutil.rmtree(project / "public", ignore_errors=True)
    vcc = timed([args.vcc, "build", "--timings", "--source", str(project)])
    vcc_index_seconds = float(re.search(r"Suchindex\s+([\d.]+) s", vcc["stderr"]).group(1))
    hugo_run = timed(["hugo", "--quiet", "--source", str(hugo)])
    import pagefind_bin
    pagefind = timed([str(pathlib.Path(pagefind_bin.__file__).parent / "pagefind"), "--site", str(hugo / "public")])

    vcc_site, pf_site = project / "public", hugo / "public"
    vcc_index = folder_bytes(vcc_site / "suche/index") + sum(folder_bytes(p) for p in (vcc_site / "assets").glob("*/search"))
    pf_index = folder_bytes(pf_site / "pagefind")
    (vcc_site / "bench.html").write_text(VCC_HARNESS, encoding="utf-8")
    assets = next((vcc_site / "assets").glob("*/search")).parent.relative_to(vcc_site)  # assets/<fingerprint>
    (vcc_site / "bench-harness.js").write_text(VCC_JS.replace("/ASSETS", f"/{assets}"), encoding="utf-8")
    (pf_site / "bench.html").write_text(VCC_HARNESS, encoding="utf-8")
    (pf_site / "bench-harness.js").write_text(PF_JS, encoding="utf-8")

    rows = {}
    driver = browser()
    try:
        for name, site in (("vcc", vcc_site), ("Pagefind 1.5.2", pf_site)):
            server, base, counts = serve(site)
            one, _ = cold_bytes(driver, base, counts, args.one_word)
            three, _ = cold_bytes(driver, base, counts, args.three_words)
            rows[name] = {"one": one, "three": three,
                          **quality(driver, base, args.queries, args.score, str(work / f"{name.split()[0]}-results.jsonl"))}
            server.shutdown()
    finally:
        driver.quit()

    rows["vcc"].update(index=vcc_index, seconds=vcc_index_seconds, total_seconds=vcc["wall"], peak=vcc["peak_mib"])
    rows["Pagefind 1.5.2"].update(index=pf_index, seconds=pagefind["wall"], total_seconds=hugo_run["wall"] + pagefind["wall"],
                                  peak=pagefind["peak_mib"])
    v, p = rows["vcc"], rows["Pagefind 1.5.2"]
    print(f"\nLaws corpus: {documents} documents; one-word query '{args.one_word}', three-word query '{args.three_words}'.\n")
    print("| measure | vcc | Pagefind 1.5.2 | vcc / Pagefind |")
    print("|---|---:|---:|---:|")
    def row(label, a, b, fmt):
        print(f"| {label} | {fmt(a)} | {fmt(b)} | {a / b:.2f} |" if b else f"| {label} | {fmt(a)} | {fmt(b)} | – |")
    kb = lambda x: f"{x / 1000:,.1f} KB"
    row("index on disk (incl. client code)", v["index"], p["index"], lambda x: f"{x / 1e6:,.1f} MB")
    row("index bytes per document", v["index"] / documents, p["index"] / documents, kb)
    row("cold one-word query, bytes downloaded", v["one"], p["one"], kb)
    row("cold three-word query, bytes downloaded", v["three"], p["three"], kb)
    row("indexing time (vcc: index step of vcc build; Pagefind: whole run)", v["seconds"], p["seconds"], lambda x: f"{x:.1f} s")
    row("pages + index (vcc build vs Hugo + Pagefind)", v["total_seconds"], p["total_seconds"], lambda x: f"{x:.1f} s")
    row("peak memory of the indexing process", v["peak"], p["peak"], lambda x: f"{x:,.0f} MiB")
    row("search() median over the eval queries, warm engine", v["ms"], p["ms"], lambda x: f"{x:.1f} ms")
    for key, label in (("mrr", "MRR@10"), ("s1", "Success@1"), ("s10", "Success@10")):
        print(f"| {label} | {v[key]:.3f} | {p[key]:.3f} | {v[key] - p[key]:+.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
