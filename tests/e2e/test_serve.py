"""`vcc serve`: picks up an edit and serves the new page; errors show and the last good site stays."""
import contextlib
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import REPO, copy_sample_settings, run_vcc


def fetch(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@contextlib.contextmanager
def serving(vcc, source):
    """`vcc serve` on `source`; yields its address. --stop-after ends it even if the test is interrupted."""
    process = subprocess.Popen([vcc, "serve", "--source", str(source), "--port", "0", "--stop-after", "120"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + process.stderr.read()
        yield f"http://127.0.0.1:{match.group(1)}"
    finally:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def preview(vcc, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    copy_sample_settings(tmp_path)
    with serving(vcc, tmp_path) as base:
        yield base, tmp_path


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


def run_client(base, query, limit, answer):
    """Runs the browser client (engine.js) in Node against the preview's index and prints the JSON of
    the JavaScript expression `answer` over `found`; returns it parsed, None when Node fails."""
    script = (f'import {{ createSearch }} from "{REPO}/Sources/SearchIndexing/Client/engine.js";'
              'const search = await createSearch(process.argv[1]);'
              f'const found = await search.search(process.argv[2], {{ limit: {limit} }});'
              f'console.log(JSON.stringify({answer}));')
    result = subprocess.run(["node", "--input-type=module", "-e", script, base + "/suche/index/", query],
                            capture_output=True, text=True, timeout=30)
    return json.loads(result.stdout) if result.returncode == 0 else None


def preview_search(base, query):
    """The result URLs the browser client finds in the preview's index."""
    return run_client(base, query, 5, "found.results.map((r) => r.url)") or []


def test_serve_updates_the_search_index_of_an_edited_page(preview):
    base, project = preview
    wait_for(lambda: "/impressum/" in preview_search(base, "Impressum "), seconds=30)
    assert preview_search(base, "Quokkaverwaltung ") == []
    source = project / "content" / "impressum.md"
    source.write_text(source.read_text(encoding="utf-8").replace("## Anbieter", "Die Quokkaverwaltung grüßt.\n\n## Anbieter"),
                      encoding="utf-8")
    saved = time.monotonic()
    assert wait_for(lambda: preview_search(base, "Quokkaverwaltung ") == ["/impressum/"], seconds=30)
    assert time.monotonic() - saved < 10


def preview_excerpt(base, query):
    """The excerpt text of the first result the browser client finds in the preview's index."""
    return run_client(base, query, 1, 'found.results[0]?.excerpt.map((p) => p.text).join("") ?? ""') or ""


def test_serve_excerpts_have_no_space_before_punctuation_after_emphasis_or_a_link(preview):
    base, project = preview
    source = project / "content" / "impressum.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "## Anbieter", "Die Post wird **zentral gescannt**, mit Quokkaerkennung (siehe [Impressum](impressum.md)).\n\n## Anbieter"),
        encoding="utf-8")
    excerpt = wait_for(lambda: preview_excerpt(base, "Quokkaerkennung "), seconds=30)
    assert "zentral gescannt, mit Quokkaerkennung (siehe Impressum)." in excerpt, excerpt


def test_serve_answers_range_requests_for_passage_packs(preview):
    base, _ = preview
    def pack():
        try:
            entry = json.loads(urllib.request.urlopen(base + "/suche/index/current.json", timeout=5).read())
            path = f"/suche/index/{entry['version']}/p/0.bin"
            return path, urllib.request.urlopen(base + path, timeout=5).read()
        except urllib.error.HTTPError:
            return None  # The index is still being built in the background.
    path, whole = wait_for(pack, seconds=30)
    request = urllib.request.Request(base + path, headers={"Range": "bytes=2-9"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 2-9/{len(whole)}"
        assert response.read() == whole[2:10]


def test_serve_stays_responsive_with_idle_connections_and_open_long_polls(preview):
    import socket
    import threading
    base, _ = preview
    port = int(base.rsplit(":", 1)[1])
    version = json.loads(fetch(base + "/__vcc/status"))["version"]
    idle = []
    try:
        for _ in range(64):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET /imp")  # An unfinished request: the server waits for the rest.
            idle.append(connection)
        def long_poll():
            try:
                fetch(f"{base}/__vcc/status?version={version}", timeout=40)
            except OSError:
                pass  # The server ends with the test.
        polls = [threading.Thread(target=long_poll, daemon=True) for _ in range(24)]
        for poll in polls:
            poll.start()
        time.sleep(0.5)
        for _ in range(3):
            started = time.monotonic()
            assert "<h1>Impressum</h1>" in fetch(base + "/impressum/", timeout=5)
            assert time.monotonic() - started < 1.0, "a page took longer than a second"
        # Past the limit of waiting long-polls, a status request is answered at once with a retry hint.
        started = time.monotonic()
        status = json.loads(fetch(f"{base}/__vcc/status?version={version}", timeout=5))
        assert time.monotonic() - started < 1.0 and status.get("retry", 0) > 0
    finally:
        for connection in idle:
            connection.close()


def test_serve_does_not_claim_a_failed_build_was_rebuilt(vcc, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    copy_sample_settings(tmp_path)
    process = subprocess.Popen([vcc, "serve", "--source", str(tmp_path), "--port", "0", "--stop-after", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = "http://127.0.0.1:" + re.search(r"127\.0\.0\.1:(\d+)/", process.stdout.readline()).group(1)
        version = json.loads(fetch(base + "/__vcc/status"))["version"]
        source = tmp_path / "content" / "impressum.md"
        source.write_text("---\ntitle: [kaputt\n---\n", encoding="utf-8")
        wait_for(lambda: json.loads(fetch(base + "/__vcc/status"))["version"] != version)
    finally:
        process.kill()
        _, stderr = process.communicate(timeout=10)
    report = stderr[stderr.index("impressum.md"):]
    assert "neu gebaut" not in report, report
    assert "Build mit Fehlern" in report and "letzte fehlerfreie Fassung" in report, report


def raw_response(port, request, timeout=5):
    """The bytes the preview answers to `request`, read until it closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(request)
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
        return data


def test_serve_folder_redirect_cannot_inject_headers(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path)).returncode == 0
    # HTML from content is published only with the opt-in (issue 18, item 2).
    with open(tmp_path / "site.yml", "a", encoding="utf-8") as config:
        config.write("\npublish_html_files: true\n")
    folder = tmp_path / "content" / "b\r\nX-Injected: 1"
    folder.mkdir()
    (folder / "index.html").write_text("<p>Ordner mit Zeilenumbruch</p>", encoding="utf-8")
    with serving(vcc, tmp_path) as base:
        port = int(base.rsplit(":", 1)[1])
        answer = raw_response(port, b"GET /b%0D%0AX-Injected:%201 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    assert head.startswith("HTTP/1.1 301"), head
    assert "\r\nX-Injected" not in head, head
    assert "\r\nLocation: /b%0D%0AX-Injected:%201/\r\n" in head + "\r\n", head


def test_serve_answers_while_hundreds_of_connections_send_their_headers_slowly(preview):
    base, _ = preview
    port = int(base.rsplit(":", 1)[1])
    slow = []
    try:
        for _ in range(600):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET /imp")  # Headers never finished: a slowloris.
            slow.append(connection)
        for _ in range(3):
            started = time.monotonic()
            assert "<h1>Impressum</h1>" in fetch(base + "/impressum/", timeout=5)
            assert time.monotonic() - started < 2.0, "a page took longer than two seconds"
            for connection in slow[-50:]:
                try:
                    connection.sendall(b"p")  # Still sending, slowly.
                except OSError:
                    pass  # The preview closed it to make room.
    finally:
        for connection in slow:
            connection.close()


def test_serve_labels_markdown_as_the_catalogue_and_nginx_do(preview):
    base, _ = preview
    with urllib.request.urlopen(base + "/blaupausen/ki-checkliste/ki-checkliste.md", timeout=5) as response:
        assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"


def test_serve_sends_the_content_security_policy_production_runs_under(preview):
    # Issue 22: the preview breaks where the site would, so an inline script shows up before publishing.
    base, _ = preview
    for path in ("/", "/blaupausen/", "/__vcc/reload.js"):
        with urllib.request.urlopen(base + path, timeout=5) as response:
            assert response.headers["Content-Security-Policy"] == "default-src 'self'", path


def test_serve_shows_the_findings_of_vcc_check_as_warnings(preview):
    # Issue 22: alt text, heading levels and link texts are reported where staff look, not only by vcc check.
    base, project = preview
    version = json.loads(fetch(base + "/__vcc/status"))["version"]
    source = project / "content" / "impressum.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n![](daten/nutzungszahlen.csv)\n\n[hier](https://www.example.org/)\n", encoding="utf-8")
    status = wait_for(lambda: (lambda s: s if s["version"] != version else None)(json.loads(fetch(base + "/__vcc/status"))))
    assert status["errors"] == []
    assert any("impressum.md" in w and "Alternativtext" in w for w in status["warnings"]), status["warnings"]
    assert any("impressum.md" in w and "hier" in w for w in status["warnings"]), status["warnings"]


def test_build_shows_the_findings_of_vcc_check_as_warnings(vcc, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    copy_sample_settings(tmp_path)
    source = tmp_path / "content" / "impressum.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n#### Zu tief\n\nText.\n", encoding="utf-8")
    result = subprocess.run([vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "impressum.md:" in result.stderr and "warning" in result.stderr and "Überschrift" in result.stderr, result.stderr


def test_a_busy_port_names_the_option_that_picks_another(vcc, tmp_path):
    assert run_vcc(vcc, "init", str(tmp_path / "site")).returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([vcc, "serve", "--source", str(tmp_path / "site"), "--port", str(port), "--stop-after", "20"],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"Der Port {port} auf 127.0.0.1 ist schon belegt" in result.stderr, result.stderr
    assert f"vcc serve --port {port + 1}" in result.stderr and "--port 0" in result.stderr


def test_the_documented_preview_address_is_the_default_port():
    code = (REPO / "Sources" / "Commands" / "ServeCommand.swift").read_text(encoding="utf-8")
    port = re.search(r"var port: UInt16 = (\d+)", code).group(1)
    for document in (REPO / "README.md", REPO / "scripts" / "LIESMICH.txt"):
        text = document.read_text(encoding="utf-8")
        addresses = set(re.findall(r"http://127\.0\.0\.1:(\d+)/", text))
        assert addresses == {port}, (document.name, addresses)
    assert f"[--port {port}]" in (REPO / "README.md").read_text(encoding="utf-8")
