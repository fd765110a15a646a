"""A static file server for tests and benchmarks: Python's, plus single byte ranges (HTTP 206).

The search client fetches later passage blocks with `Range: bytes=a-b`, as every common static
host (nginx, Apache, GitHub Pages, S3) answers them; Python's own server ignores the header.
`served_folder` serves a folder with that handler and the strict CSP of a deployed site.
"""
import functools
import http.server
import os
import re
import socket
import threading

CSP = "default-src 'self'"
_RANGE = re.compile(r"bytes=(\d+)-(\d*)$")


class RangeRequestHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler that answers one `bytes=a-b` range with 206 Partial Content."""

    def send_head(self):
        match = _RANGE.match(self.headers.get("Range", "").strip())
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        start = int(match.group(1))
        end = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        if start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        source = open(path, "rb")
        source.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return _Limited(source, end - start + 1)


class _Limited:
    """A file object that reads at most `remaining` bytes (what copyfile sends)."""

    def __init__(self, source, remaining):
        self.source, self.remaining = source, remaining

    def read(self, size=-1):
        size = self.remaining if size is None or size < 0 else min(size, self.remaining)
        data = self.source.read(size)
        self.remaining -= len(data)
        return data

    def close(self):
        self.source.close()


class LoopbackServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def server_bind(self):
        # Without TCP_NODELAY every response waits ~40 ms for the delayed ACK.
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().server_bind()


class CSPHandler(RangeRequestHandler):
    """Answers like a deployed site: the strict CSP on every response, nothing cached, no log lines."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


class served_folder:
    """Serves a folder on 127.0.0.1 with a strict CSP, as a context manager that stops the server."""

    def __init__(self, folder):
        handler = functools.partial(CSPHandler, directory=str(folder))
        self.server = LoopbackServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
