#!/usr/bin/env python3
"""Fuzz harness for `vcc build` and `vcc search` (Python 3 standard library only).

Each case writes a small valid project into a fresh temp folder, builds it once, snapshots the
temp folder, applies 1-3 random mutations (front matter, Markdown, file names, templates,
site.yml, command line) and builds again, checking invariants on exit code, stderr and the
file system. A case is reproducible from its seed and number: `--seed S --case K`.
See tests/fuzz/README.md.
"""
import argparse
import concurrent.futures as futures
import hashlib
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FIXED_SEED = 20261201
BUILD_TIMEOUT = 20          # seconds for a `vcc build`; longer is a hang
SEARCH_TIMEOUT = 10         # seconds for a `vcc search`
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
        self.search_runs = []        # argument lists for `vcc search`
        self.mutations, self.families = [], []

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
        case.search_runs.append(["search", "--site", "public"] + filters + extra + ["--", query])
    return f"command line: {len(case.search_runs)} search runs"


MUTATORS = {"front_matter": mutate_front_matter, "markdown": mutate_markdown, "file_names": mutate_file_names,
            "templates": mutate_templates, "site_yml": mutate_site_yml, "command_line": mutate_command_line}

# ---- Running vcc and checking invariants -----------------------------------------------------


def snapshot(root):
    """Maps every path under root (bytes, symlinks not followed) to its type and hash or link target."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            try:
                if os.path.islink(p):
                    result[p] = ("link", os.readlink(p))
                elif os.path.isdir(p):
                    result[p] = ("dir",)
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


def run_vcc(vcc, args, cwd, timeout):
    """Runs vcc in its own process group; returns (returncode or "timeout", stderr, seconds)."""
    # Without the Swift backtracer a crash ends at once; with it, a stack overflow can hang for minutes.
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C.UTF-8", SWIFT_BACKTRACE="enable=no")
    start = time.monotonic()
    proc = subprocess.Popen([vcc] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=limit_child)
    try:
        _, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        code = "timeout"
    return code, err.decode("utf-8", "replace"), time.monotonic() - start


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


def hostile_links(folder):
    """href/src values with a javascript:, vbscript: or data: scheme in the built HTML."""
    found = []
    for dirpath, _, filenames in os.walk(os.fsencode(folder)):
        for name in filenames:
            if name.endswith(b".html"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    for url in ATTRIBUTE_URL.findall(f.read()):
                        if re.sub(rb"[\x00-\x20]", b"", url).lower().startswith(BAD_SCHEMES):
                            found.append(f"{os.fsdecode(name)}: {url[:60]!r}")
    return found


def check_build(case, code, err, before, after):
    """The file-system and stderr invariants of the mutated `vcc build`."""
    problems = check_process(code, err, "build", " ".join(case.build_args))
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
            bad = hostile_links(output)
            if bad:
                problems.append(("build exit 0 with a javascript:/vbscript:/data: link in the output", str(bad[:3])))
        if code == 2 and not LOCATION.search(err):
            problems.append(("build exit 2 (usage/environment) for a content change, without path:line",
                             err.strip().splitlines()[-1][:160] if err.strip() else ""))
    if code == 1 and not LOCATION.search(err):
        problems.append(("build exit 1 without any path:line location in stderr", err.splitlines()[0][:160] if err else ""))
    return problems


def prepare_case(vcc, seed, index, root):
    """Writes the base project into root, builds it (must succeed) and applies 1-3 mutations."""
    rng = random.Random(f"{seed}:{index}")
    case = Case(seed, index, root)
    for rel, text in BASE.items():
        write(os.path.join(case.proj, rel), text)
    code, err, _ = run_vcc(vcc, ["build"], case.proj, BUILD_TIMEOUT)
    if code != 0:
        raise RuntimeError(f"the base project does not build ({describe(code)}): {err[:500]}")
    case.families = rng.sample(sorted(MUTATORS), rng.randint(1, 3))
    case.mutations = [MUTATORS[family](rng, case) for family in case.families]
    return case


def run_case(vcc, seed, index, scratch):
    """Runs one case in its own temp folder; returns a result dict (no problems = every invariant held)."""
    root = tempfile.mkdtemp(prefix=f"vcc-fuzz-{seed}-{index}-", dir=scratch)
    started = time.monotonic()
    result = {"seed": seed, "index": index, "problems": [], "codes": [], "stderr": "", "mutations": [], "families": [],
              "build_seconds": 0.0}
    try:
        case = prepare_case(vcc, seed, index, root)
        result.update(mutations=case.mutations, families=case.families)
        before = snapshot(root)
        code, err, result["build_seconds"] = run_vcc(vcc, case.build_args, case.proj, BUILD_TIMEOUT)
        result["problems"] = check_build(case, code, err, before, snapshot(root))
        result["codes"].append("build " + describe(code))
        result["stderr"] = err
        for args in case.search_runs:
            if not os.path.isdir(case.proj):
                break
            scode, serr, _ = run_vcc(vcc, args, case.proj, SEARCH_TIMEOUT)
            result["codes"].append("search " + describe(scode))
            found = check_process(scode, serr, "search", " ".join(repr(a)[:40] for a in args[3:]))
            if found:
                result["problems"] += found
                result["stderr"] += "\n[search] " + serr
    except Exception as e:  # a harness problem is reported like a failure, it does not stop the run
        result["problems"].append(("harness error", repr(e)[:300]))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    result["seconds"] = time.monotonic() - started
    return result


def keep_failure(vcc, result, keep_dir):
    """Regenerates a failed case (base built, mutations applied) into keep_dir, with a rerun.sh."""
    dest = os.path.join(keep_dir, f"seed{result['seed']}-case{result['index']}")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    case = prepare_case(vcc, result["seed"], result["index"], dest)
    quote = lambda args: " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
    lines = ["#!/bin/sh", f"# {'; '.join(case.mutations)}", f"# {'; '.join(sig for sig, _ in result['problems'])}",
             'cd "$(dirname "$0")/work/proj" || exit', f"VCC=${{VCC:-{vcc}}}", "export SOURCE_DATE_EPOCH=1700000000",
             f'"$VCC" {quote(case.build_args)}; echo "exit $?"']
    lines += [f'"$VCC" {quote(args)} >/dev/null; echo "exit $?"' for args in case.search_runs]
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


def run_cases(vcc, seed, indices, deadline, jobs, scratch):
    """Yields the results of the cases `indices` of `seed`, `jobs` at a time; none starts after `deadline`."""
    with futures.ThreadPoolExecutor(jobs) as pool:
        pending, indices = set(), iter(indices)
        while True:
            while len(pending) < jobs and time.monotonic() < deadline and (index := next(indices, None)) is not None:
                pending.add(pool.submit(run_case, vcc, seed, index, scratch))
            if not pending:
                return
            done, pending = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
            yield from (f.result() for f in done)


def print_summary(signatures, slowest):
    """Failures grouped by invariant, and the slowest mutated builds."""
    example = lambda seed, index, mutations: f"--seed {seed} --case {index}: {printable('; '.join(m[:80] for m in mutations))}"
    if signatures:
        print("\nfailures by invariant (count, first examples):")
        for sig, cases in sorted(signatures.items(), key=lambda item: -len(item[1])):
            print(f"  {len(cases):4}  {sig}")
            for case in cases[:3]:
                print("          " + example(*case))
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
    args = ap.parse_args()
    vcc = os.path.abspath(args.vcc)
    scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
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
    seconds, signatures, slowest = [], {}, []
    for seed, max_cases, deadline in phases:
        print(f"seed {seed} (rerun one case with --seed {seed} --case K)", flush=True)
        indices = [args.case] if args.case is not None else range(max_cases)
        for result in run_cases(vcc, seed, indices, deadline, args.jobs, scratch):
            seconds.append(result["seconds"])
            slowest = sorted(slowest + [(result["build_seconds"], seed, result["index"], result["mutations"])])[-5:]
            if not result["problems"]:
                passed += 1
                continue
            failed += 1
            for sig in dict.fromkeys(sig for sig, _ in result["problems"]):
                signatures.setdefault(sig, []).append((seed, result["index"], result["mutations"]))
            try:
                saved = keep_failure(vcc, result, keep_dir)
            except Exception as e:
                saved = f"(not saved: {e!r})"
            report_failure(result, saved)
    print_summary(signatures, slowest)
    if seconds:
        print(f"\n{len(seconds)} cases in {time.monotonic() - start:.0f} s, {sum(seconds) / len(seconds):.2f} s per case")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
