"""`vcc check --external` against a local server on 127.0.0.2 that answers 200, 301, 404 and hangs:
bounded by a timeout, each problem at the link's line, good answers cached for the next run; safe on
untrusted content: no URL globbing, no internal addresses without --allow-internal, bounded in time,
requests and child processes."""
import contextlib
import http.server
import json
import os
import re
import signal
import subprocess
import threading
import time

from conftest import run_vcc

# The test servers listen on 127.0.0.2, which is this machine as much as 127.0.0.1 (so still an
# internal address for the check): a link to 127.0.0.1 or localhost is a build error of its own,
# the preview on the author's computer, which would hide what these tests look at.
LOOPBACK = "127.0.0.2"


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
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://{LOOPBACK}:{server.server_address[1]}"
    try:
        (tmp_path / "content").mkdir()
        (tmp_path / "content" / "links.md").write_text(
            "---\ntitle: Links\nsummary: Links nach draußen.\n---\n"
            f"[Gut]({base}/ok)\n\n[Umgezogen]({base}/umzug)\n\n[Weg]({base}/weg)\n\n[Hängt]({base}/haengt)\n\n[Nur GET]({base}/nur-get)\n",
            encoding="utf-8")
        started = time.monotonic()
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--timeout", "2", "--source", str(tmp_path))
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
        strict = run_vcc(vcc, "check", "--external", "--allow-internal", "--strict", "--timeout", "2", "--source", str(tmp_path))
        assert strict.returncode == 1
        asked_ok = Handler.seen.count("/ok")
        again = run_vcc(vcc, "check", "--external", "--allow-internal", "--timeout", "2", "--source", str(tmp_path))
        assert Handler.seen.count("/ok") == asked_ok, "a good answer of the last day is taken from the cache"
        assert "/weg antwortet mit HTTP 404" in again.stderr, "failures are asked again"
    finally:
        server.shutdown()
        server.server_close()


class CountingHandler(http.server.BaseHTTPRequestHandler):
    """Answers 200 at once, or after `delay` seconds (bounded, so the server always ends), and counts requests."""
    delay = 0

    def answer(self):
        self.server.requests.append((self.command, self.path))
        if self.delay:
            time.sleep(self.delay)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def log_message(self, *args):
        pass


class SlowHandler(CountingHandler):
    delay = 8


@contextlib.contextmanager
def counting_server(handler=CountingHandler):
    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def site_with_links(tmp_path, urls):
    (tmp_path / "content").mkdir(exist_ok=True)
    body = "\n\n".join(f"[Link {i}]({url})" for i, url in enumerate(urls))
    (tmp_path / "content" / "links.md").write_text(f"---\ntitle: Links\nsummary: Links nach draußen.\n---\n{body}\n", encoding="utf-8")


def test_url_ranges_and_braces_are_one_request_each_not_a_glob(vcc, tmp_path):
    with counting_server() as (server, port):
        site_with_links(tmp_path, [f"http://{LOOPBACK}:{port}/x[1-100000]", f"http://{LOOPBACK}:{port}/y{{a,b}}"])
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--timeout", "5", "--source", str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert sorted(server.requests) == [("HEAD", "/x%5B1-100000%5D"), ("HEAD", "/y%7Ba,b%7D")], server.requests[:5]


def test_spaces_and_characters_a_server_could_misread_are_percent_encoded(vcc, tmp_path):
    with counting_server() as (server, port):
        # The build reports the space as an error; the check still asks the address, encoded.
        site_with_links(tmp_path, [f"<http://{LOOPBACK}:{port}/a b|c\"d^e%zz%41>"])
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--timeout", "5", "--source", str(tmp_path))
        assert "Traceback" not in result.stderr
        assert server.requests == [("HEAD", "/a%20b%7Cc%22d%5Ee%25zz%41")], server.requests


