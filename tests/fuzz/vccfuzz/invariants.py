"""The invariants of a mutated `vcc build`, of `vcc search` and of `vcc check --external`."""
import json
import os
import re
import signal
import subprocess
import time

from .contentfiles import HTML_EXTENSIONS, INERT, content_extension
from .output import hostile_links, marker_in_output, output_files, svg_problems
from .process import changes, check_process, describe, without_output
from .project import CHECK_CURL_TIMEOUT, CHECK_DEADLINE, HELPER, LOCATION


RISKY_OUTPUT = (".js", ".mjs", ".cjs", ".wasm", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".svgz")


def content_file_problems(case, output, code, err, base_files):
    """Content files of other than inert types that were published, hostile SVGs, refusals without a warning."""
    problems = []
    site_yml = os.path.join(case.proj, "site.yml")
    opt_in = os.path.isfile(site_yml) and re.search(rb"(?m)^publish_html_files:\s*true\s*$", open(site_yml, "rb").read())
    files = dict(output_files(output))
    for rel, data in files.items():
        if rel.lower().endswith(".svg"):
            bad = svg_problems(data)
            if bad:
                problems.append(("published SVG can run script or load from elsewhere", f"{rel}: {', '.join(bad[:4])}"))
    if code != 0:
        return problems
    # A new output file of a type that runs in the browser: vcc's own assets, or a page built from Markdown.
    for rel in files:
        if rel.lower().endswith(RISKY_OUTPUT) and rel not in base_files and not rel.startswith("assets/") \
                and not rel.endswith("index.html") and not (opt_in and content_extension(rel) in HTML_EXTENSIONS):
            problems.append(("build published a new script/HTML/XML file", rel))
    for rel, data in case.added_content.items():
        ext = content_extension(os.path.basename(rel))
        if ext in INERT or (opt_in and ext in HTML_EXTENSIONS):
            continue
        published = rel in files
        if published and ext != "svg" and files[rel] == data:
            problems.append(("build published a content file of a refused type", f"content/{rel} (.{ext})"))
        if not published and not re.search(rf"content/{re.escape(rel)}:1:1: (warning|error): ", err):
            problems.append(("content file not published without a warning at it", f"content/{rel}"))
    return problems


def check_build(case, code, err, before, after, out=b"", base_files=frozenset()):
    """The file-system and stderr invariants of the mutated `vcc build`."""
    problems = check_process(code, err, "build", " ".join(case.build_args))
    output = os.path.normpath(os.path.join(case.proj, case.output))
    if case.marker in err or case.marker.encode() in out:
        problems.append(("secret from outside the project in stdout/stderr", "build"))
    if not case.odd_output and os.path.isdir(output):
        leaked = marker_in_output(case.marker, output)
        if leaked:
            problems.append(("secret from outside the project in the output", str(leaked[:5])))
        problems += content_file_problems(case, output, code, err, base_files)
    if case.benign == len(case.families) and code != 0:
        problems.append(("build of a project that only got harmless changes does not exit 0",
                         f"{describe(code)}: {err.strip().splitlines()[0][:160] if err.strip() else ''}"))
    if case.refusals and case.families == ["outside_files"]:
        missing = [label for label in case.refusals if label not in err]
        if code not in (1, 2) or missing:
            problems.append(("link outside the project/special file not refused with an error at its place",
                             f"{describe(code)}, no {missing[:1]} in stderr" if missing else describe(code)))
    output = os.path.normpath(os.path.join(case.proj, case.output))
    if case.odd_output:  # expected once fixed: exit 2 and nothing touched, apart from vcc's helper files
        changed = [p for p in changes(before, after) if not HELPER.search(p)]
        if changed:
            label = "<absolute project>/." if os.path.isabs(case.output) else case.output
            problems.append((f"build --output {label} changed/deleted files",
                             f"{describe(code)}, {len(changed)} paths, e.g. {changed[:3]}"))
    else:
        outside = changes(without_output(before, output), without_output(after, output))
        if outside:
            problems.append(("build wrote/changed/deleted outside the output folder", str(outside[:5])))
        if code != 0:
            prefix = os.fsencode(output) + b"/"
            inside = changes({p: v for p, v in before.items() if p.startswith(prefix)},
                             {p: v for p, v in after.items() if p.startswith(prefix)})
            if inside:
                problems.append(("failed build changed the previous output", str(inside[:5])))
        if code == 0 and not os.path.isfile(os.path.join(output, "index.html")):
            problems.append(("build exit 0 but no index.html in the output", output))
        site_yml = os.path.join(case.proj, "site.yml")
        raw_html = os.path.isfile(site_yml) and b"allow_raw_html: true" in open(site_yml, "rb").read()
        if code == 0 and not raw_html:
            # HTML files from content/ published with `publish_html_files: true` are the staff's own, as they are.
            opt_in = os.path.isfile(site_yml) and re.search(rb"(?m)^publish_html_files:\s*true\s*$", open(site_yml, "rb").read())
            bad = hostile_links(output, skip=set(case.added_content) if opt_in else ())
            if bad:
                problems.append(("build exit 0 with a javascript:/vbscript:/data: link in the output", str(bad[:3])))
        no_content = case.top_folder_not_folder == "content" and "Kein Ordner `content/`" in err
        if code == 2 and not LOCATION.search(err) and not no_content:
            problems.append(("build exit 2 (usage/environment) for a content change, without path:line",
                             err.strip().splitlines()[-1][:160] if err.strip() else ""))
    if code == 1 and not LOCATION.search(err):
        problems.append(("build exit 1 without any path:line location in stderr", err.splitlines()[0][:160] if err else ""))
    return problems


