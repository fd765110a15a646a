#!/usr/bin/env python3
"""vcc search against Pagefind on the sample site (or another vcc project), on the same built site.

usage: compare_site_search.py [--source DIR] [--vcc PATH] [--queries TSV] [--work DIR]

Builds the project with `vcc build`, indexes the very same public/ folder with Pagefind 1.5.2
(PyPI pagefind-bin; it reads every page's <body>), and runs the query table (second column: URL
paths, see search-eval-own/README.md) through both engines in headless Chromium, each through the
harness of compare_search.py. Prints MRR@10, Success@1 and Success@10 per engine and per kind, and
the queries whose page is not first. Needs chromium, chromium-driver, PyPI selenium, pagefind-bin.
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from compare_search import PF_JS, VCC_HARNESS, VCC_JS, browser, run_js, serve  # noqa: E402


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
    parser.add_argument("--queries", default=str(HERE / "search-eval-own/sample-site-queries.tsv"))
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

    rows = queries_of(args.queries)
    scored, answers_of = {}, {}
    driver = browser()
    try:
        for name, folder in (("vcc", site), ("Pagefind 1.5.2", pf_site)):
            server, base, _ = serve(folder)
            driver.get(base + "/bench.html")
            run_js(driver, "window.vccReady")
            answers = {}
            for query, _, _ in rows:
                result = run_js(driver, "window.vccQuery", query)
                if "error" in result:
                    sys.exit(f"{name}: {query}: {result['error']}")
                answers[query] = result["urls"]
            server.shutdown()
            (work / f"{name.split()[0]}-results.jsonl").write_text(
                "".join(json.dumps({"query": q, "results": answers[q]}, ensure_ascii=False) + "\n" for q, _, _ in rows), encoding="utf-8")
            scored[name] = score(rows, answers)
            answers_of[name] = answers
    finally:
        driver.quit()

    (v, v_miss), (p, _) = scored["vcc"], scored["Pagefind 1.5.2"]
    print(f"\n{len(rows)} queries of {pathlib.Path(args.queries).name}, same built site for both engines.\n")
    print("| query kind (n) | vcc MRR@10 | Pagefind MRR@10 | vcc S@1 | Pagefind S@1 | vcc S@10 | Pagefind S@10 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    # The third round's task queries (kinds task, family, thesaurus, partial) as one row too.
    task_kinds = {"task", "family", "thesaurus", "partial"}
    task_rows = [row for row in rows if row[2] in task_kinds]
    if task_rows:
        v["task set"] = score(task_rows, answers_of["vcc"])[0]["all"]
        p["task set"] = score(task_rows, answers_of["Pagefind 1.5.2"])[0]["all"]
    for kind in ["all", "task set", *sorted(k for k in v if k not in ("all", "task set"))]:
        if kind not in v:
            continue
        n, vm, v1, v10 = v[kind]
        _, pm, p1, p10 = p.get(kind, (n, 0, 0, 0))
        print(f"| {kind} ({n}) | {vm:.3f} | {pm:.3f} | {v1:.3f} | {p1:.3f} | {v10:.3f} | {p10:.3f} |")
    print("\nvcc, queries whose page is not first:")
    for rank, kind, query, urls in v_miss:
        print(f"  {rank or '-':>3}  {kind:<10} {query}  -> {urls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
