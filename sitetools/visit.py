"""One visit of each page of a served site, and every per-page check read
from it: status, console errors, requests off 127.0.0.1, copy buttons, links
and anchors, axe-core in both palettes, and the page weight."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urlsplit

from sitetools import ROOT
from sitetools.chromium import WAIT_MS
from sitetools.server import html_ids, site_file
from sitetools.weight import PAGE_WEIGHT_BUDGET, page_weight

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Request

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass
class Visit:
    """What one visit of one page saw."""

    path: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)
    same_origin: list[str] = field(default_factory=list)  # URLs fetched
    code_blocks: int = 0
    copy_buttons: int = 0
    links: list[str] = field(default_factory=list)  # absolute hrefs
    ids: set[str] = field(default_factory=set)
    # palette ("light", "dark") -> axe-core's violations in it
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
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
    results => { window.__axeResult = {violations: results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ") + ": " +
        (n.failureSummary || "").split("\\n").slice(1).join(" ").trim()),
    }))}; },
    error => { window.__axeResult = {error: String(error)}; });
}"""
AXE_RESULT_JS = "() => window.__axeResult"

#: content-visibility: auto (extra.css) leaves off-screen blocks unrendered:
#: what a check or a screenshot must see whole gets this style first.
RENDER_ALL_CSS = "* { content-visibility: visible !important; }"

#: In the dark palette only colours change, so only the colour rules run.
DARK_RULES = ["color-contrast", "link-in-text-block"]


