"""The site behind real nginx with docs/deploy/nginx.conf: headers, ranges, 404, and a redeploy
seen by a browser that has the old version open and cached."""
import contextlib
import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import CSP, REPO, copy_sample_settings, problems_in_log, run_vcc

NGINX = "/usr/sbin/nginx"
NEW_WORD = "Zwischenablagefunktion"
NEW_SENTENCE = "Seit dem neuen Deployment steht dieser Satz hier."


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx_serving(webroot, workdir):
    """Runs nginx in the foreground with docs/deploy/nginx.conf serving `webroot`; yields its URL."""
    if not os.path.exists(NGINX):
        pytest.skip(f"{NGINX} is missing: apt-get install nginx (scripts/install-deps.sh test)")
    workdir.mkdir(parents=True)
    port = free_port()
    server = (REPO / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "listen 80;" in server and "root /srv/vcc/public;" in server
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
        "root /srv/vcc/public;", f"root {webroot};")
    temp_paths = "".join(f"    {kind}_temp_path {workdir}/{kind};\n"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root the workers would run as nobody, who cannot enter pytest's 0700 temp folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"{user}worker_processes 1;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n    access_log {workdir}/access.log;\n{temp_paths}{server}}}\n", encoding="utf-8")
    directives = f"daemon off; pid {workdir}/nginx.pid; error_log {workdir}/error.log;"
    with open(workdir / "stderr.log", "wb") as stderr:
        process = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", directives],
                                   stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, (workdir / "stderr.log").read_text() + (workdir / "error.log").read_text()
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            assert time.monotonic() < deadline, "nginx did not start within 10 s"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def build(vcc, project, output):
    result = run_vcc(vcc, "build", "--source", str(project), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def deploy(build_folder, webroot):
    """Like `rsync -a --delete build/ webroot/`: afterwards the webroot is exactly the build."""
    shutil.rmtree(webroot, ignore_errors=True)
    shutil.copytree(build_folder, webroot)


def index_version(folder):
    return json.loads((folder / "suche" / "index" / "current.json").read_text(encoding="utf-8"))["version"]


def fetch(url, headers=None):
    """(status, headers, body) without raising for 4xx; redirects are followed."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def site_a(vcc, tmp_path_factory):
    """A copy of the repository's project and its build (folder A)."""
    root = tmp_path_factory.mktemp("deploy")
    project = root / "project"
    shutil.copytree(REPO / "content", project / "content")
    copy_sample_settings(project)
    return project, build(vcc, project, root / "A")


@pytest.fixture(scope="module")
def nginx_a(site_a, tmp_path_factory):
    """Build A copied to a webroot and served by nginx: (base URL, webroot)."""
    root = tmp_path_factory.mktemp("nginx-a")
    deploy(site_a[1], root / "webroot")
    with nginx_serving(root / "webroot", root / "nginx") as url:
        yield url, root / "webroot"


@pytest.mark.parametrize("path,content_type", [
    ("/blaupausen/posteingang-digitalisieren/", "text/html; charset=utf-8"),
    ("/suche/index/current.json", "application/json; charset=utf-8"),
    ("/blaupausen/posteingang-digitalisieren/posteingang-digitalisieren.md", "text/markdown; charset=utf-8"),
    ("/blaupausen/katalog.json", "application/json; charset=utf-8"),
])
def test_pages_and_the_index_pointer_are_revalidated(nginx_a, path, content_type):
    """Pages, current.json, katalog.json and Markdown: UTF-8, `no-cache`, strict CSP."""
    status, headers, _ = fetch(nginx_a[0] + path)
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, content_type, "no-cache")
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"]


@pytest.mark.parametrize("path,content_type", [
    ("/katalog/dcat.ttl", "text/turtle; charset=utf-8"),
    ("/katalog/dcat.rdf", "application/rdf+xml; charset=utf-8"),
    ("/blaupausen/nutzungs-dashboard/publiccode.yml", "application/yaml; charset=utf-8"),
    ("/daten/nutzungszahlen.csv", "text/csv; charset=utf-8"),
    ("/daten/nutzungszahlen.datapackage.json", "application/json; charset=utf-8"),
    # The sample has no calendar or JSON-LD file of its own: the test puts one beside the catalogue.
    ("/medientypen/termine.ics", "text/calendar; charset=utf-8"),
    ("/medientypen/daten.jsonld", "application/ld+json; charset=utf-8"),
])
def test_open_data_and_published_files_have_their_media_type_and_utf8(nginx_a, path, content_type):
    if path.startswith("/medientypen/"):
        extra = nginx_a[1] / path.lstrip("/")
        extra.parent.mkdir(exist_ok=True)
        extra.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" if path.endswith(".ics") else "{}", encoding="utf-8")
    status, headers, _ = fetch(nginx_a[0] + path)
    assert (status, headers["Content-Type"]) == (200, content_type)


def test_fingerprinted_files_are_immutable(nginx_a):
    """Assets and search index version folders are cached for a year, and keep the CSP."""
    base, webroot = nginx_a
    asset, version = next((webroot / "assets").iterdir()).name, index_version(webroot)
    for path in (f"/assets/{asset}/style.css", f"/assets/{asset}/search/engine.js",
                 f"/suche/index/{version}/manifest.bin", f"/suche/index/{version}/t/0.bin"):
        status, headers, _ = fetch(base + path)
        assert status == 200, path
        assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"], path
        assert headers["Content-Security-Policy"] == CSP, path


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_index_packs_answer_range_requests(nginx_a, encoding):
    """Record and passage packs give 206 for a byte range, also when the client accepts gzip."""
    base, webroot = nginx_a
    version = index_version(webroot)
    for pack in ("r/0.bin", "p/0.bin"):
        whole = (webroot / "suche" / "index" / version / pack).read_bytes()
        status, headers, body = fetch(f"{base}/suche/index/{version}/{pack}",
                                      {"Range": "bytes=5-24", "Accept-Encoding": encoding})
        assert status == 206, pack
        assert headers["Content-Range"] == f"bytes 5-24/{len(whole)}"
        assert body == whole[5:25]


def test_missing_page_gets_the_404_page(nginx_a):
    base, webroot = nginx_a
    status, headers, body = fetch(base + "/blaupausen/gibt-es-nicht/")
    assert status == 404
    assert body == (webroot / "404.html").read_bytes()
    assert headers["Content-Security-Policy"] == CSP and headers["Cache-Control"] == "no-cache"


def test_html_is_gzipped_for_clients_that_accept_it(nginx_a):
    base, webroot = nginx_a
    status, headers, body = fetch(base + "/", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == (webroot / "index.html").read_bytes()


def test_deploy_guide_lists_every_kind_of_output(site_a):
    """The tree in "What the output contains" names each output the sample build has."""
    guide = (REPO / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
    tree = guide.split("## What the output contains", 1)[1].split("```", 2)[1]
    built = site_a[1]
    for listed, pattern in (("seitenuebersicht/", "seitenuebersicht/index.html"), ("katalog/", "katalog/dcat.ttl"),
                            ("dcat.rdf", "katalog/dcat.rdf"), ("katalog.schema.json", "katalog/katalog.schema.json"),
                            ("qualifizierung/amb.json", "qualifizierung/amb.json"), ("qualifizierung/<kurs>/amb.json", "qualifizierung/*/amb.json"),
                            ("qualifizierung/<kurs>/<kurs>-material.zip", "qualifizierung/*/*-material.zip"),
                            ("blaupausen/<id>/<id>.zip", "blaupausen/*/*.zip"), ("blaupausen/<id>/publiccode.yml", "blaupausen/*/publiccode.yml")):
        assert listed in tree, listed
        assert list(built.glob(pattern)), pattern
    top_level = {path.name for path in built.iterdir() if path.is_dir() and path.name not in ("assets", "suche")}
    unnamed = [name for name in top_level if f"{name}/" not in tree and name not in ("barrierefreiheit", "datenschutz", "reifegrade",
                                                                                   "nachnutzung", "ueber-uns")]
    assert not unnamed, unnamed


def test_deploy_guide_quotes_the_tested_configs():
    """docs/DEPLOY.md quotes docs/deploy/*.conf verbatim, so the guide shows what is tested here."""
    guide = (REPO / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
    for name in ("nginx.conf", "apache.conf"):
        assert (REPO / "docs" / "deploy" / name).read_text(encoding="utf-8") in guide, f"DEPLOY.md: {name} differs"


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-results] li a.result-title")]


def wait_for_result(driver, query, title):
    """Waits until the page has answered `query` (its status names it); `title` must be a result."""
    status = driver.find_element(By.CSS_SELECTOR, "[data-status]")
    WebDriverWait(driver, 15).until(lambda d: f"„{query}“" in status.text or "Suchindex" in status.text)
    assert title in result_titles(driver), f"{title!r} not found for {query!r}; the page says {status.text!r}"


def index_requests(driver, since=0):
    """(url, HTTP status) of the search index files the page fetched, from resource timing."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').slice(arguments[0])"
        ".filter(e => e.name.includes('/suche/index/')).map(e => [e.name, e.responseStatus]);", since)


def test_redeploy_reaches_an_open_page_and_a_warm_cache(driver, vcc, site_a, tmp_path):
    """After the webroot is replaced by a new build, the same browser finds the new content at once:
    on the page that was already open (its old index folder is gone) and on a fresh navigation."""
    project_a, folder_a = site_a
    project = tmp_path / "project"
    shutil.copytree(project_a, project)
    deploy(folder_a, tmp_path / "webroot")
    old = index_version(folder_a)
    with nginx_serving(tmp_path / "webroot", tmp_path / "nginx") as base:
        problems_in_log(driver)
        driver.get(base + "/ueber-uns/")
        driver.get(base + "/suche/?q=Posteingang")
        wait_for_result(driver, "Posteingang", "Digitaler Posteingang")
        assert all(f"/{old}/" in url or url.endswith("current.json") for url, _ in index_requests(driver))

        blueprint = project / "content" / "blaupausen" / "posteingang-digitalisieren.md"
        blueprint.write_text(blueprint.read_text(encoding="utf-8") + f"\nDie {NEW_WORD} spart Zeit.\n", encoding="utf-8")
        about = project / "content" / "ueber-uns.md"
        about.write_text(about.read_text(encoding="utf-8") + f"\n{NEW_SENTENCE}\n", encoding="utf-8")
        # nginx's ETag is mtime + size: current.json always has the same size, so the new build
        # must be written in a later second than the old one to revalidate as changed.
        time.sleep(max(0.0, int((folder_a / "suche/index/current.json").stat().st_mtime) + 1.1 - time.time()))
        folder_b = build(vcc, project, tmp_path / "B")
        new = index_version(folder_b)
        assert new != old
        deploy(folder_b, tmp_path / "webroot")
        assert not (tmp_path / "webroot" / "suche" / "index" / old).exists()

        # 1. The page that is still open: type a new query, no reload.
        seen = driver.execute_script("return performance.getEntriesByType('resource').length")
        box = driver.find_element(By.ID, "suche-seite")
        box.clear()
        box.send_keys(NEW_WORD)
        wait_for_result(driver, NEW_WORD, "Digitaler Posteingang")
        after = index_requests(driver, seen)
        assert any(f"/{new}/" in url for url, _ in after), after
        assert all(status != 200 for url, status in after if f"/{old}/" in url), after

        # 2. A normal navigation with the warm cache.
        driver.get(base + f"/suche/?q={NEW_WORD}")
        wait_for_result(driver, NEW_WORD, "Digitaler Posteingang")
        assert not [url for url, _ in index_requests(driver) if f"/{old}/" in url]
        seen_version = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/suche/index/current.json', {cache: 'no-cache'}).then(r => r.json())"
            ".then(entry => done(entry.version), error => done(String(error)));")
        assert seen_version == new
        driver.get(base + "/ueber-uns/")
        assert NEW_SENTENCE in driver.find_element(By.TAG_NAME, "main").text

        # The only console errors allowed are the 404s of the removed old index folder,
        # which is how the open page noticed the redeploy.
        problems = [entry["message"] for entry in problems_in_log(driver)
                    if not (f"/suche/index/{old}/" in entry["message"] and "404" in entry["message"])]
        assert problems == []


def test_damaged_index_shows_a_german_message_and_the_directories(driver, site_a, tmp_path):
    """A deploy that lost the term shards: the search page says so and offers the A–Z lists."""
    _, folder_a = site_a
    webroot = tmp_path / "webroot"
    deploy(folder_a, webroot)
    shutil.rmtree(webroot / "suche" / "index" / index_version(folder_a) / "t")
    with nginx_serving(webroot, tmp_path / "nginx") as base:
        driver.get(base + "/suche/?q=Posteingang")
        status = driver.find_element(By.CSS_SELECTOR, "[data-status]")
        WebDriverWait(driver, 15).until(lambda d: "Suchindex" in status.text)
        assert status.is_displayed()
        assert result_titles(driver) == []
        fallback = driver.find_element(By.CSS_SELECTOR, "[data-search-page] .no-js")
        assert fallback.is_displayed()
        links = [a.get_attribute("href") for a in fallback.find_elements(By.TAG_NAME, "a")]
        assert base + "/blaupausen/" in links and base + "/themen/" in links
    problems_in_log(driver)  # The 404s of the missing shard are expected here.
