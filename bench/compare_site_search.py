#!/usr/bin/env python3
"""vcc search against Pagefind on the sample site (or another vcc project), on the same built site.

usage: compare_site_search.py [--source DIR] [--vcc PATH] [--queries TSV ...] [--work DIR] [--one-word WORD]

Builds the project with `vcc build`, indexes the very same public/ folder with Pagefind 1.5.2
(PyPI pagefind-bin; it reads every page's <body>), and runs the query tables (second column: URL
paths, see search-eval-own/README.md) through both engines in headless Chromium, each through the
harness of compare_search.py. Prints, per table and for all tables together, MRR@10, Success@1 and
Success@10 per engine and per kind, and the queries whose page is not first; then the bytes a cold
browser downloads for a one-word query (counted by the server and by Chromium's DevTools Network events)
and the median search() time of both engines. Needs chromium, chromium-driver, PyPI selenium,
pagefind-bin.
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import statistics
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from compare_search import PF_JS, VCC_HARNESS, VCC_JS, browser, cold_bytes, network_bytes, run_js, serve  # noqa: E402

TASK_KINDS = {"task", "family", "thesaurus", "partial"}
DEFAULT_TABLES = [HERE / "search-eval-own/sample-site-queries.tsv", HERE / "search-eval-own/sample-site-heldout-queries.tsv"]


def queries_of(table):
    rows = []
    for line in open(table, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            query, relevant, kind = line.rstrip("\n").split("\t")[:3]
            rows.append((query, [r.strip() for r in relevant.split(",")], kind))
    return rows


def score(rows, answers):
    """MRR@10, Success@1, Success@10 over `rows`, per kind too; and the misses (rank != 1)."""
    totals, misses = {}, []
    for query, relevant, kind in rows:
        urls = [u.split("#")[0] for u in answers.get(query, [])][:10]
        rank = next((i + 1 for i, url in enumerate(urls) if url in relevant), None)
        for key in ("all", kind):
            t = totals.setdefault(key, [0, 0.0, 0, 0])
            t[0] += 1
            t[1] += 1 / rank if rank else 0
            t[2] += rank == 1
            t[3] += rank is not None
        if rank != 1:
            misses.append((rank, kind, query, urls[:3]))
    return {k: (n, mrr / n, s1 / n, s10 / n) for k, (n, mrr, s1, s10) in totals.items()}, misses


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default=str(REPO))
    parser.add_argument("--vcc", default=str(REPO / ".build/release/vcc"))
    parser.add_argument("--queries", action="append", help="a query table; repeat for several (default: the older and the held-out table)")
    parser.add_argument("--one-word", default="Posteingang", help="the cold one-word query")
    parser.add_argument("--work", default="/tmp/vcc-compare-site")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    site = work / "public"
    subprocess.run([args.vcc, "build", "--source", args.source, "--output", str(site)], check=True, capture_output=True)
    # Pagefind indexes a copy of the same HTML, so that neither index sees the other's files.
    pf_site = work / "pagefind-site"
    shutil.copytree(site, pf_site, ignore=shutil.ignore_patterns("suche"))
    import pagefind_bin
    subprocess.run([str(pathlib.Path(pagefind_bin.__file__).parent / "pagefind"), "--site", str(pf_site)],
                   check=True, capture_output=True)
    assets = next((site / "assets").glob("*/search")).parent.relative_to(site)
    for folder, script in ((site, VCC_JS.replace("/ASSETS", f"/{assets}")), (pf_site, PF_JS)):
        (folder / "bench.html").write_text(VCC_HARNESS, encoding="utf-8")
        (folder / "bench-harness.js").write_text(script, encoding="utf-8")

    tables = [(pathlib.Path(t).name, queries_of(t)) for t in (args.queries or DEFAULT_TABLES)]
    rows = [row for _, table in tables for row in table]
    answers_of, times_of, cold = {}, {}, {}
    driver = browser(network_log=True)
    try:
        for name, folder in (("vcc", site), ("Pagefind 1.5.2", pf_site)):
            server, base, counts = serve(folder)
            # Cold: a fresh page, the browser cache disabled (compare_search.browser); both counts.
            network_bytes(driver)  # forget what came before
            served, _ = cold_bytes(driver, base, counts, args.one_word)
            cold[name] = {"served": served, **network_bytes(driver)}
            driver.get(base + "/bench.html")
            run_js(driver, "window.vccReady")
            answers, times = {}, []
            for query, _, _ in rows:
                if query in answers:
                    continue
                result = run_js(driver, "window.vccQuery", query)
                if "error" in result:
                    sys.exit(f"{name}: {query}: {result['error']}")
                answers[query] = result["urls"]
                times.append(result["ms"])
            server.shutdown()
            (work / f"{name.split()[0]}-results.jsonl").write_text(
                "".join(json.dumps({"query": q, "results": answers[q]}, ensure_ascii=False) + "\n" for q in answers), encoding="utf-8")
            answers_of[name] = answers
            times_of[name] = statistics.median(times)
    finally:
        driver.quit()

    for title, table in [*tables, *([("all tables together", rows)] if len(tables) > 1 else [])]:
        print_table(title, table, answers_of)
    v, p = cold["vcc"], cold["Pagefind 1.5.2"]
    # The DevTools events of the page do not include requests of workers (Pagefind searches in one),
    # so the server's count is the comparison; the events confirm it for vcc (no worker).
    print(f"\nCold one-word query `{args.one_word}` on this site (everything after the harness page, cache disabled;"
          " the DevTools rows see the page's own requests only, not those of Pagefind's worker):\n")
    print("| measure | vcc | Pagefind 1.5.2 | vcc / Pagefind |")
    print("|---|---:|---:|---:|")
    for key, label in (("served", "body bytes the server sent"), ("transfer", "DevTools: bytes transferred (encodedDataLength)"),
                       ("decoded", "DevTools: body bytes received"), ("files", "DevTools: requests")):
        print(f"| {label} | {v[key]:,} | {p[key]:,} | {v[key] / p[key]:.2f} |")
    tv, tp = times_of["vcc"], times_of["Pagefind 1.5.2"]
    print(f"| search() median over the queries, warm, ms | {tv:.2f} | {tp:.2f} | {tv / tp:.2f} |")
    return 0


def print_table(title, rows, answers_of):
    """One Markdown table per query set: every kind, the task kinds together, and vcc's misses."""
    v, v_miss = score(rows, answers_of["vcc"])
    p, _ = score(rows, answers_of["Pagefind 1.5.2"])
    print(f"\n{title}: {len(rows)} queries, same built site for both engines.\n")
    print("| query kind (n) | vcc MRR@10 | Pagefind MRR@10 | vcc − Pagefind | vcc S@1 | Pagefind S@1 | vcc S@10 | Pagefind S@10 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    # The third round's task queries (kinds task, family, thesaurus, partial) as one row too.
    task_rows = [row for row in rows if row[2] in TASK_KINDS]
    if task_rows and len(task_rows) < len(rows):
        v["task kinds"] = score(task_rows, answers_of["vcc"])[0]["all"]
        p["task kinds"] = score(task_rows, answers_of["Pagefind 1.5.2"])[0]["all"]
    for kind in ["all", "task kinds", *sorted(k for k in v if k not in ("all", "task kinds"))]:
        if kind not in v:
            continue
        n, vm, v1, v10 = v[kind]
        _, pm, p1, p10 = p.get(kind, (n, 0, 0, 0))
        print(f"| {kind} ({n}) | {vm:.3f} | {pm:.3f} | {vm - pm:+.3f} | {v1:.3f} | {p1:.3f} | {v10:.3f} | {p10:.3f} |")
    print("\nvcc, queries whose page is not first:")
    for rank, kind, query, urls in v_miss:
        print(f"  {rank or '-':>3}  {kind:<10} {query}  -> {urls}")


if __name__ == "__main__":
    sys.exit(main())
