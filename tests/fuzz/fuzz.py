#!/usr/bin/env python3
"""Fuzz harness for `vcc build` / `vcc search` (standard library only).

Each case writes a small valid project into a fresh temp folder, builds it once, snapshots the
temp folder, applies 1-3 random mutations (front matter, Markdown, file names, templates,
site.yml, command line) and builds again, checking invariants on exit code, stderr and the file
system.  Cases are reproducible from (seed, case number): `--seed S --case K`.
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
BUILD_TIMEOUT = 20          # seconds per vcc run; more is a "hang"
MEMORY_LIMIT = 6 << 30      # address-space cap per vcc process, so a bomb cannot take the machine
LOCATION = re.compile(r"\S+:\d+(:\d+)?: ")
HELPER = re.compile(r"(^|/)\.[^/]*\.vcc-")   # vcc's staging/lock/old folders beside an output
TRAPS = ("Fatal error", "Illegal instruction", "Segmentation fault", "Current stack trace")

# ---------------------------------------------------------------------------------------------
# The valid base project
# ---------------------------------------------------------------------------------------------

BASE = {
    "site.yml": "title: Fuzz-Wissensbasis\ndescription: Testseite\npublisher: Fuzz\n"
                "base_url: https://vcc.example.org\nlanguage: de\nallow_raw_html: false\n",
    "content/index.md": "---\ntitle: Start\nsummary: Startseite.\n---\nWillkommen. Siehe [Impressum](impressum.md).\n",
    "content/impressum.md": "---\ntitle: Impressum\nsummary: Anbieter.\n---\n## Anbieter\n\nText.\n\n## Kontakt\n\nMehr.\n",
    "content/kommunen/offenbach.md": "---\nname: Offenbach\nofficial_name: Stadt Offenbach am Main\nags: \"06413000\"\n"
                                     "website: https://www.offenbach.de\nsummary: Stadt am Main.\n---\nOffenbach.\n",
    "content/kommunen/marburg.md": "---\nname: Marburg\nofficial_name: Universitätsstadt Marburg\nags: \"06534014\"\n"
                                   "website: https://www.marburg.de\n---\nMarburg.\n",
    "content/kommunen/fulda.md": "---\nname: Fulda\nofficial_name: Stadt Fulda\nags: \"06631009\"\nwebsite: https://www.fulda.de\n---\nFulda.\n",
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
        "maturity: idee\nlicense: CC-BY-4.0\ncontact: {name: Bürgerbüro, email: termine@example.org}\nupdated: 2024-01-10\n"
        "---\nText mit ~~alt~~ und Fußnote[^1].\n\n[^1]: Die Fußnote.\n"),
    "content/berichte/zwischenbericht.md": (
        "---\ntitle: Zwischenbericht\nsummary: Erste Erkenntnisse.\nproject: godonu\nreport_type: Zwischenbericht\n"
        "published: 2024-10-21\nauthors: [Projektteam]\n---\n## Beobachtungen\n\nSiehe [Posteingang](../blaupausen/posteingang.md).\n"),
    "content/qualifizierung/grundlagen/index.md": (
        "---\ntitle: Grundlagen\nsummary: Einstiegskurs.\naudience: Beschäftigte\nlearning_outcomes: [Prozesse beschreiben]\n"
        "workload: 8 Stunden\nlicense: CC-BY-SA-4.0\n---\nKurstext.\n"),
    "content/qualifizierung/grundlagen/01-prozesse.md": (
        "---\ntitle: Prozesse verstehen\norder: 1\nduration: 120 Minuten\nlearning_objectives: [Ablauf zeichnen]\n---\n## Einstieg\n\nText.\n"),
    "content/qualifizierung/grundlagen/02-daten.md": (
        "---\ntitle: Daten\norder: 2\nduration: 90 Minuten\nlearning_objectives: [Datenschutz]\n---\n## Daten\n\nText.\n"),
}
MD_FILES = sorted(p for p in BASE if p.endswith(".md"))
IDS = ["offenbach", "marburg", "fulda", "godonu", "posteingang", "prozesse", "termine", "zwischenbericht", "grundlagen"]

HOSTILE_URLS = ["javascript:alert(1)", "//evil.example/x", "../../../etc/passwd", "data:text/html,<script>alert(1)</script>",
                "www.fulda.de", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:x", "file:///etc/passwd",
                "https://exa mple.org/\"><script>", "", "#", "?", "http://", "mailto:", "\u202ehttps://x", "https://x/\x00y"]

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def write(path, data):
    """Writes str (UTF-8) or bytes to a str or bytes path, making parent folders."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def split_fm(data):
    """Splits a base Markdown file into (front matter lines, body)."""
    text = data.decode("utf-8", "surrogateescape")
    _, fm, body = text.split("---\n", 2)
    return fm.splitlines(), body


