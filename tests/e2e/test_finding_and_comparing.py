"""Finding and comparing blueprints (issue 21): a clerk from a town of 35,000 asks for solutions that
already run in at least two municipalities, shares the address, goes back, and does the same on a phone."""
import pathlib
import re

import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, problems_in_log, run_axe

POPULATION = 35000


def sample_blueprints():
    """Title, municipalities in operation and suitable_for of every sample blueprint, from content/."""
    found = []
    for path in sorted((REPO / "content" / "blaupausen").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        running = len(front.get("in_operation") or []) + sum(
            1 for a in front.get("adopted_by") or [] if a.get("status") == "im-betrieb")
        found.append((front["title"], running, front.get("suitable_for")))
    return found


def expected(minimum_running, population=None):
    def fits(size):
        if population is None:
            return True
        if not size:
            return False
        return size.get("min", 0) <= population and ("max" not in size or population <= size["max"])
    return sorted(title for title, running, size in sample_blueprints() if running >= minimum_running and fits(size))


def visible_titles(driver):
    return sorted(card.find_element(By.CSS_SELECTOR, ".card-title").text
                  for card in driver.find_elements(By.CSS_SELECTOR, "li.card[data-facet-keys]") if card.is_displayed())


def tick(driver, key):
    box = driver.find_element(By.CSS_SELECTOR, f"[data-facet-nav] input[type=checkbox][value='{key}']")
    driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()


def test_at_least_two_in_operation_and_fits_35000_gives_the_blueprints_the_sample_data_says(driver, served_site, axe_source):
    problems_in_log(driver)
    driver.set_window_size(1280, 900)
    driver.get(served_site + "/blaupausen/")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#filter-einwohner"))
    count = driver.find_element(By.CSS_SELECTOR, "[data-result-count]")
    assert count.get_attribute("aria-live") == "polite"
    # The count stands above the results.
    first_card = driver.find_element(By.CSS_SELECTOR, "li.card")
    assert count.location["y"] < first_card.location["y"]
    total = len(sample_blueprints())
    assert count.text == f"{total} Blaupausen"

    tick(driver, "betrieb:2")
    WebDriverWait(driver, 5).until(lambda d: "betrieb=2" in d.current_url)
    two = expected(2)
    assert visible_titles(driver) == two
    assert count.text.startswith(f"{len(two)} Blaupause"), count.text

    field = driver.find_element(By.ID, "filter-einwohner")
    assert driver.find_element(By.CSS_SELECTOR, "label[for='filter-einwohner']").text == "Einwohnerzahl"
    field.send_keys(str(POPULATION))
    WebDriverWait(driver, 5).until(lambda d: f"einwohner={POPULATION}" in d.current_url)
    both = expected(2, POPULATION)
    assert both == ["Nutzungsdashboard für Onlinedienste", "Online-Terminvergabe im Bürgerbüro"]  # what the sample data says
    assert visible_titles(driver) == both
    assert count.text.startswith(f"{len(both)} Blaupause")
    assert driver.find_element(By.CSS_SELECTOR, "[data-facet-summary]").text == "Filter (2)"
    assert run_axe(driver, axe_source) == []

    # The state is in the address: opened afresh, it shows the same.
    shared = driver.current_url
    driver.get(shared)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-einwohner").get_attribute("value") == str(POPULATION))
    assert visible_titles(driver) == both

    # Back undoes the number, then the threshold; Forward brings the number back.
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: "einwohner" not in d.current_url and "betrieb=2" in d.current_url)
    WebDriverWait(driver, 5).until(lambda d: visible_titles(d) == two)
    assert driver.find_element(By.ID, "filter-einwohner").get_attribute("value") == ""
    assert driver.find_element(By.CSS_SELECTOR, "input[value='betrieb:2']").is_selected()
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: "?" not in d.current_url)
    WebDriverWait(driver, 5).until(lambda d: len(visible_titles(d)) == total)
    driver.forward()
    WebDriverWait(driver, 5).until(lambda d: visible_titles(d) == two)
    assert problems_in_log(driver) == []


def test_sorting_by_date_is_kept_in_the_address(driver, served_site):
    driver.set_window_size(1280, 900)
    driver.get(served_site + "/blaupausen/?sortierung=datum")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "sortierung"))
    dates = [c.get_attribute("data-date") for c in driver.find_elements(By.CSS_SELECTOR, "li.card[data-facet-keys]")]
    assert dates == sorted(dates, reverse=True)
    options = [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#sortierung option")]
    assert options[:4] == ["Relevanz", "Reifegrad", "Anzahl Kommunen im Betrieb", "Datum (neueste zuerst)"]


def test_on_a_phone_the_filters_wait_behind_one_control_and_every_target_is_large_enough(driver, served_site, axe_source):
    driver.set_window_size(390, 844)
    try:
        for path in ("/blaupausen/", "/suche/?q=Daten"):
            driver.get(served_site + path)
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.card, [data-results] li"))
            panel = driver.find_element(By.CSS_SELECTOR, "[data-facet-panel], [data-facets]")
            toggle = panel.find_element(By.CSS_SELECTOR, "summary")
            assert re.fullmatch(r"Filter \(\d+\)", toggle.text), toggle.text
            assert panel.get_attribute("open") is None, path
            # The first result is in view without scrolling.
            first = driver.find_element(By.CSS_SELECTOR, "li.card, [data-results] li")
            assert first.location["y"] < 844, (path, first.location)
            assert run_axe(driver, axe_source) == [], path
            toggle.click()
            assert panel.get_attribute("open") is not None
            small = driver.execute_script("""
              return [...arguments[0].querySelectorAll('summary, a, label, input, select')]
                .filter(e => e.getClientRects().length)
                .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
                .filter(([, r]) => r.height < 24 || r.width < 24).map(([html, r]) => [html, r.width, r.height]);""", panel)
            assert small == [], (path, small)
    finally:
        driver.set_window_size(1280, 900)


def test_the_search_page_keeps_its_filters_in_the_address_and_back_undoes_one(driver, served_site, axe_source):
    driver.set_window_size(1280, 900)
    driver.get(served_site + "/suche/?q=Daten")
    box = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-facets] input[name='type'][value='Blaupause']"))
    status = driver.find_element(By.CSS_SELECTOR, "[data-status]")
    assert status.get_attribute("aria-live") == "polite"
    before = status.text
    box.click()
    WebDriverWait(driver, 10).until(lambda d: "type=Blaupause" in d.current_url and d.find_element(By.CSS_SELECTOR, "[data-status]").text != before)
    assert driver.find_element(By.CSS_SELECTOR, "[data-facet-summary]").text == "Filter (1)"
    assert run_axe(driver, axe_source) == []
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: "type=" not in d.current_url and d.find_element(By.CSS_SELECTOR, "[data-status]").text == before)
    assert driver.find_element(By.CSS_SELECTOR, "[data-facet-summary]").text == "Filter (0)"


def test_band_pages_without_javascript_list_what_the_bands_say(sample_site):
    page = (sample_site / "blaupausen" / "im-betrieb-bei" / "2" / "index.html").read_text(encoding="utf-8")
    titles = sorted(re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>', page))
    assert titles == expected(2)
    band = (sample_site / "blaupausen" / "groesse" / "20000-bis-50000" / "index.html").read_text(encoding="utf-8")
    assert "Nutzungsdashboard für Onlinedienste" in band
