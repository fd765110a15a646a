"""The flow a clerk from another municipality takes: find a blueprint, read its licence, copy the
attribution, download the reuse package."""
import io
import urllib.request
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import problems_in_log, run_axe


def test_a_clerk_finds_a_blueprint_copies_the_attribution_and_downloads_the_package(driver, served_site, axe_source):
    problems_in_log(driver)
    driver.get(served_site + "/suche/?q=Eingangspost")
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] li a"))
    first = driver.find_element(By.CSS_SELECTOR, "[data-results] li a")
    assert "Digitaler Posteingang" in first.text
    first.click()
    WebDriverWait(driver, 15).until(lambda d: "/blaupausen/posteingang-digitalisieren/" in d.current_url)

    licence = driver.find_element(By.CSS_SELECTOR, 'a[rel="license"]')
    assert licence.text == "Creative Commons Namensnennung 4.0 International"
    assert licence.get_attribute("href") == "https://creativecommons.org/licenses/by/4.0/deed.de"
    attribution = driver.find_element(By.ID, "quellenangabe").text
    assert attribution.startswith("„Digitaler Posteingang“ von Offenbach am Main, Gießen – Quelle: https://vcc.example.org/")

    # The copy button: progressive enhancement under the strict CSP, announced in a status region.
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": served_site,
                                                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    button = driver.find_element(By.CSS_SELECTOR, "button[data-copy='quellenangabe']")
    assert button.is_displayed()
    button.click()
    status = driver.find_element(By.CSS_SELECTOR, ".copy-status")
    WebDriverWait(driver, 5).until(lambda d: status.text)
    assert status.text == "Quellenangabe kopiert." and status.get_attribute("role") == "status"
    clipboard = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")
    assert clipboard == attribution

    violations = run_axe(driver, axe_source)
    assert violations == [], violations

    # The package link names size and contents; the download is a ZIP with everything promised.
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "Nachnutzungspaket herunterladen")
    assert "ZIP" in link.text and "KB" in link.text and "ODT" in link.text
    with urllib.request.urlopen(link.get_attribute("href"), timeout=10) as response:
        package = zipfile.ZipFile(io.BytesIO(response.read()))
    names = package.namelist()
    # The clerk finds the guide at the top, each text attachment also as .odt, and the technical files apart.
    for expected in ("LIESMICH.html", "posteingang-digitalisieren.odt", "posteingang-digitalisieren.html",
                     "technik/posteingang-digitalisieren.md", "technik/stil.css",
                     "posteingang-checkliste.txt", "posteingang-checkliste.odt", "dienstanweisung-scannen.txt",
                     "dienstanweisung-scannen.odt", "NACHWEIS.txt"):
        assert expected in names, names
    assert not [name for name in names if name.endswith((".md", ".css", ".yml")) and not name.startswith("technik/")], names
    markdown = package.read("technik/posteingang-digitalisieren.md").decode("utf-8")
    assert "](https://vcc.example.org/blaupausen/prozesse-visualisieren/)" in markdown
    notice = package.read("NACHWEIS.txt").decode("utf-8")
    assert attribution in notice
    assert problems_in_log(driver) == []


def test_feedback_links_prefill_subject_and_body(driver, served_site):
    driver.get(served_site + "/blaupausen/posteingang-digitalisieren/")
    report = driver.find_element(By.PARTIAL_LINK_TEXT, "Nachnutzung melden (E-Mail)").get_attribute("href")
    assert report.startswith("mailto:vcc@example.org?subject=Nachnutzung%3A%20Digitaler%20Posteingang&body=")
    assert "Amtlicher%20Gemeindeschl%C3%BCssel" in report
    question = driver.find_element(By.PARTIAL_LINK_TEXT, "Frage an das Team (Formular im Projektraum)").get_attribute("href")
    assert "issue%5Btitle%5D=Frage%20zu%3A%20Digitaler%20Posteingang" in question


def test_print_shows_the_attribution_with_the_page_address(driver, served_site):
    driver.get(served_site + "/blaupausen/posteingang-digitalisieren/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        attribution = driver.find_element(By.ID, "quellenangabe")
        assert attribution.is_displayed() and "https://vcc.example.org/blaupausen/posteingang-digitalisieren/" in attribution.text
        assert not driver.find_element(By.CSS_SELECTOR, "button[data-copy]").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_blueprint_filters_are_links_that_work_without_javascript(sample_site):
    import re
    overview = (sample_site / "blaupausen" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="facet-nav".*?</nav>', overview, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a> <span class="facet-count">\((\d+)\)</span>', nav)
    assert len(links) >= 10
    for href, label, count in links:
        page = sample_site / href.lstrip("/") / "index.html"
        assert page.exists(), href
        # Blueprint cards only: a theme's page also lists the courses of the theme.
        text = page.read_text(encoding="utf-8")
        courses = text.find('id="gruppe-kurse"')
        cards = (text[:courses] if courses >= 0 else text).count('<li class="card"')
        assert cards == int(count), (href, label, cards, count)
    pilot = (sample_site / "blaupausen" / "reifegrad" / "pilot" / "index.html").read_text(encoding="utf-8")
    assert 'aria-current="page">Pilot</a>' in pilot


def test_a_search_without_hits_offers_close_words_the_directories_and_a_contact(driver, served_site, axe_source):
    driver.get(served_site + "/suche/?q=Pstengang")
    help_box = driver.find_element(By.CSS_SELECTOR, "[data-no-hits]")
    WebDriverWait(driver, 15).until(lambda d: help_box.is_displayed())
    suggestion = help_box.find_element(By.PARTIAL_LINK_TEXT, "Posteingang")
    assert "Meinten Sie" in help_box.text
    assert driver.find_element(By.CSS_SELECTOR, "[data-search-page] .no-js").is_displayed()
    assert help_box.find_element(By.PARTIAL_LINK_TEXT, "Fragen Sie das Team").get_attribute("href").startswith("mailto:vcc@example.org")
    assert run_axe(driver, axe_source) == []
    suggestion.click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-results] li a"))
    assert "Digitaler Posteingang" in driver.find_element(By.CSS_SELECTOR, "[data-results] li a").text


def test_filters_combine_when_javascript_runs(driver, served_site, axe_source):
    problems_in_log(driver)
    driver.get(served_site + "/blaupausen/")
    boxes = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-facet-nav] input[type=checkbox]"))
    by_value = {box.get_attribute("value"): box for box in boxes}
    driver.find_element(By.CSS_SELECTOR, f"label[for='{by_value['reifegrad:im-betrieb'].get_attribute('id')}']").click()
    driver.find_element(By.CSS_SELECTOR, f"label[for='{by_value['kommune:offenbach'].get_attribute('id')}']").click()
    cards = driver.find_elements(By.CSS_SELECTOR, "li.card[data-facet-keys]")
    expected = [c for c in cards if {"reifegrad:im-betrieb", "kommune:offenbach"} <= set(c.get_attribute("data-facet-keys").split())]
    visible = [c for c in cards if c.is_displayed()]
    assert 0 < len(visible) == len(expected) < len(cards)
    status = driver.find_element(By.CSS_SELECTOR, ".facet-status").text
    assert status.startswith(f"{len(expected)} Blaupause")
    assert run_axe(driver, axe_source) == []
    assert problems_in_log(driver) == []