def check_search(case, kind, args, code, err, out):
    """Invariants of one `vcc search`: those of every run; on a damaged index exit 0 or 2 (2 naming the damage),
    and with --json every result has a title and a URL."""
    what = " ".join(repr(a)[:60] for a in args[1:])
    problems = check_process(code, err, "search", what)
    if case.marker in err or case.marker.encode() in out:
        problems.append(("secret from outside the project in stdout/stderr", "search"))
    if problems or kind != "damaged":
        return problems
    if code == 1:
        problems.append(("search on a damaged index exits 1", what))
    elif code == 2 and "Der Suchindex ist beschädigt" not in err and "nicht lesbar" not in err:
        problems.append(("search on a damaged index exits 2 without saying the index is damaged",
                         f"{what}: {err.strip()[:160]}"))
    elif code == 0 and "--json" in args:
        try:
            results = json.loads(out)["results"]
            bad = [r for r in results if not (isinstance(r, dict) and isinstance(r.get("title"), str) and r["title"].strip()
                                               and isinstance(r.get("url"), str) and r["url"].strip())]
        except (ValueError, KeyError, TypeError) as e:
            bad = [f"not JSON with results: {e!r}"]
        if bad:
            problems.append(("search on a damaged index exits 0 with a result without title or URL", f"{what}: {str(bad[0])[:120]}"))
    return problems


def surviving_curls(marker):
    """Process ids whose command line holds the case's URL marker (curl started by vcc check)."""
    found = subprocess.run(["pgrep", "-f", marker], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.split()
    return [int(pid) for pid in found if int(pid) != os.getpid()]


def check_external(case, args, expectation, code, err, out, seconds, before):
    """Invariants of one `vcc check --external`: no request to internal addresses without --allow-internal,
    at most two requests (HEAD, then GET) per distinct link with it, no glob expanded, within the deadline,
    no curl left behind."""
    what = " ".join(args[1:])
    problems = check_process(code, err, "check --external", what)
    if case.marker in err or case.marker.encode() in out:
        problems.append(("secret from outside the project in stdout/stderr", "check"))
    if code != "timeout" and seconds > CHECK_DEADLINE + CHECK_CURL_TIMEOUT + 6:
        problems.append(("check --external overran its --deadline", f"{seconds:.1f} s with --deadline {CHECK_DEADLINE}"))
    time.sleep(0.3)
    survivors = surviving_curls(case.url_marker)
    if survivors:
        problems.append(("curl survives vcc check --external", f"pids {survivors[:5]}"))
        for pid in survivors:  # started by this case's vcc: end them
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    connections, requests = case.server.snapshot()
    connections -= before[0]
    requests = requests[len(before[1]):]
    if expectation == "no_requests" and connections:
        problems.append(("check --external without --allow-internal connected to 127.0.0.1",
                         f"{connections} connections, e.g. {[p for _, p in requests[:2]]}"))
    if expectation == "bounded":
        per_path = {}
        for method, path in requests:
            per_path[path] = per_path.get(path, 0) + 1
        many = [(p, n) for p, n in per_path.items() if n > 2]
        if many:
            problems.append(("check --external made more than 2 requests for one link", f"{many[0][1]}x {many[0][0][:100]}"))
        expanded = [p for p in per_path if re.search(r"/glob\d|/glob[a-z]|/brace[ab]\b|/%5B1-2%5D.*\d$", p.split("?")[0])
                    and "[" not in p and "%5B" not in p.upper()]
        if expanded:
            problems.append(("check --external expanded a URL glob", expanded[0][:100]))
    return problems
