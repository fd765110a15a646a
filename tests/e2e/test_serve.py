"""`vcc serve`: picks up an edit and serves the new page; errors show and the last good site stays."""
import json
import re
import shutil
import subprocess
import time
import urllib.request

import pytest

from conftest import REPO


def fetch(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def preview(vcc, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "site.yml", tmp_path / "site.yml")
    # --stop-after makes the server end by itself even if this test is interrupted.
    process = subprocess.Popen([vcc, "serve", "--source", str(tmp_path), "--port", "0", "--stop-after", "120"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + process.stderr.read()
        yield f"http://127.0.0.1:{match.group(1)}", tmp_path
    finally:
        process.kill()
        process.wait(timeout=10)


def wait_for(predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out")


def test_serve_picks_up_an_edit_and_serves_the_new_page(preview):
    base, project = preview
    page = fetch(base + "/impressum/")
    assert "<h1>Impressum</h1>" in page
    assert '/__vcc/reload.js' in page, "the reload script is added while serving"
    assert not (project / "public").exists(), "serve never writes public/"
    source = project / "content" / "impressum.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Anbieter", "## Anbieter der Vorschau"), encoding="utf-8")
    saved = time.monotonic()
    wait_for(lambda: "Anbieter der Vorschau" in fetch(base + "/impressum/"))
    assert time.monotonic() - saved < 5


def test_serve_shows_errors_and_keeps_the_last_good_site(preview):
    base, project = preview
    version = json.loads(fetch(base + "/__vcc/status"))["version"]
    source = project / "content" / "blaupausen" / "ki-checkliste.md"
    source.write_text(source.read_text(encoding="utf-8").replace("maturity: pilot", "maturity: [pilot"), encoding="utf-8")
    status = wait_for(lambda: (lambda s: s if s["version"] != version else None)(json.loads(fetch(base + "/__vcc/status"))))
    assert status["errors"] and "ki-checkliste.md" in status["errors"][0]
    assert "Checkliste für KI-Anwendungsfälle" in fetch(base + "/blaupausen/ki-checkliste/")


def test_serve_rebuilds_lists_when_a_title_changes_and_serves_404(preview):
    base, project = preview
    source = project / "content" / "blaupausen" / "prozesse-visualisieren.md"
    source.write_text(source.read_text(encoding="utf-8").replace("title: Prozesse visualisieren", "title: Abläufe zeichnen"),
                      encoding="utf-8")
    wait_for(lambda: "Abläufe zeichnen" in fetch(base + "/blaupausen/"))
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(base + "/gibt-es-nicht/")
    assert missing.value.code == 404
