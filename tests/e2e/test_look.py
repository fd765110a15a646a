"""The look of the default theme on ten kinds of page, at a desktop (1366×900) and two phone sizes
(390×844, 320×700, emulated as mobile), each in the light and the dark colour scheme: nothing scrolls
sideways, axe-core finds nothing, the dark scheme really is dark, and on a phone the site header
(`header.site-header`, without a notice or phase banner below it) is at most 64 CSS px high.

Each page is loaded once per width and scheme by one shared browser; the four checks read what that
load measured, so a failing check names its page, width and scheme and does not hide the others.
With VCC_SCREENSHOTS=/some/dir every load also saves a full-page `<page>-<width>-<light|dark>.png`."""
import os
import pathlib

import pytest

from browser import (BACKGROUND_JS, OVERFLOW_JS, capture_png, color_scheme, relative_luminance, viewport,
                     wait_for_search_results)
from conftest import run_axe

PAGES = {
    "home": "/",
    "blaupausen": "/blaupausen/",
    "blaupause": "/blaupausen/posteingang-digitalisieren/",
    "nachnutzung": "/nachnutzung/",
    "kurs": "/qualifizierung/digitale-verwaltung-grundlagen/",
    "kursmodul": "/qualifizierung/digitale-verwaltung-grundlagen/02-onlinedienste-ozg/",
    "bericht": "/berichte/godonu-zwischenbericht/",
    "veranstaltung": "/veranstaltungen/digitalforum-2023/",
    "veranstaltungen": "/veranstaltungen/",
    "suche": "/suche/?q=Posteingang",  # measured after the search script has drawn its results
}
VIEWPORTS = {1366: (900, False), 390: (844, True), 320: (700, True)}  # width: (height, mobile)
SCHEMES = ["light", "dark"]
PHONE_WIDTHS = [390, 320]
HEADER_MAX = 64       # CSS px, the site header alone on a phone
DARK_MAX = 0.1        # WCAG relative luminance; #121417 is 0.007, a mid grey #777 is 0.18

CASES = [(page, width, scheme) for page in PAGES for width in VIEWPORTS for scheme in SCHEMES]
HEADER_JS = ("const h = document.querySelector('header.site-header');"
             " return h && h.getBoundingClientRect().height;")


def case_id(case):
    return "-".join(map(str, case))


@pytest.fixture(scope="module")
def look(driver, served_site, axe_source):
    """look(page, width, scheme): what one load of that page measured, loaded on first use only."""
    shots = os.environ.get("VCC_SCREENSHOTS")
    if shots:
        pathlib.Path(shots).mkdir(parents=True, exist_ok=True)
    seen = {}

    def measure(page, width, scheme):
        key = (page, width, scheme)
        if key not in seen:
            height, mobile = VIEWPORTS[width]
            with viewport(driver, width, height, mobile), color_scheme(driver, scheme):
                driver.get(served_site + PAGES[page])
                if "?q=" in PAGES[page]:
                    wait_for_search_results(driver)
                found = {"overflow": driver.execute_script(OVERFLOW_JS),
                         "background": driver.execute_script(BACKGROUND_JS),
                         "header": driver.execute_script(HEADER_JS)}
                if shots:
                    (pathlib.Path(shots) / f"{page}-{width}-{scheme}.png").write_bytes(capture_png(driver))
                found["axe"] = run_axe(driver, axe_source)
            seen[key] = found
        return seen[key]

    return measure


@pytest.mark.parametrize("page,width,scheme", CASES, ids=map(case_id, CASES))
def test_page_does_not_scroll_sideways(look, page, width, scheme):
    found = look(page, width, scheme)["overflow"]
    # A phone viewport may zoom out to show what overflows (innerWidth grows), so the emulated width counts too.
    limit = min(found["innerWidth"], width)
    worst = found["worst"] or {"selector": "(no single element; text or a pseudo-element)", "width": "?", "right": "?"}
    assert found["scrollWidth"] <= limit, (
        f"{PAGES[page]} is {found['scrollWidth']} px wide in a {limit} px window; widest element: "
        f"{worst['selector']} ({worst['width']} px, ends at {worst['right']} px)")


@pytest.mark.parametrize("page,width,scheme", CASES, ids=map(case_id, CASES))
def test_page_has_no_wcag_violations(look, page, width, scheme):
    violations = look(page, width, scheme)["axe"]
    assert violations == [], violations


DARK_CASES = [case for case in CASES if case[2] == "dark"]


@pytest.mark.parametrize("page,width,scheme", DARK_CASES, ids=map(case_id, DARK_CASES))
def test_dark_scheme_is_applied(look, page, width, scheme):
    background = look(page, width, scheme)["background"]
    luminance = relative_luminance(background)
    assert luminance <= DARK_MAX, f"page background {background} (luminance {luminance:.2f}) is not dark"


PHONE_CASES = [case for case in CASES if case[1] in PHONE_WIDTHS]


@pytest.mark.parametrize("page,width,scheme", PHONE_CASES, ids=map(case_id, PHONE_CASES))
def test_site_header_is_low_on_a_phone(look, page, width, scheme):
    height = look(page, width, scheme)["header"]
    assert height is not None, "no header.site-header on the page"
    assert height <= HEADER_MAX, f"header.site-header is {height:.0f} CSS px high (at most {HEADER_MAX})"