def test_internal_addresses_are_not_asked_without_the_flag(vcc, tmp_path):
    with counting_server() as (server, port):
        urls = [f"http://127.0.0.1:{port}/a", f"http://localhost:{port}/b", f"http://2130706433:{port}/c",
                f"http://0x7f.1:{port}/d", f"http://[::ffff:127.0.0.1]:{port}/e", f"http://[::1]:{port}/f",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://0.0.0.0/", "http://100.64.1.1/"]
        site_with_links(tmp_path, urls)
        result = run_vcc(vcc, "check", "--external", "--timeout", "2", "--source", str(tmp_path))
        # The check's own findings are warnings; the only errors are the build's, for the links to
        # the author's own computer (a preview address), one each.
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert all("Vorschau auf deinem Rechner" in line for line in errors), result.stderr
        assert len(errors) == 4, result.stderr  # 127.0.0.1, localhost, [::1], 0.0.0.0
        assert server.requests == [], "no request may reach an internal address"
        for number, url in enumerate(urls):
            line = 5 + 2 * number
            assert re.search(rf"content/links\.md:{line}:1: warning: Die Adresse {re.escape(url)} .*interne Adresse, nicht geprüft",
                             result.stderr), (url, result.stderr)
        assert "--allow-internal" in result.stderr


def test_other_schemes_and_user_names_are_not_handed_to_curl(vcc, tmp_path):
    with counting_server() as (server, port):
        site_with_links(tmp_path, [f"http://evil@{LOOPBACK}:{port}/u"])
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--source", str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert server.requests == []
        assert f"content/links.md:5:1: warning: Die Adresse http://evil@{LOOPBACK}" in result.stderr
        assert "Zugangsdaten" in result.stderr


def test_the_number_of_addresses_asked_is_capped(vcc, tmp_path):
    with counting_server() as (server, port):
        site_with_links(tmp_path, [f"http://{LOOPBACK}:{port}/{n}" for n in range(5)])
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--max-links", "2", "--source", str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert len(server.requests) == 2, server.requests
        assert len(re.findall(r"warning: Mehr als 2 Adressen \(--max-links\): 3 Adressen wurden nicht geprüft", result.stderr)) == 1, result.stderr


def test_an_overall_deadline_bounds_the_check(vcc, tmp_path):
    with counting_server(SlowHandler) as (server, port):
        site_with_links(tmp_path, [f"http://{LOOPBACK}:{port}/{n:02}" for n in range(12)])
        started = time.monotonic()
        result = run_vcc(vcc, "check", "--external", "--allow-internal", "--timeout", "60", "--deadline", "2",
                         "--source", str(tmp_path))
        elapsed = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        assert elapsed < 6, f"the check took {elapsed:.1f} s with --deadline 2"
        assert len(server.requests) == 8, "eight at a time, and none started after the deadline"
        assert "keine Antwort in 2 Sekunden" in result.stderr
        assert len(re.findall(r"warning: Die Frist von 2 Sekunden \(--deadline\) ist abgelaufen; 4 Adressen wurden nicht geprüft",
                              result.stderr)) == 1, result.stderr


def curl_children(pid):
    """The curl processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/comm", encoding="utf-8") as comm:
                name = comm.read().strip()
        except OSError:
            continue
        if int(fields[1]) == pid and name == "curl":
            found.append(int(entry))
    return found


def is_alive(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_no_curl_survives_when_vcc_is_terminated(vcc, tmp_path):
    with counting_server(SlowHandler) as (server, port):
        site_with_links(tmp_path, [f"http://{LOOPBACK}:{port}/{n}" for n in range(3)])
        process = subprocess.Popen([vcc, "check", "--external", "--allow-internal", "--timeout", "60", "--source", str(tmp_path)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 10
            children = []
            while time.monotonic() < deadline and (len(server.requests) < 3 or len(children) < 3):
                children = curl_children(process.pid)
                time.sleep(0.05)
            assert len(children) == 3, (children, server.requests)
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=10)
        finally:
            process.kill()
            process.wait(timeout=10)
        time.sleep(0.2)
        assert [pid for pid in children if is_alive(pid)] == [], "a curl outlived vcc"
        assert process.returncode == 128 + signal.SIGTERM, process.returncode
