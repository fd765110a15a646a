"""Mutation families 1-3: front matter, Markdown bodies, file and folder names."""
import os
import re

from .project import HOSTILE_URLS, IDS, MD_FILES, PAGE, join_fm, read_fm, set_key, write


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
    op = rng.choice(["replace", "replace", "add", "duplicate", "refs", "urls", "dates", "ags", "bytes", "shape", "event", "dataset"])
    targets = {"urls": [p for p in MD_FILES if "/blaupausen/" in p or "/kommunen/" in p],
               "ags": [p for p in MD_FILES if "/kommunen/" in p],
               "event": [p for p in MD_FILES if "/veranstaltungen/" in p],
               "dataset": [p for p in MD_FILES if "/daten/" in p]}
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
    elif op == "event":  # times, sessions, speakers, registration and video of an event
        detail = rng.choice(["start", "end", "programme", "registration", "video", "place", "status", "organiser"])
        value = {
            "start": rng.choice(['"2024-03-31T02:30"', '"2023-10-29T02:30"', '"2023-11-16T24:00"', '"2023-11-16T09:00+02:00"',
                                 '"2023-11-16"', '"16.11.2023 09:00"', hostile_value(rng)]),
            "end": rng.choice(['"2023-11-16T08:00"', '"2023-11-16T09:00"', '"9999-12-31T23:59"', hostile_value(rng)]),
            "programme": rng.choice(["[]", "[{}]", "[{title: X}]", '[{title: X, start: "25:00"}]', '[{title: X, start: "18:00", end: "17:00"}]',
                                     '[{title: X, start: "2023-11-17T09:00"}]', "[{title: X, speakers: [{}]}]",
                                     f"[{{title: X, speakers: [{{name: {hostile_value(rng)}, municipality: nicht-da}}]}}]",
                                     "[{title: X, blueprints: [forum], projects: [posteingang], courses: [nicht-da]}]",
                                     "[{title: X, attachments: [{title: T, path: ../../site.yml}]}]",
                                     "[" + ",".join(f'{{title: S{i}, start: "09:{i % 60:02d}"}}' for i in range(3000)) + "]",
                                     hostile_value(rng)]),
            "registration": rng.choice(['{email: "x@y"}', "{url: javascript:alert(1)}", "{deadline: 2024-01-01}", "{}", hostile_value(rng)]),
            "video": rng.choice(["{title: V, file: film.webm}", "{title: V, file: film.webm, captions: film.srt}",
                                 "{title: V, url: http://video.example.org/x}", "{title: V, url: javascript:alert(1)}",
                                 "{title: V, file: ../../site.yml, captions: ../../site.yml}", "{}", hostile_value(rng)]),
            "place": rng.choice(["{}", "{name: X}", "{address: Y}", hostile_value(rng)]),
            "status": rng.choice(["abgesagt", "verschoben", "cancelled", hostile_value(rng)]),
            "organiser": rng.choice(["godonu", "posteingang", "nicht-da", hostile_value(rng)]),
        }[detail]
        lines = set_key(lines, detail, value)
    elif op == "dataset":  # the CSV beside the description, or the description's columns
        csv = os.path.join(os.path.dirname(path), "zahlen.csv")
        detail = rng.choice(["cell", "row", "header", "bytes", "huge", "fields", "file", "period"])
        if detail == "fields":
            lines = set_key(lines, "schema", rng.choice(["{fields: []}", "{fields: [{name: monat}]}", "{fields: [{name: x, type: nonsense}]}",
                                                         "{fields: [{name: monat, type: yearmonth}, {name: monat, type: string}]}",
                                                         "{primaryKey: x}", hostile_value(rng)]))
        elif detail == "file":
            lines = set_key(lines, "file", rng.choice(["../../site.yml", "/etc/passwd", "fehlt.csv", "zahlen.md", "..", hostile_value(rng)]))
        elif detail == "period":
            lines = set_key(lines, "period", rng.choice(["{start: 2024-12-31, end: 2024-01-01}", "{start: 2024-02-30}", "{}", hostile_value(rng)]))
        else:
            rows = {"cell": b"monat,dienst,aufrufe,quote\n2024-13,Parken,12.5,abc\n,\"\",-1,1e999\n",
                    "row": b"monat,dienst,aufrufe,quote\n2024-01,Parken\n2024-02,a,1,2,3,4\n\"offen,1\n",
                    "header": rng.choice([b"", b"\n", b"monat,monat,aufrufe,quote\n", b"aufrufe,monat,dienst,quote\n2024,x,1,1\n",
                                          b"\xef\xbb\xbfmonat,dienst,aufrufe,quote\r\n2024-01,P,1,1\r\n"]),
                    "bytes": rng.choice([b"monat,dienst,aufrufe,quote\n2024-01,\xff\xfe,1,1\n", b"monat,dienst,aufrufe,quote\n2024-01,\x00\x1b[31m,1,1\n",
                                         b"monat,dienst,aufrufe,quote\n2024-01,\"<script>alert(1)</script>\",1,1\n",
                                         b"monat,dienst,aufrufe,quote\n2024-01,=HYPERLINK(\"javascript:x\"),1,1\n"]),
                    "huge": rng.choice([b"monat,dienst,aufrufe,quote\n" + b"".join(b"2024-%02d,D%d,%d,0.5\n" % (i % 12 + 1, i, i) for i in range(50_000)),
                                        b"monat,dienst,aufrufe,quote\n2024-01,\"" + b"x" * 2_000_000 + b"\",1,1\n",
                                        b"monat,dienst,aufrufe,quote\n" + b"2024-01,a,99999999999999999999999,1\n"])}[detail]
            write(csv, rows)
            return f"front matter {rel}: dataset csv {detail}"
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
        "alerts": lambda: "".join(f"> [!{m}]{t}\n> Text <b>{i}</b> [x](#y)\n>\n> ## Kopf {i}\n\n"
                                  for i, (m, t) in enumerate([("HINWEIS", ""), ("note", " <script>alert(1)</script>"),
                                                              ("FOO", ""), ("", ""), ("TIPP", "\t&amp; `code`"), ("WARNUNG", "]")])) * 500
                          + "> [!VORSICHT]\n\n> [!" + "A" * 100_000 + "]\n\n- > [!NOTE]\n  > in Liste\n",
        "nested_alerts": lambda: "".join("> " * i + "[!NOTE]\n" for i in range(1, 400)) + "\n" + ">" * depth + " [!TIPP] tief\n",
        "task_list": lambda: "- [ ] a\n- [x] b\n  - [X] c\n" * 3000,
        "charts": lambda: "".join("```diagramm\n" + b + "\n```\n\n" for b in [
            "daten: zahlen\nart: linien\nx: monat\nwerte: aufrufe, quote\ntitel: <script>alert(1)</script>",
            "daten: nicht-da\nart: balken\nx: monat\nwerte: aufrufe\ntitel: T", "daten: zahlen\nart: torte\nx: monat\nwerte: aufrufe\ntitel: T",
            "daten: zahlen\nart: gestapelte balken\nx: dienst\nwerte: dienst\ntitel: T", "", "daten zahlen", "x: " + "y" * 100_000,
            "daten: zahlen\nart: balken\nx: monat\nwerte: " + ", ".join(["aufrufe"] * 500) + "\ntitel: T\ngruppen: dienst",
            "daten: ../../site\nart: balken\nx: monat\nwerte: aufrufe\ntitel: T\nbeschreibung: \x1b[31m\u202e"]) * 20
            + "````diagramm\ndaten: zahlen\n````\n\n> ```diagramm\n> daten: zahlen\n> ```\n\n- ```diagramm\n  x\n  ```\n",
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
