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
import concurrent.futures as futures
import hashlib
import html
import http.server
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import damaged_search_index  # noqa: E402  (tests/damaged_search_index.py)

FIXED_SEED = 20261201
BUILD_TIMEOUT = 20          # seconds for a `vcc build`; longer is a hang
SEARCH_TIMEOUT = 10         # seconds for a `vcc search`
CHECK_DEADLINE = 4          # --deadline of `vcc check --external` (seconds for all links)
CHECK_CURL_TIMEOUT = 2      # --timeout of `vcc check --external` (seconds per request)
CHECK_TIMEOUT = 30          # seconds for a `vcc check --external` run; longer is a hang
SECRET_ENV = "VCC_FUZZ_SECRET"   # environment variable holding the case's secret marker (for /proc/self/environ)
MEMORY_LIMIT = 6 << 30      # address-space cap per vcc process, so a bomb cannot take the machine
LOCATION = re.compile(r"\S+:\d+(:\d+)?: ")
HELPER = re.compile(r"(^|/)\.[^/]*\.vcc-")   # vcc's staging/old folders beside an output folder
TRAPS = ("Fatal error", "Illegal instruction", "Segmentation fault", "Program crashed", "Current stack trace")
ATTRIBUTE_URL = re.compile(rb'(?:href|src)="([^"]*)"', re.I)
BAD_SCHEMES = (b"javascript:", b"vbscript:", b"data:")

# ---- The valid base project ------------------------------------------------------------------

SITE_YML = ("title: Fuzz-Wissensbasis\ndescription: Testseite\npublisher: Fuzz\n"
            "base_url: https://vcc.example.org\nlanguage: de\nallow_raw_html: false\n")
BASE = {
    "site.yml": SITE_YML,
    "content/index.md": "---\ntitle: Start\nsummary: Startseite.\n---\nWillkommen. Siehe [Impressum](impressum.md).\n",
    "content/impressum.md": "---\ntitle: Impressum\nsummary: Anbieter.\n---\n## Anbieter\n\nText.\n\n## Kontakt\n\nMehr.\n",
    **{f"content/kommunen/{key}.md": f'---\nname: {name}\nofficial_name: Stadt {name}\nags: "{ags}"\n'
       f"website: https://www.{key}.de\n---\n{name}.\n"
       for key, name, ags in [("offenbach", "Offenbach", "06413000"), ("marburg", "Marburg", "06534014"), ("fulda", "Fulda", "06631009")]},
    "content/projekte/godonu.md": "---\ntitle: GoDoNu\nacronym: GoDoNu\nlead: marburg\npartners: [offenbach, fulda]\n"
                                  "status: laufend\nstart: 2024-03-01\nsummary: Nutzungsanalyse.\n---\nProjekttext.\n",
    "content/blaupausen/posteingang.md": (
        "---\ntitle: Digitaler Posteingang\nsummary: Briefe werden gescannt.\nmunicipalities: [offenbach, fulda]\n"
        "themes: [Digitale Verwaltung, E-Akte]\nmaturity: im-betrieb\nlicense: CC-BY-4.0\n"
        "contact: {name: Stabsstelle, email: digital@example.org}\nupdated: 2024-05-14\n"
        "prerequisites: [Ein E-Akten-System]\nadopted_by:\n  - {municipality: marburg, since: 2024-09-01, status: Pilot}\n"
        "related: [prozesse]\nattachments:\n  - {title: Checkliste, path: checkliste.txt}\n---\n"
        "## Ausgangslage\n\nPapier. Siehe [Prozesse](prozesse.md#die-methode).\n\n## Umsetzung\n\n1. Scannen\n2. Leiten\n"),
    "content/blaupausen/checkliste.txt": "Checkliste\n",
    "content/blaupausen/prozesse.md": (
        "---\ntitle: Prozesse visualisieren\nsummary: BPMN im Amt.\nmunicipalities: [marburg]\nthemes: [Prozesse]\n"
        "maturity: pilot\nlicense: DL-DE-BY-2.0\ncontact: {name: Team, url: https://example.org/kontakt}\n"
        "updated: 2023-11-02\nrelated: [posteingang]\n---\n## Die Methode\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"),
    "content/blaupausen/termine.md": (
        "---\ntitle: Online-Terminvergabe\nsummary: Termine online.\nmunicipalities: [fulda]\nthemes: [Onlinedienste]\n"
        "maturity: idee\nlicense: CC-BY-4.0\ncontact: {name: Bürgerbüro, email: termine@example.org}\n"
        "updated: 2024-01-10\n---\nText mit ~~alt~~ und Fußnote[^1].\n\n[^1]: Die Fußnote.\n"),
    "content/berichte/zwischenbericht.md": (
        "---\ntitle: Zwischenbericht\nsummary: Erste Erkenntnisse.\nproject: godonu\nreport_type: Zwischenbericht\n"
        "published: 2024-10-21\nauthors: [Projektteam]\n---\n## Beobachtungen\n\n"
        "Siehe [Posteingang](../blaupausen/posteingang.md).\n"),
    "content/qualifizierung/grundlagen/index.md": (
        "---\ntitle: Grundlagen\nsummary: Einstiegskurs.\naudience: Beschäftigte\nlearning_outcomes: [Prozesse beschreiben]\n"
        "workload: 8 Stunden\nlicense: CC-BY-SA-4.0\n---\nKurstext.\n"),
    **{f"content/qualifizierung/grundlagen/0{n}-{key}.md": f"---\ntitle: {key.title()}\norder: {n}\nduration: {n}0 Minuten\n"
       f"learning_objectives: [Ablauf zeichnen]\n---\n## Einstieg\n\nText.\n" for n, key in [(1, "prozesse"), (2, "daten")]},
}
MD_FILES = sorted(p for p in BASE if p.endswith(".md"))
IDS = ["offenbach", "marburg", "fulda", "godonu", "posteingang", "prozesse", "termine", "zwischenbericht", "grundlagen"]
PAGE = "---\ntitle: Seite\n---\nText.\n"
HOSTILE_URLS = ["javascript:alert(1)", "//evil.example/x", "../../../etc/passwd", "data:text/html,<script>alert(1)</script>",
                "www.fulda.de", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:x", "file:///etc/passwd",
                "https://exa mple.org/\"><script>", "", "#", "http://", "https://", "mailto:", "\u202ehttps://x"]


class Case:
    """One fuzz case: where it lives, what was mutated and how vcc is to be called."""

    def __init__(self, seed, index, root):
        self.seed, self.index, self.root = seed, index, root
        self.proj = os.path.join(root, "work", "proj")
        self.output = "public"       # --output, relative to the project folder
        self.odd_output = False      # an --output that must be refused (exit 2, nothing touched)
        self.search_runs = []        # (argument list, kind) for `vcc search`; kind "query" or "damaged"
        self.check_runs = []         # (argument list, expectation) for `vcc check --external`
        self.mutations, self.families = [], []
        # A string that exists only outside the project, in its hidden files and in vcc's environment:
        # it must never reach the output, stdout or stderr.
        self.marker = f"VccFuzzGeheim{seed}q{index}Z"
        self.benign = 0              # mutations after which the build must still exit 0
        self.refusals = []           # labels (`site.yml:`, `content/x.png:`) an error must name
        self.top_folder_not_folder = None   # "content" or "templates" made a link to a non-folder or a FIFO
        self.added_content = {}      # content-relative path -> bytes, files of the content_files family
        self.server = None           # CountingServer of the external_links family
        self.url_marker = f"vccfzurl{seed}x{index}q"   # in every URL of the external_links family

    @property
    def env(self):
        return {SECRET_ENV: self.marker}

    @property
    def build_args(self):
        return ["build"] + (["--output", self.output] if self.output != "public" else [])


