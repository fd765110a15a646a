"""`vcc check --external` against a local server on 127.0.0.1 that answers 200, 301, 404 and hangs:
bounded by a timeout, each problem at the link's line, good answers cached for the next run."""
import http.server
import json
import re
import threading
import time

from conftest import run_vcc


class Handler(http.server.BaseHTTPRequestHandler):
    seen = []

    def answer(self, body):
        Handler.seen.append(self.path)
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/umzug":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/weg":
            self.send_response(404)
        elif self.path == "/haengt":
            time.sleep(5)  # longer than the check's --timeout 2; bounded so the server always ends
            self.send_response(200)
        elif self.path == "/nur-get" and self.command == "HEAD":
            self.send_response(405)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)

    def log_message(self, *args):
        pass


def test_external_links_are_checked_with_a_deadline_and_cached(vcc, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        (tmp_path / "content").mkdir()
        (tmp_path / "content" / "links.md").write_text(
            "---\ntitle: Links\nsummary: Links nach draußen.\n---\n"
            f"[Gut]({base}/ok)\n\n[Umgezogen]({base}/umzug)\n\n[Weg]({base}/weg)\n\n[Hängt]({base}/haengt)\n\n[Nur GET]({base}/nur-get)\n",
            encoding="utf-8")
        started = time.monotonic()
        result = run_vcc(vcc, "check", "--external", "--timeout", "2", "--source", str(tmp_path))
        elapsed = time.monotonic() - started
        assert result.returncode == 0, result.stderr  # warnings only
        assert elapsed < 15, "the hanging server must not hold the check"
        assert re.search(r"content/links\.md:7:1: warning: Die Adresse .*/umzug ist dauerhaft umgezogen nach .*/ok", result.stderr), result.stderr
        assert re.search(r"content/links\.md:9:1: warning: Die Adresse .*/weg antwortet mit HTTP 404", result.stderr)
        assert re.search(r"content/links\.md:11:1: warning: Die Adresse .*/haengt antwortet nicht: keine Antwort in 2 Sekunden", result.stderr)
        assert "/ok antwortet" not in result.stderr and "/nur-get" not in result.stderr
        assert ("GET", "/nur-get") and "/nur-get" in Handler.seen
        cache = json.loads((tmp_path / ".vcc-linkcache.json").read_text(encoding="utf-8"))
        assert f"{base}/ok" in cache and f"{base}/weg" not in cache
        strict = run_vcc(vcc, "check", "--external", "--strict", "--timeout", "2", "--source", str(tmp_path))
        assert strict.returncode == 1
        asked_ok = Handler.seen.count("/ok")
        again = run_vcc(vcc, "check", "--external", "--timeout", "2", "--source", str(tmp_path))
        assert Handler.seen.count("/ok") == asked_ok, "a good answer of the last day is taken from the cache"
        assert "/weg antwortet mit HTTP 404" in again.stderr, "failures are asked again"
    finally:
        server.shutdown()
        server.server_close()
