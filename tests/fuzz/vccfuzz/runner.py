"""The mutation families, preparing and running one case, saving a failed case, running cases in parallel."""
import concurrent.futures as futures
import os
import random
import shutil
import tempfile
import time
import traceback

from .contentfiles import mutate_content_files
from .documents import mutate_file_names, mutate_front_matter, mutate_markdown
from .externallinks import mutate_external_links
from .invariants import check_build, check_external, check_search
from .outside import mutate_outside_files
from .output import output_files
from .process import describe, run_vcc, snapshot
from .project import BASE, BUILD_TIMEOUT, CHECK_TIMEOUT, SEARCH_TIMEOUT, SECRET_ENV, Case, write
from .searchindex import mutate_search_index
from .settings import mutate_command_line, mutate_site_yml, mutate_templates


MUTATORS = {"front_matter": mutate_front_matter, "markdown": mutate_markdown, "file_names": mutate_file_names,
            "templates": mutate_templates, "site_yml": mutate_site_yml, "command_line": mutate_command_line,
            "outside_files": mutate_outside_files, "content_files": mutate_content_files, "search_index": mutate_search_index,
            "external_links": mutate_external_links}


def prepare_case(vcc, seed, index, root, families=None):
    """Writes the base project into root, builds it (must succeed) and applies 1-3 mutations.
    Returns the case and the output files of the base build."""
    rng = random.Random(f"{seed}:{index}")
    case = Case(seed, index, root)
    for rel, text in BASE.items():
        write(os.path.join(case.proj, rel), text)
    code, err, _, _ = run_vcc(vcc, ["build"], case.proj, BUILD_TIMEOUT, case.env)
    if code != 0:
        raise RuntimeError(f"the base project does not build ({describe(code)}): {err[:500]}")
    base_files = frozenset(rel for rel, _ in output_files(os.path.join(case.proj, "public")))
    pool = sorted(families or MUTATORS)
    case.families = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    # Links to devices and FIFOs go in last, so that no other mutation reads or writes through them.
    case.families.sort(key=lambda family: family == "outside_files")
    case.mutations = [MUTATORS[family](rng, case) for family in case.families]
    return case, base_files


def run_case(vcc, seed, index, scratch, families=None):
    """Runs one case in its own temp folder; returns a result dict (no problems = every invariant held)."""
    root = tempfile.mkdtemp(prefix=f"vcc-fuzz-{seed}-{index}-", dir=scratch)
    started = time.monotonic()
    result = {"seed": seed, "index": index, "problems": [], "codes": [], "stderr": "", "mutations": [], "families": [],
              "build_seconds": 0.0}
    case = None
    try:
        case, base_files = prepare_case(vcc, seed, index, root, families)
        result.update(mutations=case.mutations, families=case.families)
        before = snapshot(root)
        code, err, result["build_seconds"], out = run_vcc(vcc, case.build_args, case.proj, BUILD_TIMEOUT, case.env)
        result["problems"] = check_build(case, code, err, before, snapshot(root), out, base_files)
        result["codes"].append("build " + describe(code))
        result["stderr"] = err
        for args, kind in case.search_runs:
            if not os.path.isdir(case.proj):
                break
            scode, serr, _, sout = run_vcc(vcc, args, case.proj, SEARCH_TIMEOUT, case.env)
            result["codes"].append("search " + describe(scode))
            found = check_search(case, kind, args, scode, serr, sout)
            if found:
                result["problems"] += found
                result["stderr"] += "\n[search] " + serr
        for args, expectation in case.check_runs:
            if not os.path.isdir(case.proj):
                break
            counted = case.server.snapshot()
            ccode, cerr, seconds, cout = run_vcc(vcc, args, case.proj, CHECK_TIMEOUT, case.env)
            result["codes"].append(f"check{' --allow-internal' if expectation == 'bounded' else ''} {describe(ccode)} "
                                   f"({seconds:.1f} s, {case.server.snapshot()[0] - counted[0]} connections)")
            found = check_external(case, args, expectation, ccode, cerr, cout, seconds, counted)
            if found:
                result["problems"] += found
                result["stderr"] += "\n[check] " + "\n".join(cerr.splitlines()[:4])
    except Exception as e:  # a harness problem is reported like a failure, it does not stop the run
        where = traceback.extract_tb(e.__traceback__)[-1]
        result["problems"].append(("harness error", f"{e!r} at {os.path.basename(where.filename)} line {where.lineno} ({where.name})"[:300]))
    finally:
        if case is not None and case.server is not None:
            case.server.stop()
        shutil.rmtree(root, ignore_errors=True)
    result["seconds"] = time.monotonic() - started
    return result


def keep_failure(vcc, result, keep_dir, families=None):
    """Regenerates a failed case (base built, mutations applied) into keep_dir, with a rerun.sh."""
    dest = os.path.join(keep_dir, f"seed{result['seed']}-case{result['index']}")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    case, _ = prepare_case(vcc, result["seed"], result["index"], dest, families)
    if case.server is not None:
        case.server.stop()
    quote = lambda args: " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
    lines = ["#!/bin/sh", f"# {'; '.join(case.mutations)}", f"# {'; '.join(sig for sig, _ in result['problems'])}",
             'cd "$(dirname "$0")/work/proj" || exit', f"VCC=${{VCC:-{vcc}}}", "export SOURCE_DATE_EPOCH=1700000000",
             f"export {SECRET_ENV}='{case.marker}'", f'"$VCC" {quote(case.build_args)}; echo "exit $?"']
    lines += [f'"$VCC" {quote(args)} >/dev/null; echo "exit $?"' for args, _ in case.search_runs]
    if case.check_runs:
        lines.append(f"# the counting server of the run (port {case.server.port}) is gone: start one there to count requests")
    lines += [f'"$VCC" {quote(args)}; echo "exit $?"' for args, _ in case.check_runs]
    write(os.path.join(dest, "rerun.sh"), "\n".join(lines) + "\n")
    os.chmod(os.path.join(dest, "rerun.sh"), 0o755)
    return dest


def run_cases(vcc, seed, indices, deadline, jobs, scratch, families=None):
    """Yields the results of the cases `indices` of `seed`, `jobs` at a time; none starts after `deadline`."""
    with futures.ThreadPoolExecutor(jobs) as pool:
        pending, indices = set(), iter(indices)
        while True:
            while len(pending) < jobs and time.monotonic() < deadline and (index := next(indices, None)) is not None:
                pending.add(pool.submit(run_case, vcc, seed, index, scratch, families))
            if not pending:
                return
            done, pending = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
            yield from (f.result() for f in done)
