"""The phone header's two disclosures, with and without JavaScript, and where the theme puts the
page's actions: the search and the ways in first on the home page, the package as the one primary
action of a blueprint, the editors' links in one closed section at the end."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import viewport

BLUEPRINT = "/blaupausen/posteingang-digitalisieren/"


def visible(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); if (!e) return false;"
        " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';",
        selector)


def test_menu_and_search_open_as_disclosures_on_a_phone(driver, served_site):
    with viewport(driver, 390, 844):
        driver.get(served_site + "/blaupausen/")
        menu = driver.find_element(By.CSS_SELECTOR, "button.menu-toggle")
        search = driver.find_element(By.CSS_SELECTOR, "button.search-toggle")
        assert menu.is_displayed() and search.is_displayed(), "the script turns the links into buttons"
        assert not driver.find_element(By.CSS_SELECTOR, "a.menu-link").is_displayed()
        assert not visible(driver, "#hauptnavigation") and not visible(driver, "#kopfsuche")
        assert menu.get_attribute("aria-expanded") == "false" and menu.get_attribute("aria-controls") == "hauptnavigation"

        menu.click()
        assert menu.get_attribute("aria-expanded") == "true" and visible(driver, "#hauptnavigation")
        current = driver.find_element(By.CSS_SELECTOR, "#hauptnavigation a[aria-current='page']")
        assert current.text == "Blaupausen" and current.is_displayed()

        search.click()  # one open at a time
        assert search.get_attribute("aria-expanded") == "true" and menu.get_attribute("aria-expanded") == "false"
        assert visible(driver, "#kopfsuche") and not visible(driver, "#hauptnavigation")
        assert driver.switch_to.active_element.get_attribute("id") == "suchfeld", "opening the search focuses its field"

        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert search.get_attribute("aria-expanded") == "false" and not visible(driver, "#kopfsuche")
        assert driver.switch_to.active_element == search, "Escape returns focus to the button"


def test_without_javascript_the_header_links_reach_the_menu_and_the_search_page(driver, served_site):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        with viewport(driver, 390, 844):
            driver.get(served_site + "/")
            assert not driver.find_elements(By.CSS_SELECTOR, "button.menu-toggle:not([hidden])")
            link = driver.find_element(By.CSS_SELECTOR, "a.menu-link")
            assert link.is_displayed() and not visible(driver, "#hauptnavigation")
            link.click()
            assert visible(driver, "#hauptnavigation"), "the navigation opens as the link's target"
            assert driver.find_element(By.CSS_SELECTOR, "a.search-link").get_attribute("href").endswith("/suche/")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_on_a_desktop_the_navigation_and_search_are_always_there(driver, served_site):
    with viewport(driver, 1366, 900, mobile=False):
        driver.get(served_site + "/")
        assert visible(driver, "#hauptnavigation") and visible(driver, "#kopfsuche")
        assert not visible(driver, "button.menu-toggle") and not visible(driver, "button.search-toggle")


def test_the_home_page_puts_search_and_ways_in_before_the_introduction(driver, served_site):
    with viewport(driver, 390, 844):
        driver.get(served_site + "/")
        tops = driver.execute_script(
            "return ['.home-search input', '.entry-points', '#ueber-die-kooperation']"
            ".map(s => document.querySelector(s).getBoundingClientRect().top + scrollY)")
        assert tops[0] < tops[1] < tops[2], tops
        assert tops[0] < 844, "the search field is on the first phone screen"


def test_a_blueprint_offers_the_package_first_and_keeps_editors_links_closed(sample_site):
    page = (sample_site / BLUEPRINT.strip("/") / "index.html").read_text(encoding="utf-8")
    actions = re.search(r'<p class="actions">(.*?)</p>', page, re.S).group(1)
    buttons = re.findall(r'<a class="(button[^"]*)"[^>]*>(.*?)</a>', actions, re.S)
    assert [cls for cls, _ in buttons] == ["button", "button button-secondary"], buttons
    assert "Nachnutzungspaket herunterladen" in buttons[0][1] and buttons[1][1] == "Nachnutzung per E-Mail melden"
    tools = re.search(r'<details class="page-tools">(.*?)</details>', page, re.S)
    assert tools and "<details class=\"page-tools\" open" not in page, "closed by default"
    main = page.split("<main", 1)[1].split("</main>", 1)[0].replace(tools.group(0), "")
    for text in ("Diese Seite bearbeiten", "Markdown-Quelle", "/katalog/", "/feed.xml"):
        assert text in tools.group(1), text
        assert text not in main, f"{text} outside the editors' section"
    footer = page.split("<footer")[1]
    assert "feed.xml" not in footer and "Atom" not in footer


def test_the_blueprint_list_does_not_repeat_its_heading(sample_site):
    page = (sample_site / "blaupausen" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Blaupausen</h1>" in page
    assert not re.search(r"<h2[^>]*>Blaupausen</h2>", page), "the one group's heading repeats the page's"
    assert '<h2 id="gruppe-ergebnisse" class="visually-hidden">Ergebnisse</h2>' in page
