"""/nachnutzung/ tells the truth: bars stacked by status with a legend, the developing municipality,
filters by blueprint and municipality, cards below 600 px, linked from the header and the home page."""
import contextlib
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import problems_in_log, run_axe

PAGE = "/nachnutzung/"


@contextlib.contextmanager
def viewport(driver, width, dark=False):
    """A viewport of `width` CSS px (and the dark scheme); the window's own comes back afterwards."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def luminance(css_colour):
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def visible_rows(driver, selector):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, selector) if row.is_displayed()]


def test_each_bar_is_stacked_by_status_and_every_status_shown_is_in_the_legend(driver, served_site):
    driver.get(served_site + PAGE)
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart > g")
    assert len(bars) == 4
    shown = set()
    for bar in bars:
        segments = bar.find_elements(By.CSS_SELECTOR, "rect.chart-segment")
        assert segments, "a bar without segments"
        named = [driver.execute_script("return arguments[0].querySelector('title').textContent", s) for s in segments]
        counts = [int(re.fullmatch(r"(.+): (\d+)", text).group(2)) for text in named]
        total = bar.find_element(By.CSS_SELECTOR, ".chart-value").text
        assert sum(counts) == int(total), (named, total)
        for segment in segments:
            shown.add(re.fullmatch(r"url\(#chart-muster-(.+)\)", segment.get_attribute("fill")).group(1))
    # "Digitaler Posteingang": a pilot and an interested municipality are two segments, not one bar of 2.
    post = [b for b in bars if "Digitaler Posteingang" in b.text][0]
    assert len(post.find_elements(By.CSS_SELECTOR, "rect.chart-segment")) == 2
    # The breakdown under the bar may wrap between words.
    assert "1 Erprobt die Lösung, 1 Prüft die Übernahme" in " ".join(post.text.split())
    legend = driver.find_elements(By.CSS_SELECTOR, ".chart-legend li")
    assert {item.get_attribute("data-status") for item in legend} == shown == {"im-betrieb", "pilot", "in-vorbereitung", "interessiert"}
    assert all(item.is_displayed() and item.find_element(By.CSS_SELECTOR, "svg.swatch") for item in legend)
    description = driver.find_element(By.CSS_SELECTOR, "#chart-desc").get_attribute("textContent")
    assert "Digitaler Posteingang: 2 (1 Erprobt die Lösung, 1 Prüft die Übernahme)" in description


@pytest.mark.parametrize("dark", [False, True], ids=["hell", "dunkel"])
def test_every_status_colour_has_3_to_1_contrast_and_its_own_pattern(driver, served_site, dark):
    with viewport(driver, 1280, dark=dark):
        driver.get(served_site + PAGE)
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        patterns = driver.find_elements(By.CSS_SELECTOR, "svg.chart pattern")
        assert len(patterns) == 6
        marks = set()
        for pattern in patterns:
            ground = pattern.find_element(By.CSS_SELECTOR, ".chart-ground")
            fill = driver.execute_script("return getComputedStyle(arguments[0]).fill", ground)
            assert contrast(fill, background) >= 3, (pattern.get_attribute("id"), fill, background)
            marks.add(driver.execute_script("return arguments[0].innerHTML.replace(/<rect[^>]*>(<\\/rect>)?/, '')", pattern))
        assert len(marks) == 6, "two statuses share a pattern"


def test_the_table_names_the_developing_municipality(driver, served_site):
    driver.get(served_site + PAGE)
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, ".adoption-table th")]
    assert headers == ["Blaupause", "Entwickelt von", "Nachnutzende Kommune", "Seit", "Status der Übernahme"]
    rows = driver.find_elements(By.CSS_SELECTOR, ".adoption-table tbody tr")
    post = [r for r in rows if r.find_elements(By.TAG_NAME, "td")[0].text == "Digitaler Posteingang"]
    assert len(post) == 2
    assert post[0].find_elements(By.TAG_NAME, "td")[1].text == "Offenbach am Main, Gießen"


def test_the_header_and_the_home_page_link_the_page(driver, served_site):
    driver.get(served_site + "/")
    nav = driver.find_element(By.CSS_SELECTOR, ".main-nav a[href$='/nachnutzung/']")
    assert nav.is_displayed() and nav.text == "Nachnutzung"
    entry = driver.find_element(By.CSS_SELECTOR, ".entry-points a[href$='/nachnutzung/']")
    assert entry.is_displayed() and "Nachnutzung" in entry.text
    entry.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nachnutzung"
    current = driver.find_element(By.CSS_SELECTOR, ".main-nav a[aria-current='page']")
    assert current.text == "Nachnutzung"


@pytest.mark.parametrize("width", [320, 390, 599, 600, 1280])
def test_cards_below_600_px_and_the_table_from_600_px(driver, served_site, width):
    with viewport(driver, width):
        driver.get(served_site + PAGE)
        table = driver.find_element(By.CSS_SELECTOR, ".adoption-table")
        cards = driver.find_elements(By.CSS_SELECTOR, ".adoption-cards > li.card")
        assert len(cards) == 7
        if width < 600:
            assert not table.is_displayed()
            assert all(card.is_displayed() for card in cards)
            first = cards[0].text
            assert "Entwickelt von" in first and "Nachnutzende Kommune" in first and "Status der Übernahme" in first
        else:
            assert table.is_displayed()
            assert not any(card.is_displayed() for card in cards)
        assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("width", [320, 1280])
def test_filters_by_blueprint_and_municipality_and_sorting(driver, served_site, width):
    rows = ".adoption-cards > li" if width < 600 else ".adoption-table tbody tr"
    with viewport(driver, width):
        driver.get(served_site + PAGE)
        assert len(visible_rows(driver, rows)) == 7
        municipality = Select(driver.find_element(By.ID, "filter-kommune"))
        municipality.select_by_visible_text("Limburg an der Lahn")
        shown = visible_rows(driver, rows)
        assert len(shown) == 2 and all("Limburg an der Lahn" in r.text for r in shown)
        status = driver.find_element(By.CSS_SELECTOR, "[data-filter-status]")
        assert status.text == "2 von 7 Nachnutzungen passen zur Auswahl."
        Select(driver.find_element(By.ID, "filter-blaupause")).select_by_visible_text("Digitaler Posteingang")
        shown = visible_rows(driver, rows)
        assert len(shown) == 1 and "Erprobt die Lösung" in shown[0].text
        municipality.select_by_index(0)
        Select(driver.find_element(By.ID, "filter-blaupause")).select_by_index(0)
        Select(driver.find_element(By.ID, "sortierung")).select_by_value("municipality")
        order = [r.get_attribute("data-municipality") for r in visible_rows(driver, rows)]
        assert order == ["Fulda", "Gemeinde Musterhausen", "Limburg an der Lahn", "Limburg an der Lahn",
                         "Offenbach am Main", "Stadt Musterfeld", "Wetzlar"]
        Select(driver.find_element(By.ID, "sortierung")).select_by_value("since")
        assert visible_rows(driver, rows)[0].get_attribute("data-since") == "2025-03-01"


def test_without_a_script_the_filters_stay_hidden_and_every_adoption_is_listed(sample_site):
    html = (sample_site / "nachnutzung" / "index.html").read_text(encoding="utf-8")
    assert "<form class=\"adoption-filters\" data-adoption-filters hidden>" in html
    assert html.count("<tr data-adoption") == 7 and html.count("<li class=\"card\" data-adoption") == 7


@pytest.mark.parametrize("width, dark", [(320, False), (1280, False), (320, True), (1280, True)])
def test_the_page_has_no_wcag_violations_as_cards_and_as_table(driver, served_site, axe_source, width, dark):
    with viewport(driver, width, dark=dark):
        problems_in_log(driver)
        driver.get(served_site + PAGE)
        layout = ".adoption-cards" if width < 600 else ".adoption-table"
        assert driver.find_element(By.CSS_SELECTOR, layout).is_displayed()
        Select(driver.find_element(By.ID, "filter-kommune")).select_by_visible_text("Fulda")
        assert run_axe(driver, axe_source) == []
        assert problems_in_log(driver) == []