class _Tab:
    """One page being visited: a tab, and the Visit its listeners fill in."""

    def __init__(
        self, context: BrowserContext, base: str, path: str, wait_ms: int
    ) -> None:
        self.visit = Visit(path)
        self.url = base + path
        self.origin = urlsplit(base).netloc
        self.wait_ms = wait_ms
        self.palette = False
        self.page = page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.visit.console_errors.append(str(error)))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.visit.console_errors.append(f"{message.text} ({message.location})")

    def _request(self, request: Request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if urlsplit(url).netloc == self.origin:
            self.visit.same_origin.append(url)
        else:
            self.visit.offsite_requests.append(url)

    def start(self) -> None:
        response = self.page.goto(self.url, wait_until="commit", timeout=self.wait_ms)
        self.visit.status = response.status if response else None

    def read(self) -> None:
        """Wait for the page and Material, then read links, ids, buttons."""
        page, visit = self.page, self.visit
        page.wait_for_load_state("load", timeout=self.wait_ms)
        with contextlib.suppress(Exception):  # a missing button is what we count
            page.wait_for_function(COPY_BUTTONS_READY_JS, timeout=self.wait_ms)
        facts = page.evaluate(PAGE_FACTS_JS)
        visit.code_blocks = facts["codeBlocks"]
        visit.copy_buttons = facts["copyButtons"]
        visit.links = facts["links"]
        visit.ids = set(facts["ids"])
        self.palette = facts["palette"]  # Material's "follow the system" palette

    def axe_start(
        self, axe_js: str | None, options: dict[str, Any], disabled: tuple[str, ...]
    ) -> None:
        if axe_js is not None:
            # axe reports the colours of unrendered blocks as "incomplete"
            # instead of checking them: render everything first.
            self.page.add_style_tag(content=RENDER_ALL_CSS)
            self.page.evaluate(axe_js)
        self.page.evaluate(AXE_START_JS, [options, list(disabled)])

    def axe_result(self, scheme: str) -> None:
        self.page.wait_for_function(AXE_RESULT_JS, timeout=6 * self.wait_ms)
        result = self.page.evaluate(AXE_RESULT_JS)
        if "error" in result:
            raise RuntimeError(f"axe-core failed on {self.url}: {result['error']}")
        self.visit.axe[scheme] = result["violations"]

    def go_dark(self) -> None:
        self.page.emulate_media(color_scheme="dark")
        self.page.wait_for_function(
            "() => document.body.dataset.mdColorScheme === 'slate'",
            timeout=self.wait_ms,
        )

    def close(self, site: Path) -> Visit:
        self.page.close()
        self.visit.weight, self.visit.raw_weight = page_weight(
            site, self.visit.same_origin
        )
        return self.visit


class VisitCache:
    """Clean visits of unchanged pages, kept between runs (in .cache/).

    A visit is a pure function of the page's HTML, the site's stylesheets and
    scripts, axe-core, the browser and this module's code, so its key hashes
    all of them; a change to any one visits the page again. Only a visit that
    found nothing wrong is kept, and a fresh clone (CI) has no cache, so it
    visits every page. URLs are stored relative to the served address, whose
    port changes from run to run.
    """

    def __init__(
        self, folder: Path, site: Path, *settings: object, browser: str
    ) -> None:
        self.folder = folder
        self.site = site
        digest = hashlib.sha256(Path(__file__).read_bytes())
        for name in ("chromium.py", "server.py", "weight.py"):
            digest.update((Path(__file__).parent / name).read_bytes())
        digest.update(json.dumps([settings, browser], default=str).encode())
        for file in sorted(site.rglob("*")):
            if file.suffix in {".css", ".js"} and "search" not in file.parts:
                digest.update(str(file.relative_to(site)).encode())
                digest.update(file.read_bytes())
        self.site_digest = digest.hexdigest()

    def _file(self, path: str) -> Path:
        page = site_file(self.site, "/" + path)
        key = hashlib.sha256(self.site_digest.encode() + page.read_bytes())
        return self.folder / f"{key.hexdigest()}.json"

    def get(self, path: str, base: str) -> Visit | None:
        file = self._file(path)
        if not file.is_file():
            return None
        data = json.loads(file.read_text().replace("{BASE}", base))
        data["ids"] = set(data["ids"])
        return Visit(**data)

    def put(self, visit: Visit, base: str) -> None:
        clean = visit.status == 200 and not (
            visit.console_errors or visit.offsite_requests or any(visit.axe.values())
        )
        if not clean:
            return
        data = dataclasses.asdict(visit) | {"ids": sorted(visit.ids)}
        self.folder.mkdir(parents=True, exist_ok=True)
        self._file(visit.path).write_text(json.dumps(data).replace(base, "{BASE}"))


def visit_pages(
    context: BrowserContext,
    base: str,
    paths: list[str],
    site: Path,
    *,
    axe_js: str | None,
    axe_disabled: tuple[str, ...] = (),
    wait_ms: int = WAIT_MS,
    cache: Path | None = None,
) -> dict[str, Visit]:
    """Visit each page once, in a tab of its own, and gather every per-page
    fact from that one visit. (One page at a time: loading several at once
    measured slower here, 25 s against 15 s for the site's 13 pages.) With a
    `cache` folder, a page whose visit is in VisitCache is not visited again."""
    visits: dict[str, Visit] = {}
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    dark = {**options, "runOnly": DARK_RULES}
    kept = (
        VisitCache(
            cache,
            site,
            axe_js,
            axe_disabled,
            options,
            browser=context.browser.version if context.browser else "",
        )
        if cache is not None
        else None
    )
    for path in paths:
        if kept is not None and (seen := kept.get(path, base)) is not None:
            visits[path] = seen
            continue
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
        if kept is not None:
            kept.put(visits[path], base)
    return visits


def page_name(path: str) -> str:
    return f"/{path}"


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


def find_problems(
    visits: dict[str, Visit], base: str, site: Path
) -> dict[str, list[str]]:
    """Each per-page check, mapped to what it found wrong, page by page."""
    return {
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
            for p, visit in visits.items()
            for scheme, violations in visit.axe.items()
            for v in violations
        ],
        "weight": [
            f"{page_name(p)}: {v.weight / 1024:.1f} KB"
            for p, v in visits.items()
            if v.weight > PAGE_WEIGHT_BUDGET
        ],
    }


def weight_table(weights: dict[str, tuple[int, int]]) -> str:
    """Each page's weight, gzipped and raw, flagged when over the budget."""
    return "\n".join(
        f"{gzipped / 1024:8.1f} KB gzipped {raw / 1024:8.1f} KB raw  {page_name(p)}"
        + ("  OVER BUDGET" if gzipped > PAGE_WEIGHT_BUDGET else "")
        for p, (gzipped, raw) in weights.items()
    )