def write(path, data):
    """Writes str (UTF-8, lone surrogates become raw bytes) or bytes to a str or bytes path."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)


def read_fm(path):
    """Splits a base Markdown file into (front matter lines, body)."""
    with open(path, "rb") as f:
        parts = f.read().decode("utf-8", "surrogateescape").split("---\n", 2)
    if len(parts) < 3:  # An earlier mutation of this case broke the front matter already.
        return [], parts[-1]
    return parts[1].splitlines(), parts[2]


def join_fm(lines, body):
    return ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogateescape")


def set_key(lines, key, value, in_place=False):
    """Drops `key` and its indented continuation lines, then puts `key: value` at its place or at the end."""
    out, skipping, where = [], False, None
    for line in lines:
        if line.startswith(key + ":"):
            skipping, where = True, len(out)
        elif not (skipping and line[:1] in (" ", "\t")):
            skipping = False
            out.append(line)
    out.insert(where if in_place and where is not None else len(out), f"{key}: {value}")
    return out


# ---- Family 1: front matter ------------------------------------------------------------------


def hostile_value(rng):
    """A YAML value of the wrong type, odd, hostile or huge."""
    def alias_bomb():
        text = "&l0 [" + ",".join(["lol"] * 9) + "]"
        for i in range(1, rng.randint(3, 6)):
            text += f"\n_l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]"
        return text
    fixed = ["[a, b]", "{a: 1, b: [2]}", "42", "-1", "3.5e308", ".nan", "true", "no", "null", "~", "", "''",
             "2024-02-30", "2024-13-01", "0000-00-00", "99999-01-01", "2024-1-2", "2024-05-14T25:61:00Z",
             "!!binary aGVsbG8=", "!!python/object:os.system ls", "!foo bar", "!!int abc", "!!set {a, b}", "!<tag:x> y",
             "&a x", "*undefined_alias", "\"a\x00b\"", "\"\x1b[31mrot\x07\"", "\"\u202eevil\"", "b\udcff\udcfe",
             "\"\\x00\\u202e\\e\"", "|\n  mehr\n  zeilen", "'unclosed", "[unclosed", "{a: [}", "@reserved", "`tick",
             "- list\n- at\n- top", "does-not-exist", "U\u0308ber", "<<: *undefined", "? [a]\n: b"]
    generated = [lambda: "x" * 100_000,
                 lambda: "[" + ",".join(str(i) for i in range(10_000)) + "]",
                 lambda: "\n" + "".join(f"  - i{i}\n" for i in range(10_000)),
                 lambda: "[" * (d := rng.choice([50, 1000, 20_000])) + "x" + "]" * d,
                 lambda: "{a: " * (d := rng.choice([50, 1000, 20_000])) + "x" + "}" * d,
                 lambda: '"' + rng.choice(HOSTILE_URLS).replace('"', '\\"') + '"',
                 lambda: rng.choice(IDS), alias_bomb]
    return rng.choice(fixed) if rng.random() < 0.5 else rng.choice(generated)()


def mutate_front_matter(rng, case):
    """Replaces, adds, duplicates or mangles the front matter of one base document."""
    op = rng.choice(["replace", "replace", "add", "duplicate", "refs", "urls", "dates", "ags", "bytes", "shape"])
    targets = {"urls": [p for p in MD_FILES if "/blaupausen/" in p or "/kommunen/" in p],
               "ags": [p for p in MD_FILES if "/kommunen/" in p]}
    rel = rng.choice(targets.get(op, MD_FILES))
    path = os.path.join(case.proj, rel)
    lines, body = read_fm(path)
    own = os.path.basename(os.path.dirname(rel)) if rel.endswith("index.md") else os.path.basename(rel)[:-3]
    key = detail = rng.choice([line.split(":")[0] for line in lines if re.match(r"^\w+:", line)])
    if op == "replace":
        lines = set_key(lines, key, hostile_value(rng), in_place=True)
    elif op == "add":
        detail = rng.choice(["unknown_key", "titel", "typ", "type", "draft", "related", "order", "summary", "keywords",
                             "software", "educational_level", "learning_resource_type", "costs", "products"])
        value = hostile_value(rng)
        if detail == "software" and rng.random() < 0.5:
            # A block that is nearly right, with one hostile value in it.
            value = "{" + ", ".join([f"repository: {rng.choice(['https://x.example/r.git', value])}",
                                     f"status: {rng.choice(['stable', 'fertig', value])}", "type: standalone/web",
                                     f"platforms: {rng.choice(['[web]', '[]', value])}", f"categories: {rng.choice(['[it-development]', value])}",
                                     f"maintenance: {rng.choice(['internal', 'contract', value])}", f"features: [{value}]"]) + "}"
        lines = set_key(lines, detail, value)
    elif op == "duplicate":
        lines.append(f"{key}: {hostile_value(rng)}")
    elif op == "refs":  # ids that do not exist, self-references, near misses
        ref = rng.choice([own, "nicht-da", "../kommunen/fulda", "FULDA", "fulda.md", "offenbach/", "''"])
        detail = rng.choice(["related", "municipalities", "project", "lead", "partners", "adopted_by"])
        value = {"related": f"[{ref}, {ref}]", "municipalities": f"[{ref}]", "project": ref, "lead": ref,
                 "partners": f"[{ref}, {own}]", "adopted_by": f"[{{municipality: {ref}, since: 2024-02-30}}, {{municipality: {own}}}]"}
        lines = set_key(lines, detail, value[detail])
        detail += "=" + ref
    elif op == "urls":
        url = rng.choice(HOSTILE_URLS + ["../../site.yml", "/etc/passwd", "gibtsnicht.pdf", "../berichte/zwischenbericht.md"])
        url = url.replace("\\", "\\\\").replace('"', '\\"')
        detail = "website" if "/kommunen/" in rel else rng.choice(["contact", "attachments"])
        value = {"contact": f'{{name: X, {rng.choice(["url", "email"])}: "{url}"}}', "website": f'"{url}"',
                 "attachments": f'[{{title: T, path: "{url}"}}]'}
        lines = set_key(lines, detail, value[detail])
        detail += "=" + repr(url)
    elif op == "dates":
        detail = rng.choice(["2024-02-30", "2023-02-29", "24-01-01", "2024/01/01", "2024-00-10", "1-01-01", "2024-05-14 10:00"])
        lines = [re.sub(r"20\d\d-\d\d-\d\d", detail, line) for line in lines]
        lines = set_key(lines, "end", rng.choice(["1999-01-01", detail, "bald", "12"]))
    elif op == "ags":
        detail = rng.choice(['"06a31009"', "6631009", '"0663100"', '"066310091"', '"16631009"', '"\uff10\uff16631009"', "[]"])
        lines = set_key(lines, "ags", detail)
    elif op == "bytes":  # encoding and delimiter damage
        raw = join_fm(lines, body)
        detail = rng.choice(["bom", "crlf", "cr", "noclose", "onlyfm", "nul", "badutf8", "empty", "dashes4", "indented"])
        raw = {"bom": b"\xef\xbb\xbf" + raw, "crlf": raw.replace(b"\n", b"\r\n"), "cr": raw.replace(b"\n", b"\r"),
               "noclose": raw.replace(b"\n---\n", b"\n", 1), "onlyfm": join_fm(lines, "").rstrip(b"\n"),
               "nul": raw.replace(b":", b":\x00", 1), "badutf8": raw.replace(b"\n", b"\xff\xfe\xc3\n", 2), "empty": b"",
               "dashes4": raw.replace(b"---", b"----"), "indented": raw.replace(b"\n", b"\n ", 3)}[detail]
        write(path, raw)
        return f"front matter {rel}: bytes {detail}"
    else:  # front matter that is not a mapping
        lines = [rng.choice(["- a\n- b", "just a string", "[1, 2]", "", "~", "? complex key\n: value", "<<: {title: merge}",
                             "!!binary aGVsbG8=", "&a {title: x}\n<<: *a"])]
        detail = repr(lines[0])
    write(path, join_fm(lines, body))
    return f"front matter {rel}: {op} {detail}"


# ---- Family 2: Markdown bodies ---------------------------------------------------------------


def hostile_body(rng):
    """A Markdown body that stresses the renderer: (kind, text)."""
    cols, rows, depth = rng.choice([500, 3000]), rng.choice([1, 2000]), rng.choice([100, 1000, 5000])
    url = rng.choice(HOSTILE_URLS)
    kinds = {
        "wide_table": lambda: "|" + "|".join(f"h{i}" for i in range(cols)) + "|\n" + "|---" * cols + "|\n" + "| x\n" * rows,
        "long_table": lambda: "| a | b |\n|---|---|\n" + "".join(f"| {i} | [l](#x{i}) |\n" for i in range(10_000)),
        "nested_lists": lambda: "".join("  " * i + "- x\n" for i in range(depth)),
        "nested_ordered": lambda: "".join("   " * i + "1. x\n" for i in range(depth)),
        "nested_quotes": lambda: ">" * depth + " tief\n",
        "nested_mixed": lambda: "> - " * depth + "x\n",
        "long_line": lambda: "a" * 1_000_000 + "\n",
        "same_headings": lambda: "## Gleich\n\nText\n\n" * 2000,
        "brackets": lambda: "[" * 50_000 + "x" + "](y)" * 100 + "\n",
        "emphasis": lambda: "*a**" * 30_000 + "\n",
        "angles": lambda: "<" * 50_000 + "\n",
        "backticks": lambda: "`" * 20_000 + "x\n",
        "raw_html": lambda: "<script>alert(1)</script>\n\n<div onclick=\"x\">d</div><iframe src=x></iframe>\n\n<!-- c\n",
        "links": lambda: "".join(f"[l{i}]({u}) <{u}> ![i]({u})\n" for i, u in enumerate(HOSTILE_URLS)) + f"[r][r]\n\n[r]: {url}\n",
        "footnotes": lambda: "".join(f"x[^{i}]" for i in range(5000)) + "\n\n" + "".join(f"[^{i}]: [^{i + 1}]\n" for i in range(5000)),
        "nul": lambda: "a\x00b\x00\n# \x00\n",
        "anchors": lambda: "[a](#nope) [b](impressum.md#nope) [c](../nicht/da.md) [d](posteingang.md#) [e](#)\n"
                           "[f](/content/index.md) [g](index.md#ausgangslage) [h](%2e%2e/x.md) [i](.md) [j](../)\n",
        "headings": lambda: "".join(f"{'#' * rng.randint(1, 6)} {rng.choice(['Ü', 'U' + chr(0x308), '&', '', '-', '#'])}\n\n"
                                    for _ in range(300)),
        "entities": lambda: "&#0; &#x110000; &#xD800; &nbsp;" * 1000 + "\n",
        "setext": lambda: "x\n===\n" * 5000,
        "task_list": lambda: "- [ ] a\n- [x] b\n  - [X] c\n" * 3000,
        "control": lambda: "\x1b[31mrot\x07\u202eevil\u2028\u2029\ufeff\n",
        "autolinks": lambda: "www." + "a." * 20000 + "de https://" + "x" * 100000 + "\n",
        "bad_utf8": lambda: "gut \udcff\udcfe schlecht\n",
    }
    name = rng.choice(sorted(kinds))
    return name, kinds[name]()


def mutate_markdown(rng, case):
    """Replaces or extends the body of one base document with a hostile body."""
    rel = rng.choice(MD_FILES)
    path = os.path.join(case.proj, rel)
    lines, body = read_fm(path)
    name, new = hostile_body(rng)
    write(path, join_fm(lines, new if rng.random() < 0.5 else body + "\n" + new))
    return f"markdown {rel}: {name}"


# ---- Family 3: file and folder names ---------------------------------------------------------


def mutate_file_names(rng, case):
    """Adds files whose names are odd, collide with generated files, or are symlinks."""
    c = os.path.join(case.proj, "content")
    folder = os.path.join(c, rng.choice(["", "blaupausen", "berichte", "kommunen", "qualifizierung/grundlagen"]))
    os.makedirs(folder, exist_ok=True)
    op = rng.choice(["nfc_nfd", "case", "odd_chars", "long", "bad_utf8", "generated", "md_beside_index", "md_beside_html",
                     "empty", "symlink_out", "symlink_dir", "symlink_loop", "chmod", "md_folder"])
    if op == "nfc_nfd":
        for name in ("\u00dcbersicht.md", "U\u0308bersicht.md"):
            write(os.path.join(folder, name), PAGE)
    elif op == "case":
        for name in ("A.md", "a.md"):
            write(os.path.join(folder, name), PAGE)
    elif op == "odd_chars":
        for name in rng.sample([" leer zeichen.md", "a#b.md", "frage?.md", "pro%20zent.md", ".versteckt.md", "-.md", "..md",
                                "a\nb.md", "x\\y.md", "'quote\".md", "<b>.md", "index.html", ".md", "a b/index.md"], 3):
            write(os.path.join(folder, name), PAGE)
    elif op == "long":
        write(os.path.join(folder, "l" * rng.choice([200, 251]) + ".md"), PAGE)
        write(os.path.join(folder, "\u00e4" * 125 + ".md"), PAGE)
    elif op == "bad_utf8":
        name = rng.choice([b"\xff\xfe.md", b"a\xc3.md", b"\xed\xa0\x80.md", b"ok\xff/index.md", b"anhang\xff.txt"])
        write(os.fsencode(folder) + b"/" + name, PAGE)
    elif op == "generated":
        folder = c
        name = rng.choice(["sitemap.xml", "feed.xml", "404.html", "robots.txt", "assets/style.css", "suche/index.html",
                           "blaupausen/katalog.json", "suche.md", "404.md", "themen/index.md", "suche/index/manifest.json",
                           "blaupausen/index.md", "index.html", "assets/search/engine.js", "qualifizierung/grundlagen/index.html"])
        write(os.path.join(c, name), PAGE if name.endswith(".md") else "static\n")
    elif op in ("md_beside_index", "md_beside_html"):
        write(os.path.join(folder, "a.md"), PAGE)
        write(os.path.join(folder, "a", "index.md" if op == "md_beside_index" else "index.html"), PAGE)
    elif op == "md_folder":
        os.makedirs(os.path.join(folder, "ordner.md"), exist_ok=True)
    elif op == "empty":
        write(os.path.join(folder, rng.choice(["leer.md", "leer.txt", "index.md"])), b"")
    elif op == "symlink_out":  # the target stays inside the case's temp folder
        write(os.path.join(case.root, "outside", "secret.md"), PAGE)
        os.symlink(os.path.join(case.root, "outside", rng.choice(["secret.md", "missing.md"])), os.path.join(folder, "link.md"))
    elif op == "symlink_dir":
        target = rng.choice([os.path.join(c, "kommunen"), os.path.join(case.root, "outside-missing"), c])
        os.symlink(target, os.path.join(folder, "verweis"))
    elif op == "symlink_loop":
        os.symlink(".", os.path.join(folder, "schleife"))
        os.symlink("kreis2", os.path.join(folder, "kreis1"))
        os.symlink("kreis1", os.path.join(folder, "kreis2"))
    else:  # chmod 000; as root this does not bite
        write(os.path.join(folder, "gesperrt.md"), PAGE)
        os.chmod(os.path.join(folder, "gesperrt.md"), 0)
    return f"file names: {op} in {os.path.relpath(folder, case.proj)}"


# ---- Family 4: templates ---------------------------------------------------------------------


def mutate_templates(rng, case):
    """Writes templates/ overrides that recurse, inherit oddly, are huge or do not parse."""
    main = "{{<base}}{{$main}}%s{{/main}}{{/base}}\n"
    depth, tags = rng.choice([300, 1000, 3000]), rng.choice([1000, 10_000, 50_000])
    options = {
        "self_partial": {"partials/toc": "{{>partials/toc}}\n"},
        "mutual_partials": {"partials/toc": "{{>partials/tags}}\n", "partials/tags": "{{>partials/toc}}\n"},
        "partial_cycle3": {"partials/card": "{{>partials/tags}}", "partials/tags": "{{>partials/toc}}",
                           "partials/toc": "{{#page}}{{>partials/card}}{{/page}}"},
        "self_base": {"base": "<html>{{<base}}{{$main}}x{{/main}}{{/base}}</html>\n"},
        "partial_inherits_base": {"partials/toc": main % "toc"},
        "dot_in_layout": {"layouts/page": main % "{{.}}{{{.}}}"},
        "unclosed": {"layouts/page": "{{<base}}{{$main}}{{#page}}offen{{/main}}\n"},
        "unknown_partial": {"layouts/page": main % "{{>partials/gibtsnicht}}"},
        "unknown_parent": {"layouts/page": "{{<gibtsnicht}}{{/gibtsnicht}}\n"},
        "syntax": {"layouts/blueprint": rng.choice(["{{", "}}{{", "{{#}}{{/}}", "{{=<% %>=}}<%x", "{{{x}}", "{{!", "{{/a}}",
                                                    "{{#a}}{{/b}}", "{{$}}", "{{% PRAGMA }}", "{{>}}"])},
        "many_tags": {"layouts/page": main % ("{{page.title}}x" * tags)},
        "deep_sections": {"layouts/page": main % ("{{#page}}" * depth + "y" + "{{/page}}" * depth)},
        "nested_loops": {"layouts/page": main % "{{#nav}}{{#nav}}{{#nav}}{{#nav}}{{title}}{{/nav}}{{/nav}}{{/nav}}{{/nav}}"},
        "empty_layouts": {"layouts/page": "", "layouts/blueprint": "", "layouts/home": ""},
        "bad_utf8": {"layouts/page": b"{{<base}}{{$main}}\xff\xfe{{/main}}{{/base}}\n"},
        "binary_base": {"base": bytes(rng.randrange(256) for _ in range(4096))},
        "asset_override": {"assets/style.css": "body{}", "assets/search/engine.js": "", "assets/.hidden": "x"},
        "layout_is_folder": {"layouts/page.mustache/x": "x"},
    }
    name = rng.choice(sorted(options))
    for rel, text in options[name].items():
        suffix = "" if rel.startswith("assets/") or rel.endswith("/x") else ".mustache"
        write(os.path.join(case.proj, "templates", rel + suffix), text)
    return f"templates: {name}"


# ---- Family 5: site.yml ----------------------------------------------------------------------


def mutate_site_yml(rng, case):
    """Replaces site.yml with something wrong, missing, empty or hostile."""
    path = os.path.join(case.proj, "site.yml")
    base_url = rng.choice(["javascript:alert(1)", "//evil.example", "https://x.example/unter/pfad/", "https://", "ftp://x",
                           "https://x.example/\\\"><script>", "https://x.example/?a=1#f", "", "/relativ", "http://a b"])
    options = {
        "missing": None, "empty": b"", "binary": bytes(rng.randrange(256) for _ in range(2048)), "folder": None,
        "wrong_types": "title: [a, b]\ndescription: {x: 1}\nbase_url: 42\nallow_raw_html: yes please\nlanguage: [de]\n",
        "null": "title: ~\ndescription: null\nbase_url:\npublisher:\n", "hostile_base_url": f'title: T\nbase_url: "{base_url}"\n',
        "raw_html_on": SITE_YML.replace("allow_raw_html: false", "allow_raw_html: true"), "list": "- a\n- b\n",
        "scalar": "nur text\n", "huge": "title: " + "T" * 200_000 + "\n", "unknown": SITE_YML + "titel: x\nbaseurl: y\n",
        "duplicate": SITE_YML + "title: zwei\n", "language": "title: T\nlanguage: \"de\\\"><script>\"\n",
        "bom_crlf": b"\xef\xbb\xbf" + SITE_YML.replace("\n", "\r\n").encode(), "tabs": "title:\tT\n\tbase_url: x\n",
        # The keys of the site's identity, search and catalogue, with wrong and hostile values.
        "colors": SITE_YML + rng.choice(["colors: {primary: \"#7fb2e5\"}\n", "colors: [rot]\n", "colors: {primary: 12, dark: x}\n",
                                         "colors: {primary: \"#zzzzzz\", accent: \"#fff\", dark: {primary: \"#000\"}}\n",
                                         "colors: {primary: \"#" + "f" * 5000 + "\"}\n"]),
        "logo": SITE_YML + rng.choice(["logo: ../../etc/passwd.svg\n", "logo: content\n", "logo: [a]\n", "logo: /dev/zero.png\n",
                                       "logo: \"\\u0000.svg\"\n", "logo: site.yml\n"]),
        "synonyms": SITE_YML + rng.choice(["synonyms: [[KI]]\n", "synonyms: x\n", "synonyms: [[\"\", \" \"], [a, a]]\n",
                                           "synonyms: [[" + ", ".join(["w"] * 3000) + "]]\n", "synonyms: [[{a: 1}, b]]\n"]),
        "data_themes": SITE_YML + rng.choice(["data_themes: {x: ENVX}\n", "data_themes: [GOVE]\n", "data_themes: {\"\": GOVE, a: [ ]}\n",
                                              "data_themes: {a: {b: c}}\n"]),
        "edit_url": SITE_YML + rng.choice(["edit_url: \"javascript:alert(1)//{path}\"\n", "edit_url: https://x.example/\n",
                                           "edit_url: \"https://x.example/{path}{path}\"\n", "edit_url: 42\n"]),
    }
    name = rng.choice(sorted(options))
    os.remove(path)
    if name == "folder":
        os.makedirs(path)
    elif options[name] is not None:
        write(path, options[name])
    return f"site.yml: {name}"


# ---- Family 6: command line ------------------------------------------------------------------

# --output values that name the project, its sources, a folder containing it or unrelated files.
# All of them are inside the case's temp folder (root/work/proj is the project).
ODD_OUTPUTS = [".", "./", "content/..", "../proj", "<absolute project>/.", "content", "content/blaupausen", "templates",
               "public/../content", "..", "../other", "site.yml", "content/index.md"]


def mutate_command_line(rng, case):
    """Points --output at odd places inside the case folder, or plans hostile `vcc search` runs."""
    if rng.random() < 0.5:
        target = rng.choice(ODD_OUTPUTS)
        if target == "../other":
            write(os.path.join(case.root, "work", "other", "wichtig.txt"), "unrelated\n")
        elif target == "templates":
            write(os.path.join(case.proj, "templates", "partials", "eigene.mustache"), "x\n")
        case.output = os.path.join(case.proj, ".") if target.startswith("<") else target
        case.odd_output = True
        return f"command line: build --output {target}"
    for _ in range(rng.randint(1, 3)):
        query = rng.choice(["", " ", "a", "ä" * 5000, "\x01", "\x1b[31m", "\u202e", "*", "\"", "-x", "x" * 100_000,
                            "Posteingang", "U\u0308ber", "\ufffd\ufffd"])
        filters = []
        for _ in range(rng.randint(0, 3)):
            filters += ["--filter", rng.choice(["type=", "=", "==", "city=", "=x", "theme=\x1b", "unknown=1", "type=Blaupause",
                                                "project=" + "p" * 10_000, "city=Fulda", "type=\u202e", "theme=="])]
        extra = rng.choice([[], ["--json"], ["--limit", "1"], ["--limit", "99999999999"], ["--limit", "-1"]])
        case.search_runs.append((["search", "--site", "public"] + filters + extra + ["--", query], "query"))
    return f"command line: {len(case.search_runs)} search runs"

# ---- Family 7: files outside the project -----------------------------------------------------

PNG = (b"\x89PNG\r\n\x1a\n" + b"".join(
    len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    for kind, data in [(b"IHDR", (1).to_bytes(4, "big") * 2 + b"\x08\x06\x00\x00\x00"),
                       (b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00")), (b"IEND", b"")]))
SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#004f7c"/></svg>\n'

# Where vcc reads a file or folder for the output: (place, path in the project, "file" or "folder").
OUTSIDE_PLACES = [("logo", "logo.svg", "file"), ("logo", "logo.png", "file"), ("site_yml", "site.yml", "file"),
                  ("templates_dir", "templates", "folder"), ("template_file", "templates/layouts/page.mustache", "file"),
                  ("template_file", "templates/base.mustache", "file"), ("template_file", "templates/partials/toc.mustache", "file"),
                  ("template_folder", "templates/partials", "folder"), ("template_folder", "templates/layouts", "folder"),
                  ("asset_file", "templates/assets/style.css", "file"), ("asset_file", "templates/assets/extra.css", "file"),
                  ("assets_folder", "templates/assets", "folder"), ("content_dir", "content", "folder"),
                  ("page", "content/impressum.md", "file"), ("page", "content/blaupausen/termine.md", "file"),
                  ("page", "content/neu.md", "file"), ("attachment", "content/blaupausen/checkliste.txt", "file"),
                  ("attachment", "content/blaupausen/plan.pdf", "file"), ("image", "content/bild.png", "file"),
                  ("image", "content/berichte/grafik.svg", "file"), ("content_folder", "content/extra", "folder"),
                  ("content_folder", "content/blaupausen/anlagen", "folder")]
OUTSIDE_TARGETS = ["outside_file", "outside_file", "outside_dir", "via_linked_folder", "environ", "git_config", "dotenv",
                   "dangling", "loop_parent", "loop_self", "fifo", "fifo", "socket", "device", "inside_ok", "inside_ok"]


def secret_files(case):
    """Files with the case's marker outside the project (root/outside) and in its hidden files."""
    m = case.marker
    page = f"---\ntitle: {m}\nsummary: {m}\n---\n{m}\n"
    files = {"secret.md": page, "secret.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><title>{m}</title><text>{m}</text></svg>\n',
             "secret.png": PNG + m.encode(), "secret.pdf": f"%PDF-1.4\n% {m}\n", "secret.txt": m + "\n", "secret.yml": f"title: {m}\n",
             "secret.mustache": f"<html>{m}{{{{title}}}}</html>\n", "secret.css": f"/* {m} */ body{{}}\n"}
    folder = {"index.md": page, "seite.md": page, "bild.png": PNG + m.encode(), "plan.pdf": files["secret.pdf"],
              "checkliste.txt": m, "geheim.svg": files["secret.svg"], "base.mustache": f"<html>{m}{{{{$main}}}}{{{{/main}}}}</html>",
              "page.mustache": f"{m}{{{{title}}}}", "toc.mustache": m, "style.css": files["secret.css"],
              "layouts/page.mustache": f"{m}{{{{title}}}}", "partials/toc.mustache": m, "assets/style.css": files["secret.css"],
              "assets/geheim.js": f"// {m}\n", "content/index.md": page, "templates/base.mustache": f"{m}"}
    outside = os.path.join(case.root, "outside")
    if not os.path.isdir(outside):
        for rel, text in files.items():
            write(os.path.join(outside, rel), text)
        for rel, text in folder.items():
            write(os.path.join(outside, "dir", rel), text)
        write(os.path.join(case.proj, ".git", "config"), f'[remote "origin"]\n\turl = https://gitlab-ci-token:{m}@example.org/x.git\n')
        write(os.path.join(case.proj, ".env"), f"TOKEN={m}\n")
    return outside


