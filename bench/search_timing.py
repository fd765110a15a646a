#!/usr/bin/env python3
"""The reference engine's search() time: `vcc search --repeat RUNS` for every query of a table.

usage: search_timing.py VCC SITE QUERIES.tsv [RUNS]

Each query runs in its own process: once cold (index files read), then RUNS-1 times warm; vcc
prints the median of the warm runs. Prints each query's median and the median and sum over the
queries. The JS engine's counterpart is search_timing.mjs.
"""
import re
import statistics
import subprocess
import sys


def main() -> int:
    vcc, site, table = sys.argv[1:4]
    runs = sys.argv[4] if len(sys.argv) > 4 else "16"
    medians = []
    for line in open(table, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        query = line.split("\t")[0]
        done = subprocess.run([vcc, "search", "--site", site, "--json", "--limit", "10", "--repeat", runs, "--", query],
                              capture_output=True, text=True, check=True)
        ms = float(re.search(r"Median: ([\d.]+) ms", done.stderr).group(1))
        medians.append(ms)
        print(f"{ms:9.3f} ms  {query}")
    print(f"Swift search() median over {len(medians)} queries: {statistics.median_high(medians):.3f} ms; sum of the medians {sum(medians):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
