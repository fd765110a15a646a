"""The search as a person uses it: typing into the real search box in headless Chromium."""
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import problems_in_log, run_axe, run_vcc, served_folder


def type_query(driver, base, text):
    driver.get(base + "/suche/")
    box = driver.find_element(By.ID, "suche-seite")
    box.clear()
    box.send_keys(text)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-status]").text.strip() != "")
    return box


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title")]


@pytest.mark.parametrize("query,expected", [
    ("Posteingan", "Digitaler Posteingang"),                       # prefix while typing
    ("Buergerbuero", "Online-Terminvergabe im Bürgerbüro"),        # ue typed for ü
    ("Daten veroeffentlichen", "Offene Daten veröffentlichen"),    # oe typed for ö
    ("Postengang", "Digitaler Posteingang"),                       # one letter missing
    ("Zentrum", "Smart KIKZ – Kompetenzzentrum für smarte Daten und KI"),  # part of a compound
])
def test_typing_finds_the_right_page(driver, served_site, query, expected):
    type_query(driver, served_site, query)
    WebDriverWait(driver, 10).until(lambda d: result_titles(d))
    assert result_titles(driver)[0] == expected
    status = driver.find_element(By.CSS_SELECTOR, "[data-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert "Treffer" in status.text


def test_two_facets_give_the_right_counts(driver, served_site, vcc, sample_site):
    type_query(driver, served_site, "Daten")
    WebDriverWait(driver, 10).until(lambda d: result_titles(d))

    def check(group, value):
        box = driver.find_element(By.CSS_SELECTOR, f"[data-facets] input[name='{group}'][value='{value}']")
        box.click()

    check("type", "Blaupause")
    WebDriverWait(driver, 10).until(lambda d: "type=Blaupause" in d.current_url)
    check("city", "Offenbach am Main")
    WebDriverWait(driver, 10).until(lambda d: "city=Offenbach" in d.current_url)
    reference = json.loads(run_vcc(vcc, "search", "--site", str(sample_site), "--json", "--limit", "50",
                                   "--filter", "type=Blaupause", "--filter", "city=Offenbach am Main", "Daten").stdout)
    WebDriverWait(driver, 10).until(lambda d: len(result_titles(d)) == reference["total"])
    assert driver.find_element(By.CSS_SELECTOR, "[data-status]").text.startswith(f"{reference['total']} Treffer")
    assert result_titles(driver) == [r["title"] for r in reference["results"]]
    labels = {l.text.rsplit(" (", 1)[0]: int(l.text.rsplit("(", 1)[1].rstrip(")"))
              for l in driver.find_elements(By.CSS_SELECTOR, "[data-facets] label")}
    expected = {f["value"]: f["count"] for f in reference["facets"]}
    assert labels == expected


def test_results_can_be_reached_and_opened_with_the_keyboard(driver, served_site):
    box = type_query(driver, served_site, "Checkliste KI")
    WebDriverWait(driver, 10).until(lambda d: result_titles(d))
    box.send_keys(Keys.ARROW_DOWN)
    first = driver.switch_to.active_element
    assert first.text == "Checkliste für KI-Anwendungsfälle"
    first.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element.text == result_titles(driver)[1]
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/blaupausen/ki-checkliste/" in d.current_url)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Checkliste für KI-Anwendungsfälle"


def test_header_search_box_leads_to_results(driver, served_site):
    driver.get(served_site + "/blaupausen/")
    box = driver.find_element(By.ID, "suchfeld")
    box.send_keys("Dashboard" + Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/suche/?q=Dashboard" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: result_titles(d))
    assert "Nutzungsdashboard für Onlinedienste" in result_titles(driver)


def test_search_page_with_results_has_no_wcag_violations(driver, served_site, axe_source):
    problems_in_log(driver)
    type_query(driver, served_site, "Daten")
    WebDriverWait(driver, 10).until(lambda d: result_titles(d))
    assert run_axe(driver, axe_source) == []
    assert problems_in_log(driver) == []


def test_without_javascript_the_search_page_links_the_directories(sample_site):
    html = (sample_site / "suche" / "index.html").read_text(encoding="utf-8")
    assert 'href="/blaupausen/"' in html and 'href="/themen/"' in html
    assert "Die Suche braucht JavaScript" in html


def test_hostile_title_shows_as_text(driver, vcc, tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "boese.md").write_text(
        '---\ntitle: "<img src=x onerror=alert(1)> Gefahr"\n---\nGefahr im Text.\n', encoding="utf-8")
    assert run_vcc(vcc, "build", "--source", str(tmp_path)).returncode == 0
    with served_folder(tmp_path / "public") as base:
        type_query(driver, base, "Gefahr")
        WebDriverWait(driver, 10).until(lambda d: result_titles(d))
        assert result_titles(driver)[0] == "<img src=x onerror=alert(1)> Gefahr"
        assert driver.find_elements(By.CSS_SELECTOR, "[data-results] img") == []
