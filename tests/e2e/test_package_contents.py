"""Packages and catalogues say exactly what is in them: every file a blueprint names is in its ZIP
under one name, the page counts what the ZIP holds, and every download address of the catalogues
(DCAT Turtle and RDF/XML, katalog.json) is a file of the built site."""
import json
import re
import urllib.parse
import zipfile

import pytest
import rdflib

from conftest import REPO, run_vcc

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
BASE = "https://vcc.example.org"

CITY = """---
name: Marburg
official_name: Universitätsstadt Marburg
ags: "06534014"
website: https://www.marburg.de
---
Text über Marburg.
"""


def blueprint(extra, body="## Ziele\n\nPost wird gescannt.\n"):
    return f"""---
title: Digitaler Posteingang
summary: Post wird zentral gescannt.
municipalities: [marburg]
themes: [Digitale Verwaltung]
maturity: pilot
license: CC-BY-4.0
contact: {{name: Stabsstelle, email: digital@example.org}}
updated: 2024-05-01
{extra}
---
{body}"""


def write_site(root, files):
    for path, contents in {"site.yml": f"title: Test\nbase_url: {BASE}\n", "content/kommunen/marburg.md": CITY, **files}.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents if isinstance(contents, bytes) else contents.encode("utf-8"))
    return root


TRICKY = {
    "content/blaupausen/a/plan.pdf": "Plan A",
    "content/blaupausen/b/plan.pdf": "Plan B",
    "content/dateien/x/plan.pdf": "Plan X",
    "content/dateien/y/plan.pdf": "Plan Y",
    "content/blaupausen/bilder/plan.png": b"\x89PNG\r\n\x1a\n",
    "content/blaupausen/vorlagen/post.odt": "Vorlage",
    "content/blaupausen/post.md": blueprint(
        "attachments: [{path: a/plan.pdf}, {path: b/plan.pdf}, {path: ../dateien/x/plan.pdf}]\n"
        "documents: [{path: ../dateien/y/plan.pdf}, {path: vorlagen/post.odt}]",
        body="## Ziele\n\n![Plan](bilder/plan.png)\n\nSiehe den [Plan X](../dateien/x/plan.pdf).\n"),
}


@pytest.fixture(scope="module")
def tricky_site(vcc, tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("tricky"), TRICKY)
    out = root / "public"
    result = run_vcc(vcc, "build", "--source", str(root), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_files_with_the_same_name_from_different_folders_are_all_in_the_package(tricky_site):
    with zipfile.ZipFile(tricky_site / "blaupausen" / "post" / "post.zip") as archive:
        names = archive.namelist()
        assert len(names) == len(set(names))
        files = {name: archive.read(name) for name in names}
    assert files["a/plan.pdf"] == b"Plan A" and files["b/plan.pdf"] == b"Plan B"
    assert files["anhaenge/dateien/x/plan.pdf"] == b"Plan X" and files["anhaenge/dateien/y/plan.pdf"] == b"Plan Y"
    assert files["vorlagen/post.odt"] == b"Vorlage" and files["post.odt"] != b"Vorlage"
    # The image of the text lies where the packaged Markdown links to it; the link to a file from
    # outside the blueprint's folder leads into anhaenge/.
    assert files["bilder/plan.png"].startswith(b"\x89PNG")
    # The Markdown lies in technik/: its links lead one folder up to where the files lie.
    markdown = files["technik/post.md"].decode("utf-8")
    assert "](../bilder/plan.png)" in markdown and "](../anhaenge/dateien/x/plan.pdf)" in markdown
    generated = {"LIESMICH.html", "NACHWEIS.txt", "post.odt", "post.html", "technik/post.md", "technik/stil.css"}
    carried = [name for name in names if name not in generated]
    page = (tricky_site / "blaupausen" / "post" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"\b{len(carried)} Anhänge\b", page), (carried, re.findall(r"\d+ Anh\w+", page))


@pytest.mark.parametrize("path,expected", [
    (".", "ist ein Ordner oder eine Seite"),
    ("post.md", "ist die Blaupause selbst"),
    ('"#ziele"', "ist keine Datei"),
    ("a", "zeigt auf content/blaupausen/a"),
    ("../kommunen/", "ist ein Ordner oder eine Seite"),
    ("../kommunen/marburg.md", "ist eine Seite der Website"),
    ("NACHWEIS.txt", "legt vcc dort den Nachweis ab"),
    ("post.odt", "die Blaupause als OpenDocument-Text ab"),
])
def test_an_attachment_that_is_no_file_or_takes_a_generated_name_is_an_error_at_its_line(vcc, tmp_path, path, expected):
    root = write_site(tmp_path, {
        "content/blaupausen/a/plan.pdf": "Plan A", "content/blaupausen/NACHWEIS.txt": "eigener Nachweis",
        "content/blaupausen/post.odt": "Vorlage",
        "content/blaupausen/post.md": blueprint(f"attachments:\n  - {{title: Anhang, path: {path}}}"),
    })
    result = run_vcc(vcc, "build", "--source", str(root), "--output", str(tmp_path / "public"))
    assert result.returncode != 0, result.stdout
    assert re.search(r"content/blaupausen/post\.md:11:\d+: error: .*" + re.escape(expected), result.stderr), result.stderr
    assert "hinweis:" in result.stderr


def local_file(site, url):
    """The output file a download address of the site names, or None for another website."""
    if not url.startswith(BASE + "/"):
        return None
    return site / urllib.parse.unquote(url[len(BASE) + 1:])


def download_urls(site):
    urls = []
    for name, syntax in (("dcat.ttl", "turtle"), ("dcat.rdf", "xml")):
        graph = rdflib.Graph().parse(site / "katalog" / name, format=syntax)
        for predicate in (DCAT.downloadURL, DCAT.accessURL):
            urls += [(name, str(url)) for url in graph.objects(None, predicate)]
    catalogue = json.loads((site / "katalog" / "katalog.json").read_text(encoding="utf-8"))
    for item in catalogue["blueprints"]:
        urls += [("katalog.json", item["markdown"])] + ([("katalog.json", item["package"])] if item.get("package") else [])
        urls += [("katalog.json", attachment["url"]) for attachment in item["attachments"]]
    return urls


@pytest.mark.parametrize("which", ["sample", "tricky"])
def test_every_download_address_of_the_catalogues_is_a_file_of_the_site(sample_site, tricky_site, which):
    site = sample_site if which == "sample" else tricky_site
    urls = download_urls(site)
    local = [(source, url, local_file(site, url)) for source, url in urls if local_file(site, url)]
    assert len(local) >= 4
    missing = [(source, url) for source, url, path in local if not path.is_file()]
    assert not missing, missing
    if which == "tricky":
        assert {f"{BASE}/dateien/x/plan.pdf", f"{BASE}/blaupausen/a/plan.pdf", f"{BASE}/blaupausen/b/plan.pdf"} <= {u for _, u in urls}
