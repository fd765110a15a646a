"""Answers while typing on every page: the header search box as an ARIA combobox with a listbox of
results, and a result that opens its page at the matched passage (text fragment)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import problems_in_log, run_axe

QUERY = "Laufzeit"   # a word in the last section of the posteingang blueprint


def open_dropdown(driver, served_site, path, query):
    driver.get(served_site + path)
    box = driver.find_element(By.ID, "suchfeld")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    assert not driver.execute_script("return [...performance.getEntriesByType('resource')].some(e => e.name.includes('/engine.js'))"), \
        "the engine loads only on the first keystroke"
    box.send_keys(query)
    WebDriverWait(driver, 15).until(lambda d: box.get_attribute("aria-expanded") == "true")
    return box


def test_typing_shows_results_arrow_keys_move_enter_opens_and_lands_on_the_passage(driver, served_site):
    problems_in_log(driver)
    box = open_dropdown(driver, served_site, "/projekte/", QUERY)
    listbox = driver.find_element(By.ID, box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox" and listbox.is_displayed()
    options = listbox.find_elements(By.CSS_SELECTOR, "[role=option]")
    assert len(options) >= 2 and "Digitaler Posteingang" in options[0].text
    status = driver.find_element(By.CSS_SELECTOR, ".search-form [role=status]")
    assert "Treffer" in status.text and "Pfeiltasten" in status.text
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    href = options[0].get_attribute("data-href")
    assert "#" in href and ":~:text=" in href, href
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: "/blaupausen/posteingang-digitalisieren/" in d.current_url)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
    # The matched word is in view: the page opened at the passage, not at its top.
    visible = driver.execute_script("""
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const i = walker.currentNode.data.indexOf(arguments[0]);
          if (i < 0) continue;
          const range = document.createRange(); range.setStart(walker.currentNode, i); range.setEnd(walker.currentNode, i + arguments[0].length);
          const r = range.getBoundingClientRect();
          return {top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY};
        }
        return null;""", QUERY)
    assert visible and visible["scrolled"] > 0 and 0 <= visible["top"] and visible["bottom"] <= visible["height"], visible
    assert problems_in_log(driver) == []


def test_escape_closes_and_empties_and_the_dropdown_passes_axe(driver, served_site, axe_source):
    box = open_dropdown(driver, served_site, "/blaupausen/", "Posteingang")
    assert run_axe(driver, axe_source) == [], "axe with the dropdown open"
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false" and box.get_attribute("value") == "Posteingang"
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("value") == ""


def test_without_a_choice_enter_submits_to_the_search_page(driver, served_site):
    box = open_dropdown(driver, served_site, "/", "Posteingang")
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: "/suche/?q=Posteingang" in d.current_url)
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] li a"))
    first = driver.find_element(By.CSS_SELECTOR, "[data-results] li a")
    assert ":~:text=" in first.get_attribute("href") or "#" not in first.get_attribute("href")


def test_a_result_on_the_page_already_open_scrolls_to_its_section(driver, served_site):
    # Browsers skip a text fragment on a same-page navigation; the box scrolls to the section itself.
    box = open_dropdown(driver, served_site, "/blaupausen/nutzungs-dashboard/", "Abschlussquote")
    options = driver.find_elements(By.CSS_SELECTOR, "#suchvorschlaege [role=option]")
    assert "/blaupausen/nutzungs-dashboard/" in options[0].get_attribute("data-href")
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return scrollY") > 0)
    assert box.get_attribute("aria-expanded") == "false"
