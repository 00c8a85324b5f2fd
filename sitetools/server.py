"""Serve a built site on 127.0.0.1, and find its pages and files."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
        # else: the browser closed a tab while a file was on its way


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a directory on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def sitemap_paths(site: Path) -> list[str]:
    """Every page in sitemap.xml, as a path relative to the site root."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>\s*(.*?)\s*</loc>", text)
    if not locs:
        raise AssertionError(f"{site / 'sitemap.xml'} lists no pages")
    home = min(locs, key=len)  # site_url itself: the home page
    stray = [loc for loc in locs if not loc.startswith(home)]
    if stray:
        raise AssertionError(f"sitemap pages outside {home}: {stray}")
    return [loc[len(home) :] for loc in locs]


def site_file(site: Path, url_path: str) -> Path:
    """The file the server sends for a URL path ('' or a folder: index.html)."""
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")


def html_ids(file: Path) -> set[str]:
    """Every id (and <a name>) in an HTML file: the anchors a link may name."""
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8", errors="replace"))
    return parser.ids