def join_fm(lines, body):
    return ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogateescape")


def nested(rng, depth):
    """A deeply nested YAML flow value."""
    open_, close = rng.choice([("{a: ", "}"), ("[", "]")])
    return open_ * depth + "x" + close * depth


# ---------------------------------------------------------------------------------------------
# Family 1: front matter
# ---------------------------------------------------------------------------------------------


def hostile_value(rng):
    """A YAML value that is wrong, odd or huge."""
    def bomb():
        text = "&l0 [" + ",".join(["lol"] * 9) + "]"
        for i in range(1, rng.randint(3, 6)):
            text += f"\n_l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]"
        return text
    fixed = ["[a, b]", "{a: 1, b: [2]}", "42", "-1", "3.5e308", ".nan", "true", "no", "null", "~", "", "''", "\"\"",
             "2024-02-30", "2024-13-01", "0000-00-00", "99999-01-01", "2024-1-2", "2024-05-14T25:61:00Z",
             "!!binary aGVsbG8=", "!!python/object:os.system ls", "!foo bar", "!!int abc", "!!float x", "!!set {a, b}",
             "!!map []", "!<tag:evil> x", "&a x", "*undefined_alias", "\"a\x00b\"", "\"\x1b[31mrot\x07\"",
             "\"\u202eevil\"", "b\udcff\udcfe", "\"\\x00\\u202e\\e\"", "|\n  mehr\n  zeilen", ">-\n  gefaltet",
             "'unclosed", "[unclosed", "{a: [}", "@reserved", "`tick", "- list\n- at\n- top", "does-not-exist",
             "\u00fc\u0308ber", "<<: *undefined", "{<<: [1]}", "? [a]\n: b"]
    generated = [
        lambda: "x" * 100_000,
        lambda: "[" + ",".join(str(i) for i in range(10_000)) + "]",
        lambda: "\n" + "".join(f"  - i{i}\n" for i in range(10_000)),
        lambda: nested(rng, rng.choice([50, 1000, 5000, 20_000])),
        lambda: '"' + rng.choice(HOSTILE_URLS).replace('"', '\\"') + '"',
        lambda: rng.choice(IDS),
        lambda: '"' + "\\u00e4" * 5000 + '"',
        bomb,
    ]
    if rng.random() < 0.5:
        return rng.choice(fixed)
    return rng.choice(generated)()


def set_key(lines, key, value, replace_at=None):
    """Removes `key` (with its indented continuation lines) and puts `key: value` at its place or the end."""
    out, skip, where = [], False, None
    for line in lines:
        if line.startswith(key + ":"):
            skip, where = True, len(out)
            continue
        if skip and line[:1] in (" ", "\t"):
            continue
        skip = False
        out.append(line)
    out.insert(where if where is not None and replace_at else len(out), f"{key}: {value}")
    return out


