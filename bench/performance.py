#!/usr/bin/env python3
"""Build speed and memory of vcc against Hugo + Pagefind, scaling, and preview latency.

usage: performance.py CORPUS.tar.xz [--runs 3] [--work DIR] [--vcc PATH] [--scaling 1000,10000,50000] [--scaling-output DIR]
                      [--only-scaling | --only-preview]

In one run on one machine, with /usr/bin/time for wall time, CPU time and peak memory and the
median of --runs runs each (every run writes into a new folder, see FreshOutputs; vcc and Hugo
take turns, run by run, so that the host's drift hits both alike):
  1. the laws corpus converted to vcc content (prepare_corpus.py) and to a minimal Hugo site;
  2. `vcc build` (pages and search index) of the full corpus and of a 1,000-law subset;
  3. `hugo` and then Pagefind (PyPI pagefind-bin) on the same Markdown;
  4. synthetic sites (synthetic.py) of the given sizes, taking turns run by run, and how far 50k
     lies off the straight line through 1k and 10k;
  5. `vcc serve` on the full corpus: the time from saving one edited law to the new page being
     served (median of 5 edits).
Prints Markdown tables.
"""
import argparse
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

from settle import remove, settle

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent


class FreshOutputs:
    """Every timed run writes into a folder that did not exist before; all of them are removed when
    the benchmark ends.

    Building into a folder whose previous contents were just deleted costs far more on this
    machine's ext4 (no journal): allocating an inode skips every inode of the group deleted in the
    last seconds to minutes (`recently_deleted`), so a 10k-page build took 12-17 s right after
    deleting its previous output and 7.5 s into a new folder. That penalty depends on what the
    benchmark did just before, not on the tool, so no run pays it.
    """

    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.count = 0

    def next(self, name):
        self.count += 1
        path = self.root / f"{name}-{self.count}"
        while path.exists():
            self.count += 1
            path = self.root / f"{name}-{self.count}"
        return path

    def remove_all(self):
        remove(self.root)


OUTPUTS = None