def remove(path):
    if os.path.islink(path) or os.path.isfile(path) or (os.path.exists(path) and not os.path.isdir(path)):
        os.remove(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)


def mutate_outside_files(rng, case):
    """Puts a symlink (outside, into .git/.env, /proc/self/environ, dangling, a loop) or a FIFO where vcc reads."""
    outside = secret_files(case)
    place, rel, kind = rng.choice(OUTSIDE_PLACES)
    target = rng.choice(OUTSIDE_TARGETS)
    path = os.path.join(case.proj, rel)
    here = os.path.dirname(path)
    site_yml = os.path.join(case.proj, "site.yml")
    # Make the place one that vcc reads.
    if place == "logo" and os.path.isfile(site_yml) and not os.path.islink(site_yml):
        with open(site_yml, "ab") as f:
            f.write(f"logo: {rel}\n".encode())
    elif place == "attachment" and rel.endswith("plan.pdf"):
        blueprint = os.path.join(case.proj, "content/blaupausen/posteingang.md")
        lines, body = read_fm(blueprint)
        lines = set_key(lines, "attachments", "[{title: Checkliste, path: checkliste.txt}, {title: Plan, path: plan.pdf}]")
        write(blueprint, join_fm(lines, body))
    elif place == "image":
        page = os.path.join(case.proj, "content", "berichte/zwischenbericht.md" if "berichte" in rel else "index.md")
        with open(page, "ab") as f:
            f.write(f"\n![Eine Grafik]({os.path.basename(rel)})\n".encode())
    os.makedirs(here, exist_ok=True)
    ext = os.path.splitext(rel)[1] or ".txt"
    secret = os.path.join(outside, "secret" + {".md": ".md", ".svg": ".svg", ".png": ".png", ".pdf": ".pdf", ".yml": ".yml",
                                               ".mustache": ".mustache", ".css": ".css"}.get(ext, ".txt"))
    absolute = rng.random() < 0.5
    relative = lambda p: p if absolute else os.path.relpath(p, here)
    if target == "inside_ok":
        # The file or folder moves to an ordinary place inside the project and a link takes its place.
        if place == "template_file":  # a valid override needs the theme: a partial that renders nothing does
            rel, path = "templates/partials/toc.mustache", os.path.join(case.proj, "templates/partials/toc.mustache")
            here = os.path.dirname(path)
            os.makedirs(here, exist_ok=True)
        shared = os.path.join(case.proj, "geteilt", rel.replace("/", "_"))
        if os.path.lexists(path):
            os.makedirs(os.path.dirname(shared), exist_ok=True)
            shutil.move(path, shared)
        elif kind == "folder":
            write(os.path.join(shared, {"templates": "partials/eigene.mustache", "templates/assets": "extra.css",
                                        "templates/partials": "eigene.mustache", "templates/layouts": "eigene.mustache"}
                                   .get(rel, "anlage.txt")), "<!-- x -->\n" if rel.startswith("templates") else "Anlage\n")
        else:
            write(shared, {".svg": SVG_OK, ".png": PNG, ".pdf": "%PDF-1.4\n", ".md": PAGE, ".mustache": "<!-- x -->\n"}.get(ext, "x\n"))
        os.symlink(relative(shared), path)
        case.benign += 1
        return f"outside files: {place} {rel} -> inside the project ({'absolute' if absolute else 'relative'})"
    remove(path)
    if target == "socket" and len(os.fsencode(path)) < 100:  # a Unix socket file stays after the socket is closed
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path)
    elif target in ("fifo", "socket"):
        os.mkfifo(path)
    elif target in ("loop_parent", "loop_self", "environ", "device"):
        os.symlink({"loop_parent": "..", "loop_self": ".", "environ": "/proc/self/environ",
                    "device": rng.choice(["/dev/zero", "/dev/urandom", "/dev/null", "/dev/stdin"])}[target], path)
    else:
        if target == "via_linked_folder":  # a link to a folder outside, and the place linked into it
            os.symlink(os.path.join(outside, "dir"), os.path.join(case.proj, "verlinkt"))
        inner = {"outside_file": secret, "outside_dir": os.path.join(outside, "dir"),
                 "via_linked_folder": os.path.join(case.proj, "verlinkt", "bild.png" if kind == "file" else "partials"),
                 "git_config": os.path.join(case.proj, ".git", "config"), "dotenv": os.path.join(case.proj, ".env"),
                 "dangling": os.path.join(outside, "gibt-es-nicht" + ext)}[target]
        os.symlink(relative(inner), path)
    if place in ("templates_dir", "content_dir") and target not in ("outside_dir", "via_linked_folder", "loop_parent", "loop_self"):
        # Not a folder: vcc sees no templates/ (the built-in theme is used) or no content/ (exit 2), and reads nothing.
        case.top_folder_not_folder = rel
    elif target not in ("loop_parent", "loop_self"):
        case.refusals.append("site.yml:" if place == "logo" else rel + ":")
    shown = os.readlink(path) if target == "device" else target
    return f"outside files: {place} {rel} -> {shown}{' (absolute)' if absolute and target not in ('fifo', 'socket', 'environ', 'device', 'loop_parent', 'loop_self') else ''}"


