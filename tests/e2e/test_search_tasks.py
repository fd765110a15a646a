"""A clerk's task queries (issue 25): a task typed in the header box finds its blueprint; a query
no page has all words of shows the pages with some of them under their own heading, in the
dropdown and on /suche/; a query without any hit offers thesaurus neighbours that have hits."""
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import problems_in_log, run_axe, run_vcc
from test_search import type_query
from test_search_dropdown import open_dropdown

PARTIAL = "Posteingang Quantencomputer"   # no page has both words
HEADING = "Treffer mit einem Teil Ihrer Suchwörter"


def test_a_task_typed_in_the_header_box_finds_the_blueprint_first(driver, served_site, axe_source):
    problems_in_log(driver)
    # "digitalisieren" is in no title: the blueprint "Digitaler Posteingang" answers through its word family.
    open_dropdown(driver, served_site, "/", "Post digitalisieren")
    options = driver.find_elements(By.CSS_SELECTOR, "#suchvorschlaege [role=option]")
    assert "Digitaler Posteingang" in options[0].text, [o.text for o in options]
    assert run_axe(driver, axe_source) == [], "axe with the task query's dropdown open"
    assert problems_in_log(driver) == []


def test_partial_matches_have_their_own_heading_in_the_dropdown(driver, served_site, axe_source):
    open_dropdown(driver, served_site, "/blaupausen/", PARTIAL)
    group = driver.find_element(By.CSS_SELECTOR, "#suchvorschlaege [role=group]")
    heading = driver.find_element(By.ID, group.get_attribute("aria-labelledby"))
    assert heading.text == HEADING and heading.is_displayed()
    assert "Digitaler Posteingang" in group.find_elements(By.CSS_SELECTOR, "[role=option]")[0].text
    status = driver.find_element(By.CSS_SELECTOR, ".search-form [role=status]")
    assert "Keine Seite mit allen Suchwörtern" in status.get_attribute("textContent")
    assert run_axe(driver, axe_source) == [], "axe with partial matches in the dropdown"


def test_partial_matches_have_their_own_heading_on_the_search_page(driver, served_site, axe_source):
    type_query(driver, served_site, PARTIAL)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-partial-heading]").is_displayed())
    status = driver.find_element(By.CSS_SELECTOR, "[data-status]").text
    assert "Keine Seite enthält alle Suchwörter" in status and "einen Teil davon" in status, status
    assert driver.find_element(By.CSS_SELECTOR, "[data-partial-heading]").text == HEADING
    partial = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-partial-results] a.result-title")]
    assert partial and partial[0] == "Digitaler Posteingang", partial
    assert driver.find_elements(By.CSS_SELECTOR, "[data-results] li") == []
    assert run_axe(driver, axe_source) == []


def test_complete_matches_come_without_the_partial_heading(driver, served_site):
    type_query(driver, served_site, "Posteingang Scanner")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title"))
    assert driver.find_element(By.CSS_SELECTOR, "[data-results] a.result-title").text == "Digitaler Posteingang"


def test_no_hit_at_all_offers_thesaurus_neighbours_with_hits(driver, served_site):
    type_query(driver, served_site, "Fortbildnug")
    WebDriverWait(driver, 10).until(lambda d: "Verwandte Begriffe" in d.find_element(By.CSS_SELECTOR, "[data-no-hits]").text)
    line = next(p for p in driver.find_elements(By.CSS_SELECTOR, "[data-no-hits] p") if "Verwandte Begriffe" in p.text)
    links = [a.text for a in line.find_elements(By.TAG_NAME, "a")]
    assert "Qualifizierung" in links, links
    line.find_element(By.LINK_TEXT, "Qualifizierung").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title"))


def test_vcc_search_counts_the_partial_matches_apart(vcc, sample_site):
    result = run_vcc(vcc, "search", "--site", str(sample_site), "--limit", "3", "--", PARTIAL)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert "davon mit einem Teil der Suchwörter" in first and "Digitaler Posteingang" in result.stdout, result.stdout
    answer = json.loads(run_vcc(vcc, "search", "--site", str(sample_site), "--json", "--", PARTIAL).stdout)
    assert answer["complete"] == 0 and answer["total"] > 0
