#!/usr/bin/env python3
"""Compares two vcc binaries on one project, alternating their runs so that the host's drift hits both.

usage: ab.py VCC_A VCC_B PROJECT [--runs 5]

Each run builds into a folder that did not exist before; all are removed at the end, and the next
use of this script (or performance.py) waits until that deletion is six minutes old before timing
(ext4 skips recently freed inodes while creating files, a kernel cost of seconds that depends on
the timing of the deletion, not on the binary: see settle.py). Each run is timed with /usr/bin/time. Prints the median wall and CPU time of each binary and the ratio B/A, and checks
that both produced byte-identical sites.
"""
import argparse
import filecmp
import pathlib
import re
import shutil
import statistics
import subprocess
import sys

from settle import remove, settle


def run(vcc, project, output):
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", vcc, "build", "--source", str(project),
                             "--output", str(output)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{vcc} failed:\n{result.stderr[-2000:]}")
    wall, user, system, peak = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", result.stderr).groups()
    return float(wall), float(user) + float(system), int(peak) / 1024


def differences(a, b):
    comparison = filecmp.dircmp(a, b)
    found = [str(pathlib.Path(a) / name) for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    # dircmp compares by size and time only when shallow; compare contents of the common files.
    _, mismatch, errors = filecmp.cmpfiles(a, b, comparison.common_files, shallow=False)
    found += [str(pathlib.Path(a) / name) for name in mismatch + errors]
    for sub in comparison.common_dirs:
        found += differences(pathlib.Path(a) / sub, pathlib.Path(b) / sub)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("project", type=pathlib.Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=pathlib.Path, default=pathlib.Path("/tmp/vcc-ab"))
    args = parser.parse_args()
    samples = {"a": [], "b": []}
    remove(args.work)
    settle()
    args.work.mkdir(parents=True)
    for index in range(args.runs):
        order = ("a", "b") if index % 2 == 0 else ("b", "a")
        for key in order:
            samples[key].append(run(getattr(args, key), args.project, args.work / f"{key}-{index}"))
    for key in ("a", "b"):
        walls, cpus, peaks = zip(*samples[key])
        print(f"{key}: wall {statistics.median(walls):6.2f} s  CPU {statistics.median(cpus):6.2f} s  "
              f"peak {statistics.median(peaks):6.0f} MiB  walls {' '.join(f'{w:.2f}' for w in walls)}")
    wall_ratio = statistics.median(w for w, _, _ in samples["b"]) / statistics.median(w for w, _, _ in samples["a"])
    cpu_ratio = statistics.median(c for _, c, _ in samples["b"]) / statistics.median(c for _, c, _ in samples["a"])
    print(f"b/a: wall {wall_ratio:.3f}  CPU {cpu_ratio:.3f}")
    last = args.runs - 1
    found = differences(args.work / f"a-{last}", args.work / f"b-{last}")
    print("output identical" if not found else f"OUTPUT DIFFERS in {len(found)} files, e.g. {found[:5]}")
    remove(args.work)


if __name__ == "__main__":
    main()
