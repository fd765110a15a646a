#!/usr/bin/env python3
"""Makes a minimal Hugo site from a prepared vcc project (same Markdown), for the anchors.

usage: hugo_site.py VCC_PROJECT HUGO_DIR

The template marks the law text with data-pagefind-body and sets lang="de", as Pagefind's
documentation asks; the abbreviation (vcc's keyword) is shown in the body so both engines can
find it.
"""
import pathlib
import shutil

from settle import remove
import sys

SINGLE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ .Title }}</h1>
{{ with .Params.keywords }}<p>{{ delimit . ", " }}</p>{{ end }}
{{ .Content }}</main></body></html>
"""
LIST = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1></body></html>
"""


def main() -> int:
    source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if target.exists():
        remove(target)
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (target / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (target / "layouts" / "index.html").write_text(LIST, encoding="utf-8")
    (target / "config.toml").write_text(
        'baseURL = "https://gesetze.example.org/"\nlanguageCode = "de"\ntitle = "Gesetze"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n',
        encoding="utf-8")
    shutil.copytree(source / "content", target / "content")
    return 0


if __name__ == "__main__":
    sys.exit(main())
