"""Shared fixtures: the vcc binary, the built sample site, a CSP-enforcing server and headless Chromium."""
import importlib.util
import os
import pathlib
import shutil
import subprocess

import pytest

from browser import new_chromium
from static_server import CSP, served_folder  # noqa: F401  (CSP for the tests that import it from here)

REPO = pathlib.Path(__file__).resolve().parents[2]
# What the sample project has beside content/: its settings and the logos they name.
SAMPLE_SETTINGS = ("site.yml", "logo.svg", "logo-dunkel.svg")


def copy_sample_settings(project):
    """Copies the sample's site.yml and the files it names into `project`."""
    for name in SAMPLE_SETTINGS:
        shutil.copy(REPO / name, pathlib.Path(project) / name)


@pytest.fixture(scope="session")
def vcc():
    path = os.environ.get("VCC") or str(REPO / ".build" / "debug" / "vcc")
    if not os.path.exists(path):
        subprocess.run(["swift", "build", "--product", "vcc"], cwd=REPO, check=True)
    return path


def run_vcc(vcc, *args, cwd=None, env=None):
    full_env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    full_env.update(env or {})
    return subprocess.run([vcc, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def sample_site(vcc, tmp_path_factory):
    """The repository's own site built into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "public"
    result = run_vcc(vcc, "build", "--source", str(REPO), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served_site(sample_site):
    """Serves the sample site for the whole session."""
    with served_folder(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def driver():
    browser = new_chromium()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def axe_source():
    """axe-core 4.x as shipped inside the PyPI wheel axe-playwright-python."""
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "pip install axe-playwright-python"
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    return path.read_text(encoding="utf-8")


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(driver, axe_source):
    """Injects axe (WebDriver scripts are not subject to the page's CSP) and returns the violations."""
    driver.execute_script(axe_source)
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), version
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        WCAG_TAGS,
    )


def problems_in_log(driver):
    """Console errors and CSP reports since the last call."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]