# ---- Family 8: content files of every extension ----------------------------------------------

# Extensions vcc publishes from content/ as they are (ContentFilePolicy.inertExtensions).
INERT = {"png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "pdf", "odt", "ods", "odp", "odg", "docx",
         "xlsx", "pptx", "doc", "xls", "ppt", "rtf", "epub", "txt", "csv", "tsv", "json", "geojson", "yml", "yaml", "ics", "vcf",
         "zip", "mp3", "m4a", "ogg", "oga", "opus", "wav", "mp4", "m4v", "webm", "ogv", "vtt"}
HTML_EXTENSIONS = {"html", "htm", "xhtml", "xht", "shtml"}
CONTENT_EXTENSIONS = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".wasm", ".swf", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg",
                      ".svg", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".css", ".php", ".JS", ".Html", ".SVG", ".Svg",
                      ".svg.png", ".png.svg", ".js.txt", ".txt.js", ".html.", ".md.html", "", ".appcache", ".webmanifest",
                      ".json", ".pdf", ".rdf", ".htaccess", ".MJS", ".xHtMl", ".svg.", ".tar.gz", ".csv", ".mathml"]
SVG_PAYLOADS = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect ONCLICK="alert(1)" OnMouseOver="x" width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a href="javascript:alert(1)"><text>a</text></a>'
    '<a xlink:href="&#106;avascript:alert(1)"><text>b</text></a><a href="java&#x09;script:alert(1)"><text>c</text></a>'
    '<a href=" JaVaScRiPt:alert(1)"><text>d</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><body xmlns="http://www.w3.org/1999/xhtml">'
    '<script>alert(1)</script><iframe src="javascript:alert(1)"></iframe></body></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/>'
    '<animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/x.png"/>'
    '<use href="https://evil.example/s.svg#a"/><use xlink:href="//evil.example/s.svg#a"/><image href="http://evil.example/i.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css); rect{fill:url(https://evil.example/f)}</style>'
    '<rect style="fill:url(\'http://evil.example/p\')" width="1"/><rect fill="url(//evil.example/q)" width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>rect{background:\\75 rl(https://evil.example/e)}</style>'
    '<rect style="fill:\\75rl(//evil.example/f)" width="1"/><rect style="background-image:image-set(\'https://evil.example/g\' 1x)"/></svg>',
    '<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)"><!ENTITY y SYSTEM "file:///etc/passwd">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="&x;"><text>&y;</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script type="text/ecmascript"><![CDATA[alert(1)]]></script>'
    '<![CDATA[<script>alert(2)</script>]]><rect width="1"/></svg>',
    '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>'
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script>'
    '<SCRIPT>alert(2)</SCRIPT><g><script href="data:text/javascript,alert(3)"/></g></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>/*</style><script>alert(1)</script><style>*/</style><rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>'
    '<image href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/><a href="https://vcc.example.org/ok"><text>ok</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>'
    '<rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"><title>ok</title></rect><text x="1" y="1">Text &amp; mehr</text></svg>',
    '<svg><rect width="1"/>', '<svg xmlns="http://www.w3.org/2000/svg"><g></rect></g></svg>', '\ufeff<svg/>', '',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javas\ncript:alert(1)">'
    '<text>n</text></a><a href="vbscript:x"><text>v</text></a><rect xml:base="https://evil.example/" width="1"/></svg>',
]
OTHER_PAYLOADS = [
    "<!DOCTYPE html><title>x</title><script>fetch('/pwned')</script>",
    "<html><body onload=\"alert(1)\"><iframe src=\"javascript:alert(1)\"></iframe></body></html>",
    "self.addEventListener('install', e => self.skipWaiting());\nself.addEventListener('fetch', e => e.respondWith(fetch('/pwned-sw')));\n",
    "navigator.serviceWorker.register('/sw.js', {scope: '/'});\n",
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script src="/evil.js"/></html>',
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">'
    '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></xsl:template></xsl:stylesheet>',
    "@import url(https://evil.example/x.css);\nbody{background:\\75 rl(javascript:alert(1))}\n",
    "<?php system($_GET['c']); ?>", "\x00asm\x01\x00\x00\x00", "CACHE MANIFEST\n/evil.js\n",
    '{"name": "x", "start_url": "javascript:alert(1)", "serviceworker": {"src": "/sw.js"}}',
]


