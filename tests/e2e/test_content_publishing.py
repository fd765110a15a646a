"""Issue 18, item 2: authors cannot run script in the site's origin.

Content publishes only media and documents that run nothing; SVG only rewritten without script;
HTML only with `publish_html_files: true`; scripts (and so service workers) never. Checked in
Chromium under the documented `Content-Security-Policy: default-src 'self'`: the hostile files
of a project make no request they were written to make.
"""
import functools
import threading
import time

from conftest import run_vcc
from static_server import CSPHandler, LoopbackServer

HOSTILE = {
    "content/index.md": "---\ntitle: Start\n---\nHallo.\n",
    # A script that reports when it runs, and everything that tries to run it.
    "content/evil.js": "fetch('/pwned-js-' + document.location.pathname.replace(/\\W/g, ''));",
    "content/bild.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script href="evil.js"/>'
                        '<rect width="10" height="10" fill="#004f7c" onload="fetch(\'/pwned-onload\')"/></svg>',
    "content/seite.html": '<!DOCTYPE html><title>x</title><script src="/evil.js"></script>',
    "content/blaupausen/sw.js": "self.addEventListener('fetch', e => e.respondWith(fetch('/pwned-sw')));",
    "content/blaupausen/register.js": "navigator.serviceWorker.register('/blaupausen/sw.js').then(() => fetch('/pwned-registered'));",
    "content/blaupausen/anmelden.html": '<!DOCTYPE html><title>x</title><script src="/blaupausen/register.js"></script>',
    "content/daten.xml": '<html xmlns="http://www.w3.org/1999/xhtml"><script src="/evil.js"/></html>',
    "content/bericht.pdf": "%PDF-1.4\n",
}


def write(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


class RecordingHandler(CSPHandler):
    def do_GET(self):
        self.server.requested.append(self.path)
        return super().do_GET()


class recording_server:
    def __init__(self, folder):
        self.server = LoopbackServer(("127.0.0.1", 0), functools.partial(RecordingHandler, directory=str(folder)))
        self.server.requested = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}", self.server.requested

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_content_publishes_no_script_and_says_so(vcc, tmp_path):
    write(tmp_path, HOSTILE | {"site.yml": "title: Test\n"})
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "public"
    for path in ["evil.js", "seite.html", "blaupausen/sw.js", "blaupausen/register.js", "blaupausen/anmelden.html", "daten.xml"]:
        assert not (out / path).exists(), path
        assert f"content/{path}:1:1: warning:" in result.stderr, path
    assert "Service Worker" in result.stderr and "publish_html_files" in result.stderr
    assert (out / "bericht.pdf").exists()
    svg = (out / "bild.svg").read_text(encoding="utf-8")
    assert "<rect" in svg and "script" not in svg and "onload" not in svg
    check = run_vcc(vcc, "check", "--source", str(tmp_path), "--strict")
    assert check.returncode == 1 and "content/evil.js:1:1:" in check.stderr


def test_hostile_files_run_nothing_in_chromium(vcc, tmp_path, driver):
    write(tmp_path, HOSTILE | {"site.yml": "title: Test\n"})
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 0, result.stderr
    with recording_server(tmp_path / "public") as (base, requested):
        for path in ["/bild.svg", "/seite.html", "/blaupausen/anmelden.html", "/daten.xml", "/blaupausen/"]:
            driver.get(base + path)
        time.sleep(1)
        registrations = driver.execute_async_script(
            "const done = arguments[0]; navigator.serviceWorker.getRegistrations().then(r => done(r.length), () => done(-1));")
    assert not [p for p in requested if "pwned" in p], requested
    assert registrations == 0


def test_html_files_only_with_the_opt_in(vcc, tmp_path, driver):
    write(tmp_path, {"site.yml": "title: Test\npublish_html_files: true\n",
                     "content/index.md": "---\ntitle: Start\n---\nHallo.\n",
                     "content/bericht.html": "<!DOCTYPE html><title>Bericht</title><p>Exportierter Bericht</p>",
                     "content/evil.js": "fetch('/pwned');"})
    result = run_vcc(vcc, "build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "bericht.html").exists()
    assert not (tmp_path / "public" / "evil.js").exists(), "scripts stay out even with the opt-in"
