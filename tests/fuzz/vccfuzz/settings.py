"""Mutation families 4-6: templates, site.yml, command line (--output and `vcc search`)."""
import os

from .project import SITE_YML, write


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