def mutate_front_matter(rng, proj):
    """Replaces, adds, duplicates or mangles front matter of one base document."""
    rel = rng.choice(MD_FILES)
    path = os.path.join(proj, rel)
    lines, body = split_fm(read(path))
    own = os.path.basename(os.path.dirname(rel)) if rel.endswith("index.md") else os.path.basename(rel)[:-3]
    op = rng.choice(["replace", "replace", "add", "duplicate", "refs", "urls", "dates", "ags", "bytes", "shape"])
    key = rng.choice([l.split(":")[0] for l in lines if re.match(r"^\w+:", l)])
    detail = key
    if op == "replace":
        lines = set_key(lines, key, hostile_value(rng), replace_at=True)
    elif op == "add":
        detail = rng.choice(["unknown_key", "titel", "typ", "type", "draft", "related", "order", "summary"])
        lines = set_key(lines, detail, hostile_value(rng))
    elif op == "duplicate":
        lines.append(f"{key}: {hostile_value(rng)}")
    elif op == "refs":
        ref = rng.choice([own, "nicht-da", "../kommunen/fulda", "FULDA", "fulda.md", "offenbach/", "''"])
        detail = rng.choice(["related", "municipalities", "project", "lead", "partners", "adopted_by"])
        value = {"related": f"[{ref}, {ref}]", "municipalities": f"[{ref}]", "project": ref, "lead": ref,
                 "partners": f"[{ref}, {own}]", "adopted_by": f"[{{municipality: {ref}, since: 2024-02-30}}, {{municipality: {own}}}]"}
        lines = set_key(lines, detail, value[detail])
        detail += "=" + ref
    elif op == "urls":
        url = rng.choice(HOSTILE_URLS + ["../../site.yml", "/etc/passwd", "checkliste.txt/../../../x", "../berichte/zwischenbericht.md"])
        url = url.replace("\\", "\\\\").replace('"', '\\"')
        detail = rng.choice(["contact", "website", "attachments"])
        value = {"contact": f'{{name: X, {rng.choice(["url", "email"])}: "{url}"}}', "website": f'"{url}"',
                 "attachments": f'[{{title: T, path: "{url}"}}]'}
        lines = set_key(lines, detail, value[detail])
        detail += "=" + repr(url)
    elif op == "dates":
        detail = rng.choice(["2024-02-30", "2023-02-29", "24-01-01", "2024/01/01", "2024-00-10", "1-01-01", "2024-05-14 10:00"])
        for k in ("updated", "published", "start", "since", "end"):
            lines = [l.replace("2024-05-14", detail).replace("2024-03-01", detail).replace("2024-10-21", detail)
                     if l.startswith(k) else l for l in lines]
        lines = set_key(lines, "end", rng.choice(["1999-01-01", detail, "bald", "12"]))
    elif op == "ags":
        detail = rng.choice(['"06a31009"', "6631009", '"0663100"', '"066310091"', '"16631009"', '"\uff10\uff16631009"', "[]"])
        lines = set_key(lines, "ags", detail)
    elif op == "bytes":
        raw = join_fm(lines, body)
        detail = rng.choice(["bom", "crlf", "noclose", "onlyfm", "nul", "badutf8", "empty", "cr", "dashes4", "indented"])
        raw = {"bom": b"\xef\xbb\xbf" + raw, "crlf": raw.replace(b"\n", b"\r\n"), "cr": raw.replace(b"\n", b"\r"),
               "noclose": raw.replace(b"\n---\n", b"\n", 1), "onlyfm": join_fm(lines, "").rstrip(b"\n"),
               "nul": raw.replace(b":", b":\x00", 1), "badutf8": raw.replace(b"\n", b"\xff\xfe\xc3\n", 2), "empty": b"",
               "dashes4": raw.replace(b"---", b"----"), "indented": raw.replace(b"\n", b"\n ", 3)}[detail]
        write(path, raw)
        return f"front matter {rel}: bytes/{detail}"
    elif op == "shape":
        lines = [rng.choice(["- a\n- b", "just a string", "[1, 2]", "", "~", "? complex key\n: value", "<<: {title: merge}",
                             "!!binary aGVsbG8=", "&a {title: x}\n<<: *a"])]
        detail = repr(lines[0])
    write(path, join_fm(lines, body))
    return f"front matter {rel}: {op} {detail}"


# ---------------------------------------------------------------------------------------------
# Family 2: Markdown bodies
# ---------------------------------------------------------------------------------------------