def content_extension(name):
    """The lowercased extension the way vcc's ContentFilePolicy sees it (last non-empty part after a dot)."""
    parts = [p for p in name.split(".") if p]
    return parts[-1].lower() if "." in name and parts else ""


def mutate_content_files(rng, case):
    """Adds content files with many extensions and hostile contents (SVG with script, HTML, service workers, XML)."""
    opt_in = rng.random() < 0.2
    if opt_in:
        site_yml = os.path.join(case.proj, "site.yml")
        if os.path.isfile(site_yml) and not os.path.islink(site_yml):
            with open(site_yml, "ab") as f:
                f.write(b"publish_html_files: true\n")
    names = []
    for _ in range(rng.randint(2, 8)):
        folder = rng.choice(["", "", "blaupausen", "berichte", "anhang", "assets", "suche", "qualifizierung/grundlagen"])
        ext = rng.choice(CONTENT_EXTENSIONS)
        stem = rng.choice(["sw", "evil", "bild", "seite", "bericht", "manifest", "daten", "x-" + str(rng.randrange(1000))])
        rel = (folder + "/" if folder else "") + stem + ext
        if rel in case.added_content or rel.endswith(".md") or os.path.lexists(os.path.join(case.proj, "content", rel)):
            continue
        is_svg = content_extension(rel) == "svg" or (ext.lower().startswith(".svg") and rng.random() < 0.8)
        data = (rng.choice(SVG_PAYLOADS) if is_svg or rng.random() < 0.2 else rng.choice(OTHER_PAYLOADS)).encode()
        if ext == ".svgz":
            data = zlib.compress(data)
        write(os.path.join(case.proj, "content", rel), data)
        case.added_content[rel] = data
        names.append(rel)
    if not opt_in:  # refusals are warnings: nothing else changed, so the build still succeeds
        case.benign += 1
    return f"content files: {', '.join(names)}{' (publish_html_files: true)' if opt_in else ''}"


