"""Mutation family 10: URL syntax for `vcc check --external`, against a counting HTTP server on 127.0.0.1."""
import http.server
import os
import re
import threading

from .project import CHECK_CURL_TIMEOUT, CHECK_DEADLINE, MD_FILES, write


# ---- Family 10: URL syntax for `vcc check --external` ----------------------------------------


class CountingServer:
    """An HTTP server on 127.0.0.1 that counts connections and requests; it stops by itself after `lifetime` s."""

    def __init__(self, lifetime=120):
        counts = self
        self.connections, self.requests, self.lock = 0, [], threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def answer(self, body):
                with counts.lock:
                    counts.requests.append((self.command, self.path))
                status = 405 if self.command == "HEAD" and "/h405" in self.path else 200
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            def do_HEAD(self):
                self.answer(b"")

            def do_GET(self):
                self.answer(b"ok\n")

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address):
                with counts.lock:
                    counts.connections += 1
                return True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.timeout = 1
        self.port = self.httpd.server_address[1]
        self.stopped = threading.Event()
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        self.timer = threading.Timer(lifetime, self.stop)
        self.timer.daemon = True
        self.timer.start()

    def snapshot(self):
        with self.lock:
            return self.connections, list(self.requests)

    def stop(self):
        if not self.stopped.is_set():
            self.stopped.set()
            self.timer.cancel()
            self.httpd.shutdown()
            self.httpd.server_close()


def external_links(rng, port, mark):
    """Distinct links (each with its own number in the path) that all lead to 127.0.0.1:port, spelled many ways."""
    hosts = ["127.0.0.1", "localhost", "LOCALHOST", "127.1", "2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "127.000.000.001",
             "0", "0.0.0.0", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "127.0.0.1.", "localhost.",
             "user:pw@127.0.0.1", "evil.example@127.0.0.1", "127.0.0.1%2f@evil.example", "[::ffff:127.0.0.1%25lo]"]
    paths = ["glob[1-100000]", "brace{a,b}", "h405", "mit leer zeichen", "a%20b%0d%0aX-Injected:%201", "ctl%00%01%1b%7f",
             "q?x=1&y=[2]#frag", "-o%20/tmp/x", "l" + "x" * rng.choice([3000, 20000]), "%5B1-2%5D", "glob[a-z]{1,2}",
             "ok", "%E2%80%AE", "..%2f..%2fetc", "h405/glob[0-9]"]
    links = []
    for n in range(rng.randint(4, 14)):
        host, path = rng.choice(hosts), rng.choice(paths)
        scheme = rng.choice(["http", "http", "http", "https", "HTTP"])
        links.append(f"{scheme}://{host}:{port}/{mark}/n{n}/{path}")
    if rng.random() < 0.3:  # thousands of distinct links
        links += [f"http://127.0.0.1:{port}/{mark}/many{n}" for n in range(rng.choice([1200, 3000]))]
    return links


def mutate_external_links(rng, case):
    """A page full of links to a counting server on 127.0.0.1; plans `vcc check --external` without and with --allow-internal."""
    case.server = case.server or CountingServer()
    links = external_links(rng, case.server.port, case.url_marker)
    body = "".join(f"- [Link {i}](<{url}>)\n" for i, url in enumerate(links))
    write(os.path.join(case.proj, "content", "extern.md"), f"---\ntitle: Externe Links\nsummary: Viele Links.\n---\n{body}")
    # The base project's real addresses (www.fulda.de, example.org) lead to the counting server too: no request leaves the machine.
    local = f"http://127.0.0.1:{case.server.port}/{case.url_marker}/base"
    for rel in MD_FILES:
        path = os.path.join(case.proj, rel)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                text = f.read()
            write(path, re.sub(rb"https://(www\.[a-z]+\.de|example\.org/kontakt)", local.encode() + rb"/\1", text))
    base = ["check", "--external", "--timeout", str(CHECK_CURL_TIMEOUT), "--deadline", str(CHECK_DEADLINE)]
    case.check_runs.append((base, "no_requests"))
    if rng.random() < 0.8:
        case.check_runs.append((base + ["--allow-internal"], "bounded"))
    return f"external links: {len(links)} links, e.g. {links[0][:80]!r}, {len(case.check_runs)} check runs"
