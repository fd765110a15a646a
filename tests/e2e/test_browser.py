"""What a person sees: the sample site in headless Chromium under a strict CSP, checked with axe-core."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import problems_in_log, run_axe

PAGES = [
    "/",
    "/blaupausen/",
    "/blaupausen/posteingang-digitalisieren/",
    "/qualifizierung/digitale-verwaltung-grundlagen/02-onlinedienste-ozg/",
    "/kommunen/offenbach/",
    "/berichte/godonu-zwischenbericht/",
    "/themen/",
    "/suche/",
    "/404.html",
    "/nachnutzung/",
    "/reifegrade/",
    "/blaupausen/reifegrad/im-betrieb/",
    "/projekte/total-digital/",
    "/suche/?q=Quokkaverwaltung",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations_and_no_csp_errors(driver, served_site, axe_source, path):
    problems_in_log(driver)  # Clear what earlier pages left.
    driver.get(served_site + path)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip()
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    violations = run_axe(driver, axe_source)
    assert violations == [], violations
    assert problems_in_log(driver) == []


def test_skip_link_is_first_and_moves_focus_to_main(driver, served_site):
    driver.get(served_site + "/blaupausen/posteingang-digitalisieren/")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.text == "Zum Inhalt springen"
    assert active.is_displayed()
    active.send_keys(Keys.ENTER)
    assert driver.current_url.endswith("#inhalt")


def test_module_pages_link_to_previous_and_next(driver, served_site):
    driver.get(served_site + "/qualifizierung/digitale-verwaltung-grundlagen/02-onlinedienste-ozg/")
    prev = driver.find_element(By.CSS_SELECTOR, "a[rel=prev]")
    nxt = driver.find_element(By.CSS_SELECTOR, "a[rel=next]")
    assert "Prozesse verstehen" in prev.text
    assert "Daten und Datenschutz" in nxt.text
    nxt.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Daten und Datenschutz"


def test_print_stylesheet_hides_navigation(driver, served_site):
    driver.get(served_site + "/blaupausen/posteingang-digitalisieren/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        nav = driver.find_element(By.CSS_SELECTOR, ".main-nav")
        assert not nav.is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".prose").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("path", ["/", "/blaupausen/posteingang-digitalisieren/", "/nachnutzung/"])
def test_dark_mode_has_no_wcag_violations(driver, served_site, axe_source, path):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        driver.get(served_site + path)
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 20, 23)", "the dark scheme is not applied"
        assert run_axe(driver, axe_source) == []
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
