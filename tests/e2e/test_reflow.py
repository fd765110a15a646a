"""Reflow (WCAG 2.1 SC 1.4.10): no page scrolls sideways at 320 CSS px (a 1280 px window zoomed to 400 %)
or on a 390 px phone. Long words and addresses wrap; a wide table may scroll, but only inside its own box."""
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import OVERFLOW_JS, viewport
from conftest import run_vcc, served_folder

WIDTHS = [320, 390]


def page_paths(site: pathlib.Path) -> list:
    """Every HTML file of a built site as the path a browser asks for (a folder's index.html as 'folder/')."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append("/" + (relative[:-len("index.html")] if file.name == "index.html" else relative))
    return paths


def overflow_problems(driver, base, paths):
    """One line per page that scrolls sideways and per heading that does not fit its box."""
    problems = []
    for path in paths:
        driver.get(base + path)
        if "?q=" in path:  # Results, excerpts and facets are drawn by the search script.
            WebDriverWait(driver, 10).until(
                lambda d: d.find_element(By.CSS_SELECTOR, "[data-status]").text.strip() != "")
        found = driver.execute_script(OVERFLOW_JS)
        if found["scrollWidth"] > found["clientWidth"]:
            worst = found["worst"] or {"selector": "(no single element; text or a pseudo-element)", "width": "?"}
            problems.append(f"{path}: page is {found['scrollWidth']} px wide in {found['clientWidth']} px; "
                            f"widest: {worst['selector']} ({worst['width']} px)")
        for heading in found["cut"]:
            problems.append(f"{path}: heading {heading['selector']} needs {heading['width']} px "
                            f"in a {heading['box']} px box")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_of_the_sample_site_scrolls_sideways(driver, sample_site, served_site, width):
    paths = page_paths(sample_site)
    assert "/" in paths and "/404.html" in paths and "/suche/" in paths and len(paths) > 20, paths
    paths.append("/suche/?q=Daten")  # The search page with results and facets.
    with viewport(driver, width):
        problems = overflow_problems(driver, served_site, paths)
    assert not problems, (f"{len(problems)} problems on {len(paths)} pages at {width} CSS px:\n"
                          + "\n".join(problems))


# Content written to break the layout: an 80-character compound, a 200-character address and 12 columns.
LONG_WORD = "Datennutzungsgesetzänderungsverordnungsdurchführungsbestimmungsentwurfsabstimmung"[:80]
LONG_URL = "https://www.example.org/verwaltung/digitalisierung/blaupausen/"
LONG_URL += "dokument" * 20
LONG_URL = LONG_URL[:200 - len("?quelle=vcc")] + "?quelle=vcc"


def write_hostile_site(root: pathlib.Path):
    (root / "content" / "blaupausen").mkdir(parents=True)
    (root / "content" / "kommunen").mkdir(parents=True)
    (root / "site.yml").write_text("title: Reflow-Probe\nlanguage: de\nbase_url: https://example.org\n",
                                   encoding="utf-8")
    (root / "content" / "kommunen" / "musterstadt.md").write_text(
        "---\n"
        f"name: Musterstadt {LONG_WORD}\n"
        f"official_name: Stadt{LONG_WORD}\n"
        'ags: "06999000"\n'
        f"website: {LONG_URL}\n"
        "---\n"
        f"Mehr unter {LONG_URL}.\n", encoding="utf-8")
    columns = 12
    table = ("| " + " | ".join(f"Spalte {i}" for i in range(1, columns + 1)) + " |\n"
             + "|" + "---|" * columns + "\n"
             + ("| " + " | ".join((["Antragsplattform", LONG_WORD[:38], "42"] * columns)[:columns]) + " |\n") * 2)
    (root / "content" / "blaupausen" / "ueberlang.md").write_text(
        "---\n"
        f"title: {LONG_WORD}\n"
        f"summary: Eine {LONG_WORD} mit {LONG_URL}\n"
        "municipalities: [musterstadt]\n"
        f"themes: [{LONG_WORD}]\n"
        "maturity: pilot\n"
        "license: CC-BY-4.0\n"
        f'contact: {{name: {LONG_WORD}, url: "{LONG_URL}"}}\n'
        "updated: 2024-05-14\n"
        f"effort: {LONG_WORD}\n"
        "---\n"
        f"## {LONG_WORD}\n\n"
        f"Ein Wort: {LONG_WORD}. Eine Adresse: {LONG_URL}, als Link <{LONG_URL}> und als Code `{LONG_URL}`.\n\n"
        f"{table}\n"
        f"```\n{LONG_WORD} {LONG_URL}\n```\n", encoding="utf-8")


def test_overlong_words_addresses_and_wide_tables_do_not_widen_the_page(driver, vcc, tmp_path):
    assert len(LONG_WORD) == 80 and len(LONG_URL) == 200
    source, site = tmp_path / "quelle", tmp_path / "public"
    write_hostile_site(source)
    result = run_vcc(vcc, "build", "--source", str(source), "--output", str(site))
    assert result.returncode == 0, result.stderr
    page = (site / "blaupausen" / "ueberlang" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{LONG_WORD}</h1>" in page and f">{LONG_URL}</a>" in page, "the hostile content was not rendered"
    assert page.count("<th>") + page.count("<th ") == 12, "the 12-column table was not rendered"
    paths = page_paths(site) + ["/suche/?q=" + LONG_WORD[:20]]
    assert "/blaupausen/ueberlang/" in paths and "/kommunen/musterstadt/" in paths, paths
    problems = []
    with served_folder(site) as base:
        for width in WIDTHS:
            with viewport(driver, width):
                problems += [f"{width} px {line}" for line in overflow_problems(driver, base, paths)]
    assert not problems, "\n".join(problems)
