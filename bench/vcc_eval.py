#!/usr/bin/env python3
"""Runs the search-eval queries through `vcc search --json` and writes RESULTS.jsonl for score.py.

usage: vcc_eval.py VCC SITE QUERIES.tsv RESULTS.jsonl
"""
import json
import subprocess
import sys


def main() -> int:
    vcc, site, queries, out = sys.argv[1:5]
    with open(queries, encoding="utf-8") as table, open(out, "w", encoding="utf-8") as results:
        for line in table:
            if not line.strip() or line.startswith("#"):
                continue
            query = line.split("\t")[0]
            # A query typed and then left (no trailing space) is still a prefix: as in the browser.
            found = json.loads(subprocess.run([vcc, "search", "--site", site, "--json", "--limit", "10", "--", query],
                                              capture_output=True, text=True, check=True).stdout)
            results.write(json.dumps({"query": query, "results": [r["url"] for r in found["results"]]}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