# ---- Family 9: damaged search indexes --------------------------------------------------------

SEARCH_VARIANTS = damaged_search_index.variant_names()


def damage_randomly(rng, version):
    """1-3 random byte flips, truncations, number swaps, removals or swaps in the files of one index version."""
    files = sorted(os.path.join(d, n) for d, _, ns in os.walk(version) for n in ns)
    done = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(files)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            data = bytearray(f.read())
        op = rng.choice(["flip", "flip", "truncate", "number", "number", "remove", "empty", "append", "swap", "zero"])
        name = os.path.relpath(path, version)
        if op == "flip" and data:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif op == "truncate":
            data = data[:rng.randrange(len(data) + 1)]
        elif op == "number":
            numbers = list(re.finditer(rb"-?\d+", data)) if path.endswith(".json") else []
            if numbers:
                m = rng.choice(numbers)
                value = rng.choice([b"-1", b"0", b"1", b"4611686018427387904", b"99999999999999999999999", b"1.5", b"1e308",
                                    b"\"x\"", b"null", b"[]", m.group() + m.group()])
                data = data[:m.start()] + value + data[m.end():]
            elif data:  # a varint in a binary file made huge
                at = rng.randrange(len(data))
                data[at:at + 1] = rng.choice([b"\xff" * 9 + b"\x01", b"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", b"\x00"])
        elif op == "remove":
            os.remove(path)
            done.append(f"{op} {name}")
            continue
        elif op == "empty":
            data = b""
        elif op == "append":
            data += bytes(rng.randrange(256) for _ in range(rng.choice([1, 100, 5000])))
        elif op == "swap":
            other = rng.choice(files)
            if os.path.exists(other):
                with open(other, "rb") as f:
                    other_data = f.read()
                write(other, bytes(data))
                data = bytearray(other_data)
                name += "<->" + os.path.relpath(other, version)
        elif op == "zero" and data:
            at = rng.randrange(len(data))
            data[at:at + 64] = b"\x00" * len(data[at:at + 64])
        write(path, bytes(data))
        done.append(f"{op} {name}")
    return done