def hostile_body(rng):
    """A Markdown body that stresses the renderer: (kind, text)."""
    cols = rng.choice([50, 500, 3000])
    rows = rng.choice([100, 10_000])
    depth = rng.choice([100, 1000, 5000])
    url = rng.choice(HOSTILE_URLS)
    kinds = {
        "wide_table": lambda: "|" + "|".join(f"h{i}" for i in range(cols)) + "|\n|" + "---|" * cols + "\n|" + "x|" * cols + "\n",
        "long_table": lambda: "| a | b |\n|---|---|\n" + "".join(f"| {i} | [l](#x{i}) |\n" for i in range(rows)),
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
        "links": lambda: "".join(f"[l{i}]({u}) <{u}> ![i]({u})\n" for i, u in enumerate(HOSTILE_URLS)) + f"[ref][r]\n\n[r]: {url}\n",
        "footnotes": lambda: "".join(f"x[^{i}]" for i in range(5000)) + "\n\n" + "".join(f"[^{i}]: [^{i + 1}]\n" for i in range(5000)),
        "nul": lambda: "a\x00b\x00\n# \x00\n",
        "anchors": lambda: "[a](#nope) [b](impressum.md#nope) [c](../nicht/da.md) [d](posteingang.md#) [e](#)\n"
                           "[f](/content/index.md) [g](index.md#ausgangslage) [h](%2e%2e/x.md) [i](.md) [j](../)\n",
        "headings": lambda: "".join(f"{'#' * rng.randint(1, 6)} {rng.choice(['Ü', 'ü', '&', '', '-', '#', 'Über & Ziele'])}\n\n"
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


def mutate_markdown(rng, proj):
    """Replaces or extends the body of one base document with a hostile body."""
    rel = rng.choice(MD_FILES)
    path = os.path.join(proj, rel)
    lines, body = split_fm(read(path))
    name, new = hostile_body(rng)
    body = new if rng.random() < 0.5 else body + "\n" + new
    write(path, join_fm(lines, body))
    return f"markdown {rel}: {name}"


# ---------------------------------------------------------------------------------------------
# Family 3: file and folder names
# ---------------------------------------------------------------------------------------------

PAGE = "---\ntitle: Seite\n---\nText.\n"


def mutate_file_names(rng, proj, root):
    """Adds files whose names are odd, collide with generated files, or are symlinks."""
    c = os.path.join(proj, "content")
    op = rng.choice(["nfc_nfd", "case", "odd_chars", "long", "bad_utf8", "generated", "md_beside_index",
                     "md_beside_html", "empty", "symlink_out", "symlink_dir", "symlink_loop", "chmod", "md_folder"])
    folder = os.path.join(c, rng.choice(["", "blaupausen", "berichte", "kommunen", "qualifizierung/grundlagen"]))
    if op == "nfc_nfd":
        write(os.path.join(folder, "\u00dcbersicht.md"), PAGE)
        write(os.path.join(folder, "U\u0308bersicht.md"), PAGE)
    elif op == "case":
        write(os.path.join(folder, "A.md"), PAGE)
        write(os.path.join(folder, "a.md"), PAGE)
    elif op == "odd_chars":
        for name in rng.sample([" leer zeichen.md", "a#b.md", "frage?.md", "pro%20zent.md", ".versteckt.md", "-.md",
                                "..md", "a\nb.md", "x\\y.md", "'quote\".md", "<b>.md", "index.html", ".md", "a b/index.md"], 3):
            write(os.path.join(folder, name), PAGE)
    elif op == "long":
        write(os.path.join(folder, "l" * rng.choice([200, 251]) + ".md"), PAGE)
        write(os.path.join(folder, "\u00e4" * 125 + ".md"), PAGE)
    elif op == "bad_utf8":
        write(os.fsencode(folder) + b"/" + rng.choice([b"\xff\xfe.md", b"a\xc3.md", b"\xed\xa0\x80.md", b"ok\xff/index.md"]), PAGE)
    elif op == "generated":
        name = rng.choice(["sitemap.xml", "feed.xml", "404.html", "robots.txt", "assets/style.css", "suche/index.html",
                           "blaupausen/katalog.json", "suche.md", "404.md", "themen/index.md", "suche/index/manifest.json",
                           "blaupausen/index.md", "index.html", "assets/search/engine.js"])
        write(os.path.join(c, name), PAGE if name.endswith(".md") else "static\n")
        folder = c
    elif op == "md_beside_index":
        write(os.path.join(folder, "a.md"), PAGE)
        write(os.path.join(folder, "a", "index.md"), PAGE)
    elif op == "md_beside_html":
        write(os.path.join(folder, "a.md"), PAGE)
        write(os.path.join(folder, "a", "index.html"), "<p>x</p>\n")
    elif op == "md_folder":
        os.makedirs(os.path.join(folder, "ordner.md"), exist_ok=True)
    elif op == "empty":
        write(os.path.join(folder, rng.choice(["leer.md", "leer.txt", "index.md"])), b"")
    elif op == "symlink_out":
        write(os.path.join(root, "outside", "secret.md"), PAGE)
        os.makedirs(folder, exist_ok=True)
        os.symlink(os.path.join(root, "outside", rng.choice(["secret.md", "missing.md"])), os.path.join(folder, "link.md"))
    elif op == "symlink_dir":
        os.makedirs(folder, exist_ok=True)
        os.symlink(rng.choice([os.path.join(c, "kommunen"), os.path.join(root, "outside-missing"), os.path.join(proj, "content")]),
                   os.path.join(folder, "verweis"))
    elif op == "symlink_loop":
        os.makedirs(folder, exist_ok=True)
        os.symlink(".", os.path.join(folder, "schleife"))
        os.symlink("kreis2", os.path.join(folder, "kreis1"))
        os.symlink("kreis1", os.path.join(folder, "kreis2"))
    elif op == "chmod":
        write(os.path.join(folder, "gesperrt.md"), PAGE)
        os.chmod(os.path.join(folder, "gesperrt.md"), 0)
    return f"file names: {op} in {os.path.relpath(folder, proj)}"


# ---------------------------------------------------------------------------------------------
# Family 4: templates
# ---------------------------------------------------------------------------------------------


def mutate_templates(rng, proj):
    """Writes templates/ overrides that recurse, inherit oddly or do not parse."""
    t = os.path.join(proj, "templates")
    page_layout = "{{<base}}{{$main}}<article>{{{content}}}</article>{{/main}}{{/base}}\n"
    options = {
        "self_partial": {"partials/toc.mustache": "{{>partials/toc}}\n"},
        "mutual": {"partials/toc.mustache": "{{>partials/tags}}\n", "partials/tags.mustache": "{{>partials/toc}}\n"},
        "self_base": {"base.mustache": "<html>{{<base}}{{$main}}x{{/main}}{{/base}}</html>\n"},
        "partial_inherits_base": {"partials/toc.mustache": "{{<base}}{{$main}}toc{{/main}}{{/base}}\n"},
        "dot_in_layout": {"layouts/page.mustache": "{{<base}}{{$main}}{{.}}{{{.}}}{{/main}}{{/base}}\n"},
        "unclosed": {"layouts/page.mustache": "{{<base}}{{$main}}{{#page}}offen{{/main}}\n"},
        "unknown_partial": {"layouts/page.mustache": "{{<base}}{{$main}}{{>partials/gibtsnicht}}{{/main}}{{/base}}\n"},
        "unknown_layout": {"layouts/page.mustache": "{{<gibtsnicht}}{{/gibtsnicht}}\n"},
        "syntax": {"layouts/blueprint.mustache": rng.choice(["{{", "}}{{", "{{#}}{{/}}", "{{=<% %>=}}<%x", "{{{x}}", "{{!",
                                                             "{{/a}}", "{{#a}}{{/b}}", "{{$}}", "{{% PRAGMA }}", "{{>}}"])},
        "huge": {"layouts/page.mustache": "{{<base}}{{$main}}" + "{{page.title}}x" * 200_000 + "{{/main}}{{/base}}\n"},
        "deep_sections": {"layouts/page.mustache": "{{<base}}{{$main}}" + "{{#page}}" * 3000 + "y" + "{{/page}}" * 3000 + "{{/main}}{{/base}}\n"},
        "section_loop": {"layouts/page.mustache": "{{<base}}{{$main}}{{#nav}}{{#nav}}{{#nav}}{{#nav}}{{title}}{{/nav}}{{/nav}}{{/nav}}{{/nav}}{{/main}}{{/base}}\n"},
        "empty_base": {"base.mustache": ""},
        "empty_layouts": {"layouts/page.mustache": "", "layouts/blueprint.mustache": "", "layouts/home.mustache": ""},
        "bad_utf8": {"layouts/page.mustache": b"{{<base}}{{$main}}\xff\xfe{{/main}}{{/base}}\n"},
        "binary": {"base.mustache": bytes(rng.randrange(256) for _ in range(4096))},
        "new_layout": {"layouts/neu.mustache": page_layout, "layouts/../x.mustache": "x"},
        "asset_override": {"assets/style.css": "body{}", "assets/search/engine.js": "", "assets/.hidden": "x"},
        "partial_cycle3": {"partials/card.mustache": "{{>partials/tags}}", "partials/tags.mustache": "{{>partials/toc}}",
                           "partials/toc.mustache": "{{#page}}{{>partials/card}}{{/page}}"},
        "layout_is_folder": {"layouts/page.mustache/x": "x"},
    }
    name = rng.choice(sorted(options))
    for rel, text in options[name].items():
        write(os.path.normpath(os.path.join(t, rel)), text)
    return f"templates: {name}"


# ---------------------------------------------------------------------------------------------
# Family 5: site.yml
# ---------------------------------------------------------------------------------------------


def mutate_site_yml(rng, proj):
    """Replaces site.yml with something wrong, missing, empty or hostile."""
    path = os.path.join(proj, "site.yml")
    base_url = rng.choice(["javascript:alert(1)", "//evil.example", "https://x.example/unter/pfad/", "https://", "ftp://x",
                           "https://x.example/\"><script>", "https://x.example/?a=1#f", "", "/relativ", "https://ä.example"])
    options = {
        "missing": None, "empty": b"", "binary": bytes(rng.randrange(256) for _ in range(2048)),
        "wrong_types": "title: [a, b]\ndescription: {x: 1}\nbase_url: 42\nallow_raw_html: yes please\nlanguage: [de]\n",
        "null": "title: ~\ndescription: null\nbase_url:\npublisher:\n",
        "hostile_base_url": f'title: T\nbase_url: "{base_url}"\n',
        "raw_html_on": BASE["site.yml"].replace("allow_raw_html: false", "allow_raw_html: true"),
        "list": "- a\n- b\n", "scalar": "nur text\n", "huge": "title: " + "T" * 200_000 + "\n",
        "unknown": BASE["site.yml"] + "titel: x\nbaseurl: y\n", "dup": BASE["site.yml"] + "title: zwei\n",
        "language": "title: T\nlanguage: \"de\\\"><script>\"\n", "bom_crlf": b"\xef\xbb\xbf" + BASE["site.yml"].replace("\n", "\r\n").encode(),
        "folder": "folder", "tabs": "title:\tT\n\tbase_url: x\n",
    }
    name = rng.choice(sorted(options))
    if os.path.exists(path):
        os.remove(path)
    if name == "folder":
        os.makedirs(path)
    elif options[name] is not None:
        write(path, options[name])
    return f"site.yml: {name}"


# ---------------------------------------------------------------------------------------------
# Family 6: command line
# ---------------------------------------------------------------------------------------------


def mutate_command_line(rng, proj, root, case):
    """Points --output at odd places inside the case folder, or plans hostile `vcc search` runs."""
    if rng.random() < 0.5:
        target = rng.choice([".", "content", "content/blaupausen", "templates", "..", "../other", "./", "content/..",
                             "public/../content", "../proj", os.path.join(proj, ".")])
        if target == "../other":
            write(os.path.join(root, "work", "other", "wichtig.txt"), "unrelated\n")
        if target == "templates":
            write(os.path.join(proj, "templates", "partials", "eigene.mustache"), "x\n")
        case["output"] = target
        case["odd_output"] = True
        return f"command line: build --output {target}"
    runs = []
    for _ in range(rng.randint(1, 4)):
        query = rng.choice(["", " ", "a", "ä" * 5000, "\x01", "\x1b[31m", "\u202e", "*", "\"", "-- -x", "x" * 100_000,
                            "Posteingang", "ü\u0308", "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")])
        flt = []
        for _ in range(rng.randint(0, 3)):
            flt += ["--filter", rng.choice(["type=", "=", "==", "city=", "=x", "theme=\x1b", "unknown=1", "type=Blaupause",
                                            "project=" + "p" * 10_000, "city=Fulda", "type=\u202e", "theme=="])]
        extra = rng.choice([[], ["--json"], ["--limit", "1"], ["--limit", "99999999999"], ["--limit", "-1"]])
        runs.append(["search", "--site", "public"] + flt + extra + ["--", query])
    case["search_runs"] = runs
    return f"command line: {len(runs)} search runs"


FAMILIES = ["front_matter", "markdown", "file_names", "templates", "site_yml", "command_line"]

# ---------------------------------------------------------------------------------------------
# Running vcc and checking invariants
# ---------------------------------------------------------------------------------------------


def snapshot(root):
    """Maps every path under root (bytes) to its type plus file hash or symlink target."""
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


def limit_child():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_vcc(vcc, args, cwd, timeout=BUILD_TIMEOUT):
    """Runs vcc in its own process group; returns (returncode or 'timeout', stderr text, seconds)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C.UTF-8")
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


def describe_code(code):
    if code == "timeout":
        return f"hang (> {BUILD_TIMEOUT} s, killed)"
    if code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit {code}"


def check_run(code, stderr, what):
    """Invariants that hold for every vcc run: sane exit code, no runtime trap."""
    kind = what.split()[0]
    problems = []
    if code == "timeout":
        problems.append((f"{kind} hangs", what))
    elif code < 0:
        problems.append((f"{kind} killed by {signal.Signals(-code).name}", what))
    elif code not in (0, 1, 2):
        problems.append((f"{kind} exit code not 0/1/2", f"{what}: {code}"))
    if code != "timeout" and code >= 0 and any(t in stderr for t in TRAPS):
        problems.append((f"{kind} runtime trap message in stderr", what))
    return problems


def filtered(snap, output):
    """Drops the output folder and vcc's `.<name>.vcc-*` helper files beside it from a snapshot."""
    out = os.fsencode(os.path.normpath(output))
    parent, name = os.path.split(out)
    helper = os.path.join(parent, b"." + name + b".vcc-")
    return {p: v for p, v in snap.items() if not (p == out or p.startswith(out + b"/") or p.startswith(helper))}


def diff(a, b):
    changed = sorted(set(a) ^ set(b) | {p for p in set(a) & set(b) if a[p] != b[p]})
    return [os.fsdecode(p) for p in changed]


def prepare_case(vcc, seed, index, root):
    """Writes the base project, builds it, applies the mutations. Returns the case description."""
    rng = random.Random(f"{seed}:{index}")
    proj = os.path.join(root, "work", "proj")
    for rel, text in BASE.items():
        write(os.path.join(proj, rel), text)
    case = {"seed": seed, "index": index, "root": root, "proj": proj, "output": "public", "odd_output": False,
            "search_runs": [], "mutations": [], "families": []}
    code, err, _ = run_vcc(vcc, ["build"], proj)
    if code != 0:
        raise RuntimeError(f"base project does not build ({describe_code(code)}):\n{err}")
    families = rng.sample(FAMILIES, rng.randint(1, 3))
    for family in families:
        if family == "front_matter":
            m = mutate_front_matter(rng, proj)
        elif family == "markdown":
            m = mutate_markdown(rng, proj)
        elif family == "file_names":
            m = mutate_file_names(rng, proj, root)
        elif family == "templates":
            m = mutate_templates(rng, proj)
        elif family == "site_yml":
            m = mutate_site_yml(rng, proj)
        else:
            m = mutate_command_line(rng, proj, root, case)
        case["mutations"].append(m)
    case["families"] = families
    case["build_args"] = ["build"] + (["--output", case["output"]] if case["output"] != "public" else [])
    return case


def run_case(vcc, seed, index, scratch):
    """Runs one case; returns a result dict (problems empty when every invariant held)."""
    root = tempfile.mkdtemp(prefix=f"vcc-fuzz-{seed}-{index}-", dir=scratch)
    started = time.monotonic()
    try:
        try:
            case = prepare_case(vcc, seed, index, root)
        except Exception as e:  # a harness or base-project problem: report it, do not stop the run
            case = {"families": ["harness"], "mutations": [], "search_runs": []}
            return {"seed": seed, "index": index, "problems": [("harness error", repr(e))], "codes": [], "stderr": str(e),
                    "case": case, "seconds": time.monotonic() - started, "build_seconds": 0}
        proj = case["proj"]
        output = os.path.normpath(os.path.join(proj, case["output"]))
        public = os.path.join(proj, "public")
        before = snapshot(root)
        code, err, secs = run_vcc(vcc, case["build_args"], proj)
        after = snapshot(root)
        problems = check_run(code, err, "build")
        if case["odd_output"]:
            # Expected once fixed: exit 2 and nothing touched anywhere, apart from helper files.
            changed = [p for p in diff(before, after) if not HELPER.search(p)]
            if changed:
                problems.append((f"--output {case['output']} touched files",
                                 f"exit {code}, changed/deleted {len(changed)} paths, e.g. {changed[:3]}"))
        else:
            outside = diff(filtered(before, output), filtered(after, output))
            if outside:
                problems.append(("written/changed/deleted outside the output", str(outside[:5])))
            if code != 0 and code != "timeout":
                inside = diff({p: v for p, v in before.items() if p.startswith(os.fsencode(public) + b"/")},
                              {p: v for p, v in after.items() if p.startswith(os.fsencode(public) + b"/")})
                if inside:
                    problems.append(("failed build changed the previous output", str(inside[:5])))
            if code == 0 and not os.path.isfile(os.path.join(output, "index.html")):
                problems.append(("exit 0 but no index.html in the output", output))
        if code == 1 and not LOCATION.search(err):
            problems.append(("exit 1 without any path:line location in stderr", err.splitlines()[0][:120] if err else ""))
        codes = [describe_code(code)]
        for args in case["search_runs"]:
            scode, serr, _ = run_vcc(vcc, args, proj)
            codes.append("search " + describe_code(scode))
            sp = check_run(scode, serr, "search " + " ".join(repr(a)[:40] for a in args[3:]))
            if sp:
                problems += sp
                err += "\n[search] " + serr
        return {"seed": seed, "index": index, "problems": problems, "codes": codes, "stderr": err, "case": case,
                "seconds": time.monotonic() - started, "build_seconds": secs}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def keep_failure(vcc, result, keep_dir):
    """Regenerates a failed case (base built, mutations applied) into keep_dir with a rerun.sh."""
    dest = os.path.join(keep_dir, f"seed{result['seed']}-case{result['index']}")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    case = prepare_case(vcc, result["seed"], result["index"], dest)
    lines = ["#!/bin/sh", f"# {'; '.join(case['mutations'])}", f"# problems: {'; '.join(sig for sig, _ in result['problems'])}",
             "cd \"$(dirname \"$0\")/work/proj\"", f"VCC=${{VCC:-{vcc}}}", "export SOURCE_DATE_EPOCH=1700000000",
             "$VCC " + " ".join(repr(a) for a in case["build_args"]) + "; echo \"exit $?\""]
    lines += ["$VCC " + " ".join(repr(a) for a in args) + "; echo \"exit $?\"" for args in case["search_runs"]]
    write(os.path.join(dest, "rerun.sh"), "\n".join(lines) + "\n")
    os.chmod(os.path.join(dest, "rerun.sh"), 0o755)
    return dest


def report_failure(result, saved):
    case = result["case"]
    print(f"\nFAIL seed={result['seed']} case={result['index']} [{', '.join(case['families'])}]", flush=False)
    for m in case["mutations"]:
        print(f"  mutation: {m}")
    for sig, detail in result["problems"]:
        print(f"  invariant violated: {sig} ({detail[:300]})")
    print(f"  result: {', '.join(result['codes'])}")
    for line in [l for l in result["stderr"].splitlines() if l.strip()][:8]:
        print(f"  | {line[:200]}")
    print(f"  reproduce: python3 tests/fuzz/fuzz.py --vcc VCC --seed {result['seed']} --case {result['index']}; saved: {saved}",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vcc", required=True, help="path to the vcc binary")
    ap.add_argument("--budget", type=float, default=150, help="seconds before no new case starts (default 150)")
    ap.add_argument("--seed", type=int, help="run only this seed (default: the fixed seed, then a random one)")
    ap.add_argument("--case", type=int, help="with --seed: run only this case number")
    ap.add_argument("--cases", type=int, default=1_000_000, help="at most this many cases in total")
    ap.add_argument("--keep-failures", help="folder for failed cases (default: a new temp folder)")
    ap.add_argument("--jobs", type=int, default=2, help="cases run in parallel (default 2)")
    args = ap.parse_args()
    vcc = os.path.abspath(args.vcc)
    scratch = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    keep_dir = args.keep_failures or tempfile.mkdtemp(prefix="vcc-fuzz-failures-")
    os.makedirs(keep_dir, exist_ok=True)
    start = time.monotonic()
    if args.seed is not None or args.case is not None:
        seed = FIXED_SEED if args.seed is None else args.seed
        phases = [(seed, args.cases, start + args.budget)]
    else:
        second = random.SystemRandom().randrange(1, 2**31)
        phases = [(FIXED_SEED, (args.cases + 1) // 2, start + args.budget / 2), (second, args.cases // 2, start + args.budget)]
    print(f"vcc fuzz: {vcc}, jobs {args.jobs}, budget {args.budget:.0f} s, failures kept in {keep_dir}", flush=True)
    passed = failed = 0
    seconds = []
    signatures = {}  # invariant signature -> [(seed, case, mutations)]
    for seed, max_cases, deadline in phases:
        print(f"seed {seed} (reproduce a case with --seed {seed} --case K)", flush=True)
        indices = iter([args.case] if args.case is not None else range(max_cases))
        with futures.ThreadPoolExecutor(args.jobs) as pool:
            pending = set()
            while True:
                while len(pending) < args.jobs and time.monotonic() < deadline:
                    index = next(indices, None)
                    if index is None:
                        break
                    pending.add(pool.submit(run_case, vcc, seed, index, scratch))
                if not pending:
                    break
                done, pending = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
                for result in (f.result() for f in done):
                    seconds.append(result["seconds"])
                    if not result["problems"]:
                        passed += 1
                        continue
                    failed += 1
                    for sig, _ in result["problems"]:
                        signatures.setdefault(sig, []).append((seed, result["index"], result["case"]["mutations"]))
                    try:
                        saved = keep_failure(vcc, result, keep_dir)
                    except Exception as e:
                        saved = f"(not saved: {e!r})"
                    report_failure(result, saved)
    if signatures:
        print("\nfailures by invariant (count, first examples):")
        for sig, cases in sorted(signatures.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(cases):4}  {sig}")
            for seed, index, mutations in cases[:3]:
                print(f"          --seed {seed} --case {index}: {'; '.join(m[:90] for m in mutations)}")
    if seconds:
        print(f"\n{len(seconds)} cases in {time.monotonic() - start:.0f} s, average case time {sum(seconds) / len(seconds):.2f} s")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
