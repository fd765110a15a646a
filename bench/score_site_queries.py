#!/usr/bin/env python3
"""Scores a run of a query table whose second column holds URL paths (the sample site's table):
MRR@10, Success@1 and Success@10, and the queries whose page is not first.

usage: score_site_queries.py QUERIES.tsv RESULTS.jsonl   (RESULTS from bench/vcc_eval.py)
"""
import json
import sys


def main():
    queries = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")
               if line.strip() and not line.startswith("#")]
    results = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        entry = json.loads(line)
        results[entry["query"]] = entry["results"]
    mrr = first = top10 = 0
    for query, relevant, kind in queries:
        wanted = {r.strip() for r in relevant.split(",")}
        rank = next((i + 1 for i, url in enumerate(results.get(query, [])[:10]) if url in wanted), None)
        mrr += 1 / rank if rank else 0
        first += rank == 1
        top10 += rank is not None
        if rank != 1:
            print(f"{rank or '-':>3}  {kind:<14} {query}")
    n = len(queries)
    print(f"queries {n}  MRR@10 {mrr / n:.3f}  Success@1 {first / n:.3f}  Success@10 {top10 / n:.3f}")


if __name__ == "__main__":
    main()
