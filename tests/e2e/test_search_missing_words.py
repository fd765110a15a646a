"""Results say which query words they lack (issue 25, fourth round): "Es fehlt: finden", the word
named and struck through, on /suche/ and in the header dropdown, as Google's "Missing:". A generic
task verb ("finden") no page about the topic uses does not push the topic's page down."""
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import run_axe, run_vcc
from test_search import type_query
from test_search_dropdown import open_dropdown

WEAK = "Medienbrüche finden"   # the course module about Medienbrüche does not say "finden"
MODULE = "Prozesse verstehen"


def test_the_search_page_names_the_missing_word_of_a_result(driver, served_site, axe_source):
    type_query(driver, served_site, WEAK)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title"))
    first = driver.find_element(By.CSS_SELECTOR, "[data-results] li")
    assert first.find_element(By.CSS_SELECTOR, "a.result-title").text == MODULE
    missing = first.find_element(By.CSS_SELECTOR, ".result-missing")
    assert missing.text == "Es fehlt: finden" and missing.is_displayed()
    # Struck through and said in words: not the line (or a colour) alone.
    assert [s.text for s in missing.find_elements(By.TAG_NAME, "s")] == ["finden"]
    # The page is about Medienbrüche: it is listed with the complete matches, not under the partial heading.
    assert not driver.find_element(By.CSS_SELECTOR, "[data-partial-heading]").is_displayed()
    assert run_axe(driver, axe_source) == [], "axe with a result that lacks a word"


def test_a_partial_match_names_the_word_as_typed(driver, served_site):
    type_query(driver, served_site, "Posteingang Quantencomputer")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-partial-results] .result-missing"))
    first = driver.find_element(By.CSS_SELECTOR, "[data-partial-results] li")
    assert first.find_element(By.CSS_SELECTOR, ".result-missing").text == "Es fehlt: Quantencomputer"


def test_a_result_with_every_word_names_none(driver, served_site):
    type_query(driver, served_site, "Posteingang Scanner")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] a.result-title"))
    assert driver.find_elements(By.CSS_SELECTOR, "[data-results] li:first-child .result-missing") == []


def test_the_header_dropdown_names_the_missing_word(driver, served_site, axe_source):
    open_dropdown(driver, served_site, "/", WEAK)
    option = driver.find_elements(By.CSS_SELECTOR, "#suchvorschlaege [role=option]")[0]
    assert MODULE in option.text
    missing = option.find_element(By.CSS_SELECTOR, ".suggestion-missing")
    assert missing.text == "Es fehlt: finden"
    assert [s.text for s in missing.find_elements(By.TAG_NAME, "s")] == ["finden"]
    assert run_axe(driver, axe_source) == [], "axe with the dropdown naming a missing word"


def test_vcc_search_names_the_missing_words(vcc, sample_site):
    result = run_vcc(vcc, "search", "--site", str(sample_site), "--limit", "3", "--", WEAK)
    assert result.returncode == 0, result.stderr
    assert MODULE in result.stdout.splitlines()[1] and "Es fehlt: finden" in result.stdout.splitlines()[1], result.stdout
    answer = json.loads(run_vcc(vcc, "search", "--site", str(sample_site), "--json", "--", WEAK).stdout)
    assert answer["results"][0]["missing"] == [1]
