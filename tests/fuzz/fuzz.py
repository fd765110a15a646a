#!/usr/bin/env python3
"""Fuzz harness for `vcc build` and `vcc search` (Python 3 standard library only).

Each case writes a small valid project into a fresh temp folder, builds it once, snapshots the
temp folder, applies 1-3 random mutations (front matter, Markdown, file names, templates,
site.yml, command line, links to files outside the project, content files of every extension,
damaged search indexes, URL syntax for `vcc check --external`) and builds again, checking
invariants on exit code, stdout/stderr, the output and the file system. A case is reproducible
from its seed and number: `--seed S --case K`.
See tests/fuzz/README.md.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vccfuzz.project import FIXED_SEED  # noqa: E402  (tests/fuzz/vccfuzz/)
from vccfuzz.runner import MUTATORS, keep_failure, run_cases  # noqa: E402


def printable(text):
    """Text with control characters escaped, so that a report stays readable in a terminal."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", lambda m: f"\\x{ord(m.group()):02x}", text)


def report_failure(result, saved):
    print(f"\nFAIL seed={result['seed']} case={result['index']} [{', '.join(result['families'])}]")
    for mutation in result["mutations"]:
        print(f"  mutation: {printable(mutation)}")
    for sig, detail in result["problems"]:
        print(f"  invariant violated: {sig} ({printable(detail[:300])})")
    print(f"  result: {', '.join(result['codes'])}")
    for line in [line for line in result["stderr"].splitlines() if line.strip()][:8]:
        print(f"  | {printable(line[:200])}")
    print(f"  reproduce: --seed {result['seed']} --case {result['index']}; project saved in {saved}", flush=True)


def print_summary(signatures, slowest, per_family):
    """Failures grouped by invariant, cases per family, and the slowest mutated builds."""
    example = lambda seed, index, mutations: f"--seed {seed} --case {index}: {printable('; '.join(m[:80] for m in mutations))}"
    if signatures:
        print("\nfailures by invariant (count, first examples):")
        for sig, cases in sorted(signatures.items(), key=lambda item: -len(item[1])):
            print(f"  {len(cases):4}  {sig}")
            for case in cases[:3]:
                print("          " + example(*case))
    print("\ncases per family (run, failed):")
    for family, (run, failed) in sorted(per_family.items()):
        print(f"  {family:15} {run:5} {failed:5}")
    print("\nslowest mutated builds (a hang counts as its timeout):")
    for secs, *case in reversed(slowest):
        print(f"  {secs:6.1f} s  " + example(*case))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vcc", required=True, help="path to the vcc binary")
    ap.add_argument("--budget", type=float, default=150, help="seconds after which no new case starts (default 150)")
    ap.add_argument("--seed", type=int, help="run only this seed (default: the fixed seed, then a random one)")
    ap.add_argument("--case", type=int, help="run only this case number (of --seed, or of the fixed seed)")
    ap.add_argument("--cases", type=int, default=1_000_000, help="at most this many cases in total")
    ap.add_argument("--keep-failures", help="folder for failed cases (default: a new temp folder)")
    ap.add_argument("--jobs", type=int, default=2, help="cases run in parallel (default 2)")
    ap.add_argument("--families", help=f"comma-separated families to draw from (default all: {','.join(sorted(MUTATORS))})")
    args = ap.parse_args()
    vcc = os.path.abspath(args.vcc)
    families = sorted(set(args.families.split(","))) if args.families else None
    if families and not set(families) <= set(MUTATORS):
        ap.error(f"unknown families: {', '.join(sorted(set(families) - set(MUTATORS)))}")
    help_text = subprocess.run([vcc, "check", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    if "--allow-internal" not in help_text or "--deadline" not in help_text:
        print("note: family external_links skipped: `vcc check --help` names no --allow-internal/--deadline", flush=True)
        del MUTATORS["external_links"]
        families = [f for f in families if f != "external_links"] if families else None
        if families == []:
            ap.error("no family left to run")
    scratch = None  # the system's temp folder
    keep_dir = args.keep_failures or tempfile.mkdtemp(prefix="vcc-fuzz-failures-")
    os.makedirs(keep_dir, exist_ok=True)
    start = time.monotonic()
    if args.seed is not None or args.case is not None:
        phases = [(FIXED_SEED if args.seed is None else args.seed, args.cases, start + args.budget)]
    else:
        second = random.SystemRandom().randrange(1, 2**31)
        phases = [(FIXED_SEED, (args.cases + 1) // 2, start + args.budget / 2), (second, args.cases // 2, start + args.budget)]
    print(f"vcc fuzz: {vcc}, {args.jobs} jobs, budget {args.budget:.0f} s, failed cases saved in {keep_dir}", flush=True)
    passed = failed = 0
    seconds, signatures, slowest, per_family = [], {}, [], {}
    for seed, max_cases, deadline in phases:
        print(f"seed {seed} (rerun one case with --seed {seed} --case K)", flush=True)
        indices = [args.case] if args.case is not None else range(max_cases)
        for result in run_cases(vcc, seed, indices, deadline, args.jobs, scratch, families):
            seconds.append(result["seconds"])
            slowest = sorted(slowest + [(result["build_seconds"], seed, result["index"], result["mutations"])])[-5:]
            for family in result["families"] or ["(none: harness error)"]:
                run, fails = per_family.get(family, (0, 0))
                per_family[family] = (run + 1, fails + bool(result["problems"]))
            if not result["problems"]:
                passed += 1
                continue
            failed += 1
            for sig in dict.fromkeys(sig for sig, _ in result["problems"]):
                signatures.setdefault(sig, []).append((seed, result["index"], result["mutations"]))
            try:
                saved = keep_failure(vcc, result, keep_dir, families)
            except Exception as e:
                saved = f"(not saved: {e!r})"
            report_failure(result, saved)
    print_summary(signatures, slowest, per_family)
    if seconds:
        print(f"\n{len(seconds)} cases in {time.monotonic() - start:.0f} s, {sum(seconds) / len(seconds):.2f} s per case")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
