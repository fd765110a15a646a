"""Issue 21, Done when (a): a clerk walks from the home page to the incoming-mail blueprint, reads
"Auf einen Blick" above the fold at 1280x800 and within the first two screens at 390x844,
downloads the package and finds LIESMICH.html, the .odt of each text attachment and technik/;
axe-core finds nothing on any page of the walk."""
import io
import urllib.request
import zipfile

from selenium.webdriver.common.by import By

from conftest import run_axe


def viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def test_from_the_home_page_to_a_package_a_clerk_can_use(driver, served_site, axe_source):
    try:
        viewport(driver, 1280, 800)
        driver.get(served_site + "/")
        assert run_axe(driver, axe_source) == []
        driver.find_element(By.CSS_SELECTOR, ".main-nav a[href='/blaupausen/']").click()
        assert run_axe(driver, axe_source) == []
        driver.find_element(By.PARTIAL_LINK_TEXT, "Digitaler Posteingang").click()
        assert driver.current_url.endswith("/blaupausen/posteingang-digitalisieren/")
        assert run_axe(driver, axe_source) == []
        for width, height, screens in ((1280, 800, 1), (390, 844, 2)):
            viewport(driver, width, height)
            driver.get(served_site + "/blaupausen/posteingang-digitalisieren/")
            heading = driver.find_element(By.ID, "auf-einen-blick")
            top = driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
            first_fact = driver.find_element(By.CSS_SELECTOR, ".summary-list > div")
            bottom = driver.execute_script("return arguments[0].getBoundingClientRect().bottom", first_fact)
            assert top < height * screens and bottom <= height * screens, (width, top, bottom)
            facts = driver.find_element(By.CSS_SELECTOR, ".summary-list").text
            for fact in ("Im Einsatz", "Offenbach am Main (seit 1. April 2023)", "einmalig 38.000 €", "Passt zu", "Rechtsgrundlagen", "Kontakt"):
                assert fact in facts, (width, fact)
            assert run_axe(driver, axe_source) == []
        link = driver.find_element(By.CSS_SELECTOR, ".at-a-glance a[download][href$='.zip']")
        with urllib.request.urlopen(link.get_attribute("href"), timeout=30) as response:
            package = zipfile.ZipFile(io.BytesIO(response.read()))
        names = set(package.namelist())
        assert "LIESMICH.html" in names
        for text in ("dienstanweisung-scannen", "posteingang-checkliste"):
            assert f"{text}.odt" in names and f"{text}.txt" in names, names
        assert any(name.startswith("technik/") and name.endswith(".md") for name in names), names
        assert not any(name.endswith((".md", ".css", ".yml")) and not name.startswith("technik/") for name in names), names
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
