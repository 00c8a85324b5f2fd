"""Build the site, serve it on 127.0.0.1 and drive Debian's Chromium with
Playwright. Shared by tests/test_browser.py and scripts/screenshots.py.

Playwright never downloads a browser here: every launch names the system
Chromium with `executable_path`. Playwright gives each launch a fresh,
temporary user-data directory (`--user-data-dir=/tmp/playwright_chromiumdev_
profile-*`) and removes it when the browser closes.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

#: Flags from the issue: without the networking ones Chromium reaches out to
#: Google's hosts on its own (component updates, sync, field trials, QUIC).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Upper limit, in bytes, on what a plain page's first visit fetches: every
#: same-origin file but images, gzipped as a static host that compresses
#: (GitHub Pages does) would send it.
PAGE_WEIGHT_BUDGET = 90 * 1024
#: Not counted in the page weight: images load lazily and do not block reading.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico"}

#: Seconds any single wait in the browser may take before it counts as failed.
WAIT_MS = 10_000


def chromium_path() -> str | None:
    """The Chromium to drive: $CHROMIUM, else Debian's /usr/bin/chromium."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def launch(playwright):  # -> playwright Browser
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )


def keep_local(context, base: str) -> None:
    """Abort, in this browser context, every request that is not to the
    server at base, so that nothing can leave 127.0.0.1."""
    host = urlsplit(base).netloc

    def only_local(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_local)


class BrowserThread:
    """Chromium, driven from a thread of its own.

    Playwright's sync API keeps an asyncio loop running in the thread that
    started it, so a test on the same pytest worker that calls asyncio.run()
    would fail. Here every browser call runs in one worker thread:
    `run(fn, *args)` calls fn(browser, *args) there and returns its result (or
    raises its exception, assertion failures included)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="playwright")
        self._state: dict = {}
        self._pool.submit(self._start).result(timeout=120)

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._state["driver"] = sync_playwright().start()
        self._state["browser"] = launch(self._state["driver"])

    def run(self, fn, *args, timeout: float = 120, **kwargs):
        job = self._pool.submit(lambda: fn(self._state["browser"], *args, **kwargs))
        return job.result(timeout=timeout)

    def close(self) -> None:
        def stop() -> None:
            self._state["browser"].close()
            self._state["driver"].stop()

        try:
            self._pool.submit(stop).result(timeout=60)
        finally:
            self._pool.shutdown(wait=False)


# --- build and serve -------------------------------------------------------


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml") -> Path:
    """`mkdocs build` into dest (strictness is tests/test_docs.py's job)."""
    command = ["build", "-q", "-f", str(config), "-d", str(dest)]
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", *command],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stderr}")
    return dest


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
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

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")


def html_ids(file: Path) -> set[str]:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8", errors="replace"))
    return parser.ids


# --- one visit of one page: everything the per-page tests check ------------


@dataclass
class Visit:
    path: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)
    same_origin: list[str] = field(default_factory=list)  # URLs fetched
    code_blocks: int = 0
    copy_buttons: int = 0
    links: list[str] = field(default_factory=list)  # absolute hrefs
    ids: set[str] = field(default_factory=set)
    axe: dict[str, list[dict]] = field(default_factory=dict)  # scheme -> found
    weight: int = 0  # bytes, same-origin files but images, gzipped
    raw_weight: int = 0  # the same files, uncompressed


#: Material puts each code block's copy button in a <nav> before its <code>.
COPY_BUTTON = "pre > nav > button.md-code__button[data-md-type=copy]"

#: What each kind of check reads in the page.
PAGE_FACTS_JS = """() => ({
  codeBlocks: document.querySelectorAll("pre > code").length,
  copyButtons: document.querySelectorAll("%s").length,
  links: Array.from(document.querySelectorAll("a[href]"), a => a.href),
  ids: Array.from(document.querySelectorAll("[id], a[name]"),
                  e => e.id || e.getAttribute("name")),
  palette: !!document.querySelector("[data-md-component=palette]"),
})""".replace("%s", COPY_BUTTON)

