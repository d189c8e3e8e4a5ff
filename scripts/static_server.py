"""Serve a built site on loopback the way GitHub Pages serves it: text compressed with gzip.

The browser tests and the benchmark's Lighthouse runs both use this server. Compression matters
for what they measure: Lighthouse's performance score and the bytes a browser receives depend on
it, and Python's own ``http.server`` sends everything uncompressed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What GitHub Pages compresses; images and fonts are already compressed.
COMPRESSED_TYPES = ("text/", "application/json", "application/xml", "image/svg+xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it and the type is text."""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests and the benchmark report what matters themselves."""

    def do_GET(self) -> None:
        """Send a text file compressed; leave everything else (errors, redirects, images) to ``http.server``."""
        file = self._file()
        content_type = self.guess_type(str(file)) if file else ""
        if file is None or "gzip" not in self.headers.get("Accept-Encoding", "") or not content_type.startswith(COMPRESSED_TYPES):
            super().do_GET()
            return
        body = gzip.compress(file.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def _file(self) -> Path | None:
        """The file a GET names, with a directory URL ending in / meaning its index.html."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        return path if path.is_file() else None


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that navigates away closes connections mid-response; that is normal."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port while the context is open; yields its base URL."""
    handler = functools.partial(CompressingHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