def mutate_search_index(rng, case):
    """Copies the built index into damaged variants (tests/damaged_search_index.py and random damage) and plans searches."""
    index = os.path.join(case.proj, "public", "suche", "index")
    damaged = os.path.join(case.root, "work", "damaged")
    listing = damaged_search_index.write_variants(index, os.path.join(damaged, "corpus"), seed=rng.randrange(2**31))
    chosen = rng.sample(listing, rng.randint(1, 3))
    sites = [(v["name"], v["site"], v["query"]) for v in chosen]
    for k in range(rng.randint(1, 3)):
        site = os.path.join(damaged, f"random{k}")
        shutil.copytree(index, os.path.join(site, "suche", "index"))
        with open(os.path.join(index, "current.json")) as f:
            version = json.load(f)["version"]
        how = damage_randomly(rng, os.path.join(site, "suche", "index", version))
        if rng.random() < 0.1:  # current.json itself
            write(os.path.join(site, "suche", "index", "current.json"), rng.choice([b"", b"{", b'{"version": "../../.."}',
                                                                                     b'{"version": 1}', b'{"format": "x"}']))
            how.append("current.json")
        sites.append((f"random{k}[{'; '.join(how)}]", site, sites[0][2]))
    for name, site, term in sites:
        query = rng.choice([term, term[:3], term + " " + term, "Posteingang", "a", "Zwischenbericht GoDoNu", term.upper() + "*"])
        extra = rng.choice([["--json"], ["--json"], [], ["--limit", "1000"], ["--json", "--filter", "type=Blaupause"]])
        case.search_runs.append((["search", "--site", os.path.relpath(site, case.proj)] + extra + ["--", query], "damaged"))
    case.benign += 1
    return f"search index: {', '.join(name for name, _, _ in sites)}"


# ---- Family 10: URL syntax for `vcc check --external` ----------------------------------------


class CountingServer:
    """An HTTP server on 127.0.0.1 that counts connections and requests; it stops by itself after `lifetime` s."""

    def __init__(self, lifetime=120):
        counts = self
        self.connections, self.requests, self.lock = 0, [], threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def answer(self, body):
                with counts.lock:
                    counts.requests.append((self.command, self.path))
                status = 405 if self.command == "HEAD" and "/h405" in self.path else 200
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            def do_HEAD(self):
                self.answer(b"")

            def do_GET(self):
                self.answer(b"ok\n")

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address):
                with counts.lock:
                    counts.connections += 1
                return True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.timeout = 1
        self.port = self.httpd.server_address[1]
        self.stopped = threading.Event()
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        self.timer = threading.Timer(lifetime, self.stop)
        self.timer.daemon = True
        self.timer.start()

    def snapshot(self):
        with self.lock:
            return self.connections, list(self.requests)

    def stop(self):
        if not self.stopped.is_set():
            self.stopped.set()
            self.timer.cancel()
            self.httpd.shutdown()
            self.httpd.server_close()


def external_links(rng, port, mark):
    """Distinct links (each with its own number in the path) that all lead to 127.0.0.1:port, spelled many ways."""
    hosts = ["127.0.0.1", "localhost", "LOCALHOST", "127.1", "2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "127.000.000.001",
             "0", "0.0.0.0", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "127.0.0.1.", "localhost.",
             "user:pw@127.0.0.1", "evil.example@127.0.0.1", "127.0.0.1%2f@evil.example", "[::ffff:127.0.0.1%25lo]"]
    paths = ["glob[1-100000]", "brace{a,b}", "h405", "mit leer zeichen", "a%20b%0d%0aX-Injected:%201", "ctl%00%01%1b%7f",
             "q?x=1&y=[2]#frag", "-o%20/tmp/x", "l" + "x" * rng.choice([3000, 20000]), "%5B1-2%5D", "glob[a-z]{1,2}",
             "ok", "%E2%80%AE", "..%2f..%2fetc", "h405/glob[0-9]"]
    links = []
    for n in range(rng.randint(4, 14)):
        host, path = rng.choice(hosts), rng.choice(paths)
        scheme = rng.choice(["http", "http", "http", "https", "HTTP"])
        links.append(f"{scheme}://{host}:{port}/{mark}/n{n}/{path}")
    if rng.random() < 0.3:  # thousands of distinct links
        links += [f"http://127.0.0.1:{port}/{mark}/many{n}" for n in range(rng.choice([1200, 3000]))]
    return links


def mutate_external_links(rng, case):
    """A page full of links to a counting server on 127.0.0.1; plans `vcc check --external` without and with --allow-internal."""
    case.server = case.server or CountingServer()
    links = external_links(rng, case.server.port, case.url_marker)
    body = "".join(f"- [Link {i}](<{url}>)\n" for i, url in enumerate(links))
    write(os.path.join(case.proj, "content", "extern.md"), f"---\ntitle: Externe Links\nsummary: Viele Links.\n---\n{body}")
    # The base project's real addresses (www.fulda.de, example.org) lead to the counting server too: no request leaves the machine.
    local = f"http://127.0.0.1:{case.server.port}/{case.url_marker}/base"
    for rel in MD_FILES:
        path = os.path.join(case.proj, rel)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                text = f.read()
            write(path, re.sub(rb"https://(www\.[a-z]+\.de|example\.org/kontakt)", local.encode() + rb"/\1", text))
    base = ["check", "--external", "--timeout", str(CHECK_CURL_TIMEOUT), "--deadline", str(CHECK_DEADLINE)]
    case.check_runs.append((base, "no_requests"))
    if rng.random() < 0.8:
        case.check_runs.append((base + ["--allow-internal"], "bounded"))
    return f"external links: {len(links)} links, e.g. {links[0][:80]!r}, {len(case.check_runs)} check runs"