#: Material adds the copy buttons when it mounts the page (at
#: DOMContentLoaded); wait for that rather than sleep.
COPY_BUTTONS_READY_JS = f"""() => document.querySelectorAll("pre > code").length <=
  document.querySelectorAll("{COPY_BUTTON}").length"""

#: Starts axe-core; AXE_RESULT_JS waits for its outcome (a page function that
#: returned axe's promise would be bound by Playwright's evaluate timeout).
AXE_START_JS = """([options, disabled]) => {
  for (const id of disabled) options.rules = {...options.rules, [id]: {enabled: false}};
  window.__axeResult = null;
  axe.run(document, options).then(
    found => { window.__axeResult = {violations: found.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ") + ": " +
        (n.failureSummary || "").split("\\n").slice(1).join(" ").trim()),
    }))}; },
    error => { window.__axeResult = {error: String(error)}; });
}"""
AXE_RESULT_JS = "() => window.__axeResult"

RENDER_ALL_CSS = "* { content-visibility: visible !important; }"

#: In the dark palette only colours change, so only the colour rules run.
DARK_RULES = ["color-contrast", "link-in-text-block"]


class _Tab:
    """One page being visited: a tab, and what its listeners have seen."""

    def __init__(self, context, base: str, path: str, wait_ms: int) -> None:
        self.found = Visit(path)
        self.url = base + path
        self.origin = urlsplit(base).netloc
        self.wait_ms = wait_ms
        self.palette = False
        self.page = page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.console_errors.append(str(error)))
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.found.console_errors.append(f"{message.text} ({message.location})")

    def _request(self, request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if urlsplit(url).netloc == self.origin:
            self.found.same_origin.append(url)
        else:
            self.found.offsite_requests.append(url)

    def start(self) -> None:
        response = self.page.goto(self.url, wait_until="commit", timeout=self.wait_ms)
        self.found.status = response.status if response else None

    def read(self) -> None:
        """Wait for the page and Material, then read links, ids, buttons."""
        page, found = self.page, self.found
        page.wait_for_load_state("load", timeout=self.wait_ms)
        with contextlib.suppress(Exception):  # a missing button is what we count
            page.wait_for_function(COPY_BUTTONS_READY_JS, timeout=self.wait_ms)
        facts = page.evaluate(PAGE_FACTS_JS)
        found.code_blocks = facts["codeBlocks"]
        found.copy_buttons = facts["copyButtons"]
        found.links = facts["links"]
        found.ids = set(facts["ids"])
        self.palette = facts["palette"]  # Material's "follow the system" palette

    def axe_start(self, axe_js: str | None, options: dict, disabled) -> None:
        if axe_js is not None:
            # content-visibility: auto (extra.css) leaves off-screen blocks
            # unrendered, and axe reports their colours as "incomplete"
            # instead of checking them: render everything first.
            self.page.add_style_tag(content=RENDER_ALL_CSS)
            self.page.evaluate(axe_js)
        self.page.evaluate(AXE_START_JS, [options, list(disabled)])

    def axe_result(self, scheme: str) -> None:
        self.page.wait_for_function(AXE_RESULT_JS, timeout=6 * self.wait_ms)
        result = self.page.evaluate(AXE_RESULT_JS)
        if "error" in result:
            raise RuntimeError(f"axe-core failed on {self.url}: {result['error']}")
        self.found.axe[scheme] = result["violations"]

    def go_dark(self) -> None:
        self.page.emulate_media(color_scheme="dark")
        self.page.wait_for_function(
            "() => document.body.dataset.mdColorScheme === 'slate'",
            timeout=self.wait_ms,
        )

    def close(self, site: Path) -> Visit:
        self.page.close()
        self.found.weight, self.found.raw_weight = page_weight(
            site, self.found.same_origin
        )
        return self.found


def page_weight(site: Path, urls: list[str]) -> tuple[int, int]:
    """Bytes of the same-origin files but images among `urls` (each counted
    once): gzipped (level 6, as web servers do) and uncompressed."""
    files = {site_file(site, urlsplit(url).path) for url in urls}
    counted = [
        f.read_bytes()
        for f in files
        if f.is_file() and f.suffix.lower() not in IMAGE_SUFFIXES
    ]
    return sum(len(gzip.compress(b, 6)) for b in counted), sum(map(len, counted))


def visit_pages(
    context,
    base: str,
    paths: list[str],
    site: Path,
    *,
    axe_js: str | None,
    axe_disabled: tuple[str, ...] = (),
    wait_ms: int = WAIT_MS,
) -> dict[str, Visit]:
    """Visit each page once, in a tab of its own, and gather every per-page
    fact from that one visit. (One page at a time: loading several at once
    measured slower here, 25 s against 15 s for the site's 13 pages.)"""
    visits: dict[str, Visit] = {}
    options = {"resultTypes": ["violations"]}
    dark = {**options, "runOnly": DARK_RULES}
    for path in paths:
        tab = _Tab(context, base, path, wait_ms)
        try:
            tab.start()
            tab.read()
            if axe_js is not None:
                tab.axe_start(axe_js, options, axe_disabled)
                tab.axe_result("light")
                if tab.palette:
                    tab.go_dark()
                    tab.axe_start(None, dark, axe_disabled)
                    tab.axe_result("dark")
        finally:
            visits[path] = tab.close(site)
    return visits


def broken_links(visits: dict[str, Visit], base: str, site: Path) -> list[str]:
    """Same-origin links whose page or #anchor does not exist."""
    origin = urlsplit(base).netloc
    by_url = {base + v.path: v for v in visits.values()}
    ids_cache: dict[Path, set[str]] = {}
    problems = []
    for source in visits.values():
        for href in dict.fromkeys(source.links):
            target, fragment = urldefrag(href)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue  # external links are not followed
            file = site_file(site, parts.path)
            if not file.is_file():
                problems.append(f"{page_name(source.path)}: {href} -> no such page")
                continue
            if not fragment:
                continue
            visited = by_url.get(f"{parts.scheme}://{parts.netloc}{parts.path}")
            if visited is not None:
                ids = visited.ids
            else:
                ids = ids_cache.setdefault(file, html_ids(file))
            if unquote(fragment) not in ids:
                problems.append(f"{page_name(source.path)}: {href} -> no such anchor")
    return problems


def page_name(path: str) -> str:
    return f"/{path}"


def problems(visits: dict[str, Visit], base: str, site: Path) -> dict[str, list[str]]:
    """Each per-page check, and what it found wrong, page by page."""
    found: dict[str, list[str]] = {
        "status": [
            f"{page_name(p)}: status {v.status}"
            for p, v in visits.items()
            if v.status != 200
        ],
        "console": [
            f"{page_name(p)}: {error}"
            for p, v in visits.items()
            for error in v.console_errors
        ],
        "offsite": [
            f"{page_name(p)}: {url}"
            for p, v in visits.items()
            for url in v.offsite_requests
        ],
        "copy": [
            f"{page_name(p)}: {v.copy_buttons} copy buttons for {v.code_blocks} "
            "code blocks"
            for p, v in visits.items()
            if v.copy_buttons < v.code_blocks
        ],
        "links": broken_links(visits, base, site),
        "axe": [
            f"{page_name(p)} [{scheme}] {v['id']} ({v['impact']}): {v['help']}"
            + "".join(f"\n    {node}" for node in v["nodes"][:5])
            for p, visit_ in visits.items()
            for scheme, violations in visit_.axe.items()
            for v in violations
        ],
        "weight": [
            f"{page_name(p)}: {v.weight / 1024:.1f} KB"
            for p, v in visits.items()
            if v.weight > PAGE_WEIGHT_BUDGET
        ],
    }
    return found


def weight_table(visits: dict[str, Visit]) -> str:
    return "\n".join(
        f"{v.weight / 1024:8.1f} KB gzipped {v.raw_weight / 1024:8.1f} KB raw  "
        f"{page_name(p)}"
        for p, v in visits.items()
    )
