"""A package a clerk can use on Monday: LIESMICH.html says how to go about it, the links between the
package's files lead to the file beside them (so they work offline, unpacked anywhere), and no label
of the package's pages breaks inside a word, on a phone (320 px) or a desktop (1280 px)."""
import re
import urllib.parse
import zipfile

import pytest

from browser import viewport

SAMPLE = "posteingang-digitalisieren"
BASE = "https://vcc.example.org/"


def package_names(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        return archive, set(archive.namelist())


def relative_targets(hrefs):
    """The package paths the relative links among `hrefs` lead to, fragments dropped."""
    return [urllib.parse.unquote(h.split("#")[0]) for h in hrefs if not re.match(r"^[a-z][a-z0-9+.-]*:|^#", h)]


def test_liesmich_says_what_is_in_the_package_the_steps_whom_to_ask_and_how_to_report(sample_site):
    with zipfile.ZipFile(sample_site / "blaupausen" / SAMPLE / f"{SAMPLE}.zip") as archive:
        readme = archive.read("LIESMICH.html").decode("utf-8")
    for heading in ("So gehen Sie vor", "Was im Paket ist", "Die Schritte", "Wen Sie fragen können", "Nachnutzung melden"):
        assert f">{heading}</h" in readme, heading
    assert "Abschnitt „Umsetzung in Schritten“" in readme and "Scanner und Schnittstelle zur E-Akte einrichten." in readme
    assert 'href="mailto:digitalisierung@example.org"' in readme
    assert 'href="mailto:vcc@example.org?subject=Nachnutzung' in readme and 'href="https://gitlab.example.org/' in readme
    for name in ("posteingang-checkliste.odt", "dienstanweisung-scannen.odt", "technik/posteingang-digitalisieren.md"):
        assert f'<a href="{name}">' in readme, name


def test_every_link_between_files_of_a_package_leads_to_a_file_in_it(sample_site):
    checked = 0
    for zip_path in sorted(sample_site.glob("blaupausen/*/*.zip")):
        blueprint_id = zip_path.stem
        with zipfile.ZipFile(zip_path) as archive:
            names = set(archive.namelist())
            carried = {n for n in names if "/" not in n and n.endswith((".txt", ".csv", ".pdf")) and n != "NACHWEIS.txt"}
            for page in ("LIESMICH.html", f"{blueprint_id}.html"):
                hrefs = re.findall(r'href="([^"]*)"', archive.read(page).decode("utf-8"))
                missing = [t for t in relative_targets(hrefs) if t not in names]
                assert not missing, (blueprint_id, page, missing)
                # A file lying in the package is never fetched from the site instead.
                online = [h for h in hrefs if h.startswith(BASE) and h.rsplit("/", 1)[-1] in carried]
                assert not online, (blueprint_id, page, online)
                checked += len(hrefs)
            for document in [n for n in names if n.endswith(".odt")]:
                with zipfile.ZipFile(archive.open(document)) as odt:
                    hrefs = re.findall(r'xlink:href="([^"]*)"', odt.read("content.xml").decode("utf-8"))
                # ODF resolves a relative link against the document as if it were a folder: ../ is beside it.
                inside = relative_targets(hrefs)
                assert all(t.startswith("../") for t in inside), (document, inside)
                folder = document.rsplit("/", 1)[0] + "/" if "/" in document else ""
                missing = [t for t in inside if folder + t[3:] not in names]
                assert not missing, (blueprint_id, document, missing)
                assert not [h for h in hrefs if h.startswith(BASE) and h.rsplit("/", 1)[-1] in carried], (blueprint_id, document)
                checked += len(hrefs)
    assert checked > 50


# Labels: each word's text, measured as the browser laid it out; one rectangle per line it spans.
WORDS_SPLIT = """
const problems = [];
for (const element of document.querySelectorAll('th, dt, strong, caption, h1, h2, h3')) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[^\\s\\-–/]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) problems.push(element.tagName + ': ' + match[0]);
    }
  }
}
return problems;
"""


@pytest.mark.parametrize("width", [320, 1280])
def test_no_label_of_the_package_pages_breaks_inside_a_word(sample_site, driver, tmp_path, width):
    with zipfile.ZipFile(sample_site / "blaupausen" / SAMPLE / f"{SAMPLE}.zip") as archive:
        archive.extractall(tmp_path)
    with viewport(driver, width):
        for page in ("LIESMICH.html", f"{SAMPLE}.html"):
            driver.get((tmp_path / page).as_uri())
            assert driver.execute_script("return document.documentElement.clientWidth") == width
            labels = driver.execute_script("return document.querySelectorAll('th, dt, strong, caption').length")
            assert page == "LIESMICH.html" or labels >= 10, (page, labels)
            assert driver.execute_script(WORDS_SPLIT) == [], (page, width)
            # Long web addresses still wrap: nothing scrolls sideways.
            assert driver.execute_script("return document.documentElement.scrollWidth") <= width, (page, width)