MUTATORS = {"front_matter": mutate_front_matter, "markdown": mutate_markdown, "file_names": mutate_file_names,
            "templates": mutate_templates, "site_yml": mutate_site_yml, "command_line": mutate_command_line,
            "outside_files": mutate_outside_files, "content_files": mutate_content_files, "search_index": mutate_search_index,
            "external_links": mutate_external_links}

# ---- Running vcc and checking invariants -----------------------------------------------------


def snapshot(root):
    """Maps every path under root (bytes, symlinks not followed) to its type and hash or link target."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            try:
                mode = os.lstat(p).st_mode
                if stat.S_ISLNK(mode):
                    result[p] = ("link", os.readlink(p))
                elif stat.S_ISDIR(mode):
                    result[p] = ("dir",)
                elif not stat.S_ISREG(mode):   # a FIFO would block the harness
                    result[p] = ("special", stat.S_IFMT(mode))
                else:
                    with open(p, "rb") as f:
                        result[p] = ("file", hashlib.sha1(f.read()).hexdigest())
            except OSError as e:
                result[p] = ("error", e.errno)
    return result


def without_output(snap, output):
    """A snapshot without the output folder and vcc's `.<name>.vcc-*` helper files beside it."""
    out = os.fsencode(os.path.normpath(output))
    parent, name = os.path.split(out)
    helper = os.path.join(parent, b"." + name + b".vcc-")
    return {p: v for p, v in snap.items() if not (p == out or p.startswith(out + b"/") or p.startswith(helper))}


def changes(before, after):
    """Paths added, removed or changed between two snapshots."""
    return sorted(os.fsdecode(p) for p in set(before) ^ set(after) | {p for p in set(before) & set(after) if before[p] != after[p]})


def limit_child():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_vcc(vcc, args, cwd, timeout, extra_env=None):
    """Runs vcc in its own process group; returns (returncode or "timeout", stderr, seconds, stdout bytes)."""
    # Without the Swift backtracer a crash ends at once; with it, a stack overflow can hang for minutes.
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C.UTF-8", SWIFT_BACKTRACE="enable=no", **(extra_env or {}))
    start = time.monotonic()
    proc = subprocess.Popen([vcc] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=limit_child)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = "timeout"
    return code, err.decode("utf-8", "replace"), time.monotonic() - start, out


def describe(code):
    if code == "timeout":
        return "hang (killed)"
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit {code}"


def check_process(code, stderr, what, detail):
    """Invariants for every vcc run: exit 0/1/2, no signal, no hang, no runtime trap. Returns [(signature, detail)]."""
    if code == "timeout":
        return [(f"{what} hangs", detail)]
    problems = []
    if code < 0:
        problems.append((f"{what} killed by {signal.Signals(-code).name}", detail))
    elif code not in (0, 1, 2):
        problems.append((f"{what} exit code not 0/1/2", f"{code}: {detail}"))
    elif any(t in stderr for t in TRAPS):
        problems.append((f"{what} runtime trap message in stderr", detail))
    return problems


def hostile_links(folder, skip=()):
    """href/src values with a javascript:, vbscript: or data: scheme in the built HTML (but the files `skip`)."""
    found = []
    for dirpath, _, filenames in os.walk(os.fsencode(folder)):
        for name in filenames:
            if name.endswith(b".html") and os.fsdecode(os.path.relpath(os.path.join(dirpath, name), os.fsencode(folder))) not in skip:
                with open(os.path.join(dirpath, name), "rb") as f:
                    for url in ATTRIBUTE_URL.findall(f.read()):
                        if re.sub(rb"[\x00-\x20]", b"", url).lower().startswith(BAD_SCHEMES):
                            found.append(f"{os.fsdecode(name)}: {url[:60]!r}")
    return found


def output_files(folder):
    """(path relative to folder, bytes) of every regular file in the output; a link is read through when it is one."""
    for dirpath, _, filenames in os.walk(os.fsencode(folder)):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                continue
            try:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    with os.fdopen(fd, "rb") as f:
                        fd = None
                        yield os.fsdecode(os.path.relpath(path, os.fsencode(folder))), f.read()
            finally:
                if fd is not None:
                    os.close(fd)


def unpacked(rel, data):
    """The file's bytes and what it holds compressed or encoded: ZIP members, raw-DEFLATE records of the
    search index (at its start and after each newline), base64 `data:` addresses."""
    yield data
    if rel.endswith(".zip") or data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
                for info in z.infolist()[:1000]:
                    yield z.read(info)[:50_000_000]
        except Exception:
            pass
    if rel.endswith(".bin"):
        for start in [0] + [m.end() for m in re.finditer(rb"\n", data)][:20_000]:
            try:
                yield zlib.decompressobj(-15).decompress(data[start:], 20_000_000)
            except zlib.error:
                pass
    for match in re.finditer(rb"base64,([A-Za-z0-9+/=]{8,})", data):
        try:
            yield __import__("base64").b64decode(match.group(1))
        except Exception:
            pass


def marker_in_output(marker, folder):
    """Output files that hold the secret marker (case-insensitive, also compressed or base64-encoded)."""
    needle = marker.lower().encode()
    return [rel for rel, data in output_files(folder) if any(needle in part.lower() for part in unpacked(rel, data))]


SVG_TAG = re.compile(rb"<[^>]*>", re.S)
SVG_ATTRIBUTE = re.compile(rb"""([^\s=/<>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
SVG_FORBIDDEN = [b"<script", b"<foreignobject", b"<set", b"<animate", b"<handler", b"<iframe", b"<?xml-stylesheet", b"@import",
                 b"<!entity", b"<!doctype", b"<svg:script", b"<listener"]


def svg_problems(data):
    """Why a published SVG could run script or load from elsewhere: [] when it cannot."""
    found = []
    folded = re.sub(rb"[\x00-\x20]", b"", html.unescape(data.decode("utf-8", "replace")).encode()).lower()
    lower = data.lower()
    found += [f"has {f.decode()}" for f in SVG_FORBIDDEN if f in lower]
    for bad in (b"javascript:", b"vbscript:"):
        if bad in folded:
            found.append(f"has {bad.decode()}")
    for tag in SVG_TAG.findall(data):
        element = re.match(rb"<\s*/?\s*([^\s/>]*)", tag).group(1).lower()
        for name, value in SVG_ATTRIBUTE.findall(tag[1:]):
            name = name.lower()
            value = re.sub(r"[\x00-\x20]", "", html.unescape(value.strip(b"\"'").decode("utf-8", "replace"))).lower()
            if name.startswith(b"on"):
                found.append(f"attribute {name.decode()}")
            elif name in (b"href", b"xlink:href") and element != b"a" and ("http" in value or value.startswith("//")):
                found.append(f"<{element.decode()} {name.decode()}={value[:40]}> loads from elsewhere")
            elif name in (b"href", b"xlink:href") and value.startswith("data:") and not value.startswith(
                    ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")):
                found.append(f"<{element.decode()} {name.decode()}={value[:40]}>")
            elif name == b"xml:base":
                found.append("xml:base")
    text = html.unescape(data.decode("utf-8", "replace")).lower()
    styles = re.findall(r"<style[^>]*>(.*?)</style", text, re.S) + re.findall(r"""\sstyle\s*=\s*("[^"]*"|'[^']*')""", text)
    for css in styles:
        folded_css = re.sub(r"[\x00-\x20]", "", css)
        for bad in ("\\", "//", "http", "expression(", "image-set(", "@import"):
            if bad in folded_css:
                found.append(f"CSS with {bad}")
    for url in re.findall(r"url\(\s*['\"]?([^)'\"]*)", text):
        if "http" in url or url.strip().startswith("//"):
            found.append(f"url({url[:40]})")
    return sorted(set(found))


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
        result["problems"].append(("harness error", f"{e!r} at fuzz.py line {where.lineno} ({where.name})"[:300]))
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