def timed(command, cwd=None):
    """One run: (wall s, CPU s, peak MiB)."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M", *command], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stderr[-2000:]}")
    wall, user, system, peak = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", result.stderr).groups()
    return float(wall), float(user) + float(system), int(peak) / 1024


def medians(samples):
    return {"wall": statistics.median(s[0] for s in samples), "cpu": statistics.median(s[1] for s in samples),
            "peak": statistics.median(s[2] for s in samples), "runs": len(samples)}


def measure(make_command, name, runs):
    """`make_command(output)` is the command that writes into the fresh folder `output` (in the
    benchmark's own folder)."""
    return medians([timed(make_command(OUTPUTS.next(name))) for _ in range(runs)])


def is_tmpfs(path):
    """Whether `path` (existing or not) lies on a tmpfs: the file system of its longest mount point."""
    path = str(pathlib.Path(path).resolve())
    best, kind = "", ""
    with open("/proc/mounts") as mounts:
        for line in mounts:
            fields = line.split()
            if len(fields) < 3:
                continue
            point = fields[1].replace("\\040", " ")
            inside = path == point or path.startswith(point.rstrip("/") + "/")
            if inside and len(point) > len(best):
                best, kind = point, fields[2]
    return kind == "tmpfs"


def measure_alternating(jobs, runs):
    """Runs each (make_command, name) job once per round, in turn, so that the host's drift over the
    minutes of a benchmark hits every tool alike; returns the medians per job."""
    samples = [[] for _ in jobs]
    for _ in range(runs):
        for index, (make_command, name) in enumerate(jobs):
            samples[index].append(timed(make_command(OUTPUTS.next(name))))
    return [medians(s) for s in samples]


def pagefind_binary():
    import pagefind_bin
    return str(pathlib.Path(pagefind_bin.__file__).parent / "pagefind")


def anchors(project, hugo, runs, vcc):
    v, h = measure_alternating([
        (lambda out: [vcc, "build", "--source", str(project), "--output", str(out)], "vcc"),
        (lambda out: ["hugo", "--quiet", "--source", str(hugo), "--destination", str(out)], "hugo"),
    ], runs)
    # Pagefind needs Hugo's output: built once more, kept, and indexed into a fresh folder each run.
    site = OUTPUTS.next("hugo-for-pagefind")
    subprocess.run(["hugo", "--quiet", "--source", str(hugo), "--destination", str(site)], check=True)
    p = measure(lambda out: [pagefind_binary(), "--site", str(site), "--output-path", str(out)], "pagefind", runs)
    return v, h, p


def preview_latency(project, vcc, edits=5, idle_seconds=25):
    # The edited law is put back even when the benchmark is interrupted: a stray edit would
    # otherwise stay in the corpus that every later run builds.
    restore = []
    process = subprocess.Popen([vcc, "serve", "--source", str(project), "--port", "0", "--stop-after", "600"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if not match:
            sys.exit("vcc serve did not start: " + line)
        base = match.group(1)
        log = []  # The server's lines: page rebuilds and search index updates with their times.
        threading.Thread(target=lambda: log.extend(iter(process.stderr.readline, "")), daemon=True).start()
        # The preview builds the search index in the background after the first build; an author
        # starts editing once the preview is up, so measure edits on an idle server.
        time.sleep(idle_seconds)
        law = next(p for p in sorted((project / "content").rglob("index.md")) if p.stat().st_size > 20_000)
        url = base + "/" + str(law.parent.relative_to(project / "content")) + "/"
        original = law.read_text(encoding="utf-8")
        restore.append(lambda: law.write_text(original, encoding="utf-8"))
        samples = []
        for edit in range(edits):
            marker = f"Vorschau-Markierung-{edit}"
            law.write_text(original.replace("\n## ", f"\n## {marker} ", 1), encoding="utf-8")
            saved = time.perf_counter()
            while True:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if marker in response.read().decode("utf-8"):
                        break
                if time.perf_counter() - saved > 30:
                    sys.exit("preview did not pick up the edit")
                time.sleep(0.002)
            samples.append((time.perf_counter() - saved) * 1000)
            time.sleep(idle_seconds)  # Let the background index rebuild of this edit finish.
        updates = [int(m.group(1)) for line in log for m in [re.search(r"Suchindex aktualisiert in (\d+) ms", line)] if m]
        return statistics.median(samples), law.stat().st_size, (statistics.median(updates) if updates else None)
    finally:
        process.kill()
        for undo in restore:
            undo()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/vcc-performance")
    parser.add_argument("--vcc", default=str(REPO / ".build/release/vcc"))
    parser.add_argument("--scaling", default="1000,10000,50000")
    parser.add_argument("--scaling-output", help="write the scaling runs' sites here (a tmpfs such as /dev/shm "
                        "measures vcc without the file system's cost of creating ~150,000 files in one run; "
                        "on a tmpfs each run's site is removed right after the run)")
    parser.add_argument("--only-preview", action="store_true", help="measure only vcc serve")
    parser.add_argument("--only-scaling", action="store_true", help="measure only the synthetic sites")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    global OUTPUTS
    OUTPUTS = FreshOutputs(work / "outputs")
    try:
        run(args, work)
    finally:
        OUTPUTS.remove_all()


def run(args, work):
    if args.only_scaling:
        print_machine(args.runs, "the sizes take turns.")
        measure_scaling(args, work)
        return
    full, subset = work / "laws", work / "laws-1000"
    if not (full / "content").exists():
        subprocess.run([sys.executable, str(HERE / "prepare_corpus.py"), args.corpus, str(full)], check=True)
    if not (subset / "content").exists():
        subprocess.run([sys.executable, str(HERE / "prepare_corpus.py"), args.corpus, str(subset), "--limit", "1000"], check=True)

    if args.only_preview:
        print_preview(*preview_latency(full, args.vcc))
        return
    compare_with_hugo(args, work, full, subset)
    measure_scaling(args, work)
    print()
    print_preview(*preview_latency(full, args.vcc))


def compare_with_hugo(args, work, full, subset):
    # The Hugo sites are made afresh (deleting the last ones) before the pause, not between timings.
    for project in (full, subset):
        subprocess.run([sys.executable, str(HERE / "hugo_site.py"), str(project), str(work / (project.name + "-hugo"))], check=True)
    settle()
    print_machine(args.runs, "every run writes into a new folder.\n")
    print("| corpus | tool | wall | CPU | peak memory |")
    print("|---|---|---:|---:|---:|")
    ratios = []
    for name, project in (("laws, 6,636", full), ("laws, 1,000", subset)):
        v, h, p = anchors(project, work / (project.name + "-hugo"), args.runs, args.vcc)
        for tool, m in (("vcc build (pages + index)", v), ("Hugo 0.111 (pages)", h), ("Pagefind 1.5.2 (index)", p)):
            print(f"| {name} | {tool} | {m['wall']:.2f} s | {m['cpu']:.2f} s | {m['peak']:,.0f} MiB |")
        print(f"| {name} | Hugo + Pagefind | {h['wall'] + p['wall']:.2f} s | {h['cpu'] + p['cpu']:.2f} s | {max(h['peak'], p['peak']):,.0f} MiB |")
        ratios.append((name, v['wall'] / h['wall'], v['wall'] / (h['wall'] + p['wall']), v['peak'] / 1024))
    print("\n| corpus | vcc / Hugo (wall) | vcc / (Hugo + Pagefind) (wall) | vcc peak |")
    print("|---|---:|---:|---:|")
    for name, a, b, peak in ratios:
        print(f"| {name} | {a:.2f}x | {b:.2f}x | {peak:.2f} GiB |")


def measure_scaling(args, work):
    sizes = [int(x) for x in args.scaling.split(",") if x]
    if sizes:
        # Only on a tmpfs is a site removed right after its run (below); elsewhere the runs keep
        # their folders until the end, as every other timed run does (FreshOutputs).
        on_tmpfs = bool(args.scaling_output) and is_tmpfs(args.scaling_output)
        scaling_outputs = FreshOutputs(pathlib.Path(args.scaling_output) / "vcc-scaling") if args.scaling_output else OUTPUTS
        print(f"\nScaling, sites written to {args.scaling_output or 'the benchmark folder'}"
              f"{' (a tmpfs: each removed after its run)' if on_tmpfs else ''}:")
        print("\n| synthetic pages | Markdown | wall | CPU | peak memory |")
        print("|---:|---:|---:|---:|---:|")
        projects = {}
        for size in sizes:
            project = work / f"synthetic-{size}"
            if not (project / "content").exists():
                subprocess.run([sys.executable, str(HERE / "synthetic.py"), str(size), str(project)], check=True)
            projects[size] = project
        settle()  # after generating the sites, before timing them
        # The sizes take turns, round by round, like vcc and Hugo above: measured one size after the
        # other, the largest came last, after ten minutes of laws, Hugo and Pagefind, and alone took
        # the host's drift of that time. On a tmpfs each run's site is removed right after the run
        # (deleting there costs later runs nothing, unlike on ext4): five kept 50k sites held 4.5 GB
        # of memory, which the kernel had to reclaim from the page cache for the next builds, a cost
        # only the largest size paid.
        samples = {size: [] for size in sizes}
        try:
            for _ in range(args.runs):
                for size in sizes:
                    out = scaling_outputs.next(f"synthetic-{size}")
                    samples[size].append(timed([args.vcc, "build", "--source", str(projects[size]), "--output", str(out)]))
                    if on_tmpfs:
                        shutil.rmtree(out, ignore_errors=True)
        finally:
            if on_tmpfs:
                shutil.rmtree(scaling_outputs.root, ignore_errors=True)  # nothing to settle on a tmpfs
            elif args.scaling_output:
                scaling_outputs.remove_all()
        points = {}
        for size in sizes:
            m = points[size] = medians(samples[size])
            megabytes = sum(f.stat().st_size for f in (projects[size] / "content").rglob("*.md")) / 1e6
            print(f"| {size:,} | {megabytes:,.0f} MB | {m['wall']:.2f} s | {m['cpu']:.2f} s | {m['peak']:,.0f} MiB |")
        if len(sizes) >= 3:
            a, b, c = sizes[0], sizes[1], sizes[-1]
            for key, label in (("wall", "time"), ("cpu", "CPU time"), ("peak", "memory")):
                slope = (points[b][key] - points[a][key]) / (b - a)
                predicted = points[a][key] + slope * (c - a)
                print(f"\n{label} at {c:,}: measured {points[c][key]:.2f}, straight line through {a:,} and {b:,} predicts "
                      f"{predicted:.2f} ({(points[c][key] / predicted - 1) * 100:+.1f} %)")


def print_machine(runs, protocol):
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    print(f"Machine: {cores} cores; median of {runs} runs; {protocol}")


def print_preview(latency, size, index_update):
    print(f"vcc serve on the full corpus: edited law ({size / 1000:.0f} KB) served {latency:.0f} ms after the save (median of 5).")
    if index_update is not None:
        print(f"Its search index update (record + shards of its terms, in the background): {index_update:.0f} ms (median, server log).")


if __name__ == "__main__":
    main()
