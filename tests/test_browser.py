"""The built site in a real browser: Debian's Chromium, driven by Playwright.

The site the run built once (conftest.py's `site`) is served on 127.0.0.1,
and every page in sitemap.xml is visited once; all per-page checks read that
one visit. Then the site-wide checks: search (loaded only when it is opened),
the copy button, the palette toggle. The tools live in sitetools/.

Without Chromium these tests are skipped, with a reason that says how to run
them. With REQUIRE_BROWSER=1 (set by .ci/run) a missing browser, Playwright or
axe-core is a failure.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitetools import ROOT
from sitetools.chromium import ChromiumThread, chromium_path, new_context
from sitetools.server import serve, site_file, sitemap_paths
from sitetools.visit import (
    AXE_JS,
    Visit,
    VisitCache,
    find_problems,
    visit_pages,
    weight_table,
)
from sitetools.weight import PAGE_WEIGHT_BUDGET

REQUIRED = os.environ.get("REQUIRE_BROWSER", "") not in ("", "0")
HOW_TO_ENABLE = (
    "install Debian's Chromium (apt-get install chromium), "
    "`pip install -r requirements.txt` (Playwright) and `npm ci` (axe-core); "
    "REQUIRE_BROWSER=1 makes a missing browser a failure, as in CI"
)

#: axe-core rules switched off, each with the reason. Empty: every rule runs.
AXE_DISABLED_RULES: dict[str, str] = {}

#: Material's search index and search worker: loaded only once a reader opens
#: search (overrides/partials/lazy-search.html).
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[^/]*\.js$")
#: Clean visits of unchanged pages, kept between runs (sitetools.visit's
#: VisitCache): a warm run visits only the pages that changed. A fresh clone,
#: as in CI, visits every page. Delete the folder to visit all pages again.
VISIT_CACHE = ROOT / ".cache" / "browser-visits"


def unavailable(what: str) -> None:
    message = f"browser tests need {what}: {HOW_TO_ENABLE}"
    if REQUIRED:
        pytest.fail(f"REQUIRE_BROWSER is set, but {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, one for the session (sitetools.chromium.ChromiumThread)."""
    if chromium_path() is None:
        unavailable("Chromium (/usr/bin/chromium or $CHROMIUM)")
    try:
        import playwright.sync_api  # noqa: F401 - only: is it installed?
    except ImportError:
        unavailable("Playwright for Python")
    thread = ChromiumThread()
    yield thread
    thread.close()


@pytest.fixture(scope="session")
def browser_site(request):
    """The site the run built (conftest.py's `site`); BROWSER_SITE=<folder>
    tests a site built before instead."""
    if os.environ.get("BROWSER_SITE"):
        return Path(os.environ["BROWSER_SITE"]).resolve()
    return request.getfixturevalue("site")


@pytest.fixture(scope="session")
def base(browser_site):
    with serve(browser_site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_js():
    if not AXE_JS.is_file():
        unavailable(f"axe-core ({AXE_JS.relative_to(ROOT)})")
    return AXE_JS.read_text(encoding="utf-8")


def visit_all(browser, base, site, paths, axe_js, **options) -> dict[str, Visit]:
    context = new_context(browser, base)
    try:
        return visit_pages(
            context,
            base,
            paths,
            site,
            axe_js=axe_js,
            axe_disabled=tuple(AXE_DISABLED_RULES),
            **options,
        )
    finally:
        context.close()


@pytest.fixture(scope="session")
def visits(chromium, base, browser_site):
    axe_js = AXE_JS.read_text(encoding="utf-8") if AXE_JS.is_file() else None
    paths = sitemap_paths(browser_site)
    return chromium.run(visit_all, base, browser_site, paths, axe_js, cache=VISIT_CACHE)


@pytest.fixture(scope="session")
def site_problems(visits, base, browser_site):
    """Each per-page check, mapped to what it found wrong on the site."""
    return find_problems(visits, base, browser_site)


# --- the site: one test, one worker, one browser -------------------------------
#
# pytest-xdist spreads tests over workers, and a second worker would launch
# Chromium and visit every page again. So the site is checked by one test,
# each check a subtest of its own, reported (and failing) on its own.


@pytest.mark.timeout(240)  # building and visiting every page, on a busy machine
def test_site_in_chromium(
    subtests, chromium, base, browser_site, visits, site_problems
):
    with subtests.test(msg="sitemap.xml lists the home page and every Markdown page"):
        assert "" in visits, "the home page is not in sitemap.xml"
        assert len(visits) >= len(list((ROOT / "docs").rglob("*.md")))

    with subtests.test(msg="every page loads with status 200"):
        assert not site_problems["status"], site_problems["status"]

    with subtests.test(msg="no page logs a console error"):
        assert not site_problems["console"], "\n".join(site_problems["console"])

    with subtests.test(msg="no request leaves 127.0.0.1"):
        assert not site_problems["offsite"], "requests off 127.0.0.1 (blocked):\n" + (
            "\n".join(site_problems["offsite"])
        )

    with subtests.test(msg="every code block has a copy button"):
        assert any(v.code_blocks for v in visits.values()), "no page has code"
        assert not site_problems["copy"], "\n".join(site_problems["copy"])

    with subtests.test(msg="every internal link and anchor resolves"):
        assert not site_problems["links"], "broken links:\n" + "\n".join(
            site_problems["links"]
        )

    with subtests.test(msg="axe-core: zero violations on every page"):
        if not AXE_JS.is_file():
            unavailable(f"axe-core ({AXE_JS.relative_to(ROOT)})")
        # Every rule and impact in the palette the system asks for (light);
        # the colour rules again in the dark palette.
        assert all("light" in v.axe and "dark" in v.axe for v in visits.values())
        assert not site_problems["axe"], "axe-core violations:\n" + "\n".join(
            site_problems["axe"]
        )

    with subtests.test(
        msg=f"page weight <= {PAGE_WEIGHT_BUDGET // 1024} KB gzipped, images aside"
    ):
        table = weight_table({p: (v.weight, v.raw_weight) for p, v in visits.items()})
        print(f"Page weight (same-origin files but images):\n{table}")
        assert not site_problems["weight"], (
            f"pages over {PAGE_WEIGHT_BUDGET / 1024:.0f} KB gzipped:\n{table}"
        )

    with subtests.test(msg="a page load fetches neither the search index nor worker"):
        fetched = [
            f"/{p}: {url}"
            for p, v in visits.items()
            for url in v.same_origin
            if SEARCH_FILES.search(urlsplit(url).path)
        ]
        assert not fetched, "search loaded before it was opened:\n" + "\n".join(fetched)

    with subtests.test(
        msg="search, once opened, finds Semaphore and opens its section"
    ):
        chromium.run(search_semaphore, base)

    with subtests.test(msg="a snippet's copy button copies exactly the snippet"):
        chromium.run(copy_a_snippet, base, browser_site)

    with subtests.test(
        msg="the palette toggle switches to dark, and a reload keeps it"
    ):
        chromium.run(toggle_the_palette, base)


# --- the checks themselves can fail ---------------------------------------------

BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<script src="heavy.js"></script></head>
<body><main><h1 id="top">Broken on purpose</h1>
<img src="http://offsite.invalid/pixel.png">
<script>console.error("a deliberate console error")</script>
<pre><code>print("a code block without a copy button")</code></pre>
<p><a href="good/">a good page</a>, <a href="good/#here">a good anchor</a>,
<a href="#top">this page's top</a>, <a href="missing/">a missing page</a>,
<a href="good/#nowhere">a missing anchor</a>.</p>
</main></body></html>
"""
GOOD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body><main><h1 id="here">A good page</h1><p>Nothing wrong here.</p></main></body>
</html>
"""


def test_checks_catch_a_broken_page(chromium, tmp_path, axe_js):
    """A tiny hand-written site: one page with one fault of each kind, one
    clean page, and a sitemap entry for a page that does not exist."""
    site = tmp_path / "broken"
    (site / "good").mkdir(parents=True)
    (site / "index.html").write_text(BROKEN_PAGE)
    # Random text: gzip cannot shrink it below the budget.
    noise = base64.b64encode(os.urandom(2 * PAGE_WEIGHT_BUDGET)).decode()
    (site / "heavy.js").write_text(f"//{noise}\n")
    (site / "good" / "index.html").write_text(GOOD_PAGE)
    locs = "".join(
        f"<url><loc>https://example.test/site/{p}</loc></url>"
        for p in ("", "good/", "gone/")
    )
    (site / "sitemap.xml").write_text(f"<urlset>{locs}</urlset>")
    with serve(site) as url:
        paths = sitemap_paths(site)
        # No Material here, so the wait for copy buttons runs out on the
        # broken page: a short wait keeps the test fast.
        visits = chromium.run(visit_all, url, site, paths, axe_js, wait_ms=2000)
        problems = find_problems(visits, url, site)

    def says(check: str, *words: str) -> bool:
        return any(all(w in line for w in words) for line in problems[check])

    assert problems["status"] == ["/gone/: status 404"]
    assert says("console", "/:", "a deliberate console error")
    assert problems["offsite"] == ["/: http://offsite.invalid/pixel.png"]
    assert problems["copy"] == ["/: 0 copy buttons for 1 code blocks"]
    assert sorted(problems["links"]) == [
        f"/: {url}good/#nowhere -> no such anchor",
        f"/: {url}missing/ -> no such page",
    ]
    assert says("axe", "/ [light] image-alt")
    assert not says("axe", "/good/")
    assert [line.split(":")[0] for line in problems["weight"]] == ["/"]
    assert not any(
        line.startswith("/good/") for lines in problems.values() for line in lines
    )


# --- site-wide checks (run in the browser thread) ---------------------------


def search_semaphore(browser, base):
    """Open search, search, follow a result. Search is loaded on demand: the
    index and the worker are fetched only once the search box is opened."""
    context = new_context(browser, base)
    page = context.new_page()
    search_files: list[str] = []

    def note(request):
        if SEARCH_FILES.search(urlsplit(request.url).path):
            search_files.append(request.url)

    page.on("request", note)
    try:
        page.goto(base, wait_until="load")
        page.wait_for_function("() => document.querySelector('.md-search__input')")
        assert search_files == [], f"fetched before search was opened: {search_files}"
        page.locator(".md-search__input").click()  # loads the index on demand
        page.locator(".md-search__input").press_sequentially("Semaphore")
        result = page.locator(
            ".md-search-result__item a[href*='synchronization/'][href*='#']",
            has_text="Semaphore",
        ).first
        result.wait_for(state="attached")
        href = result.get_attribute("href")
        fragment = urlsplit(href).fragment
        if not result.is_visible():  # a section under "N more on this page"
            page.locator(f"details:has(a[href='{href}']) > summary").click()
        result.click()
        page.wait_for_url(f"**/synchronization/**#{fragment}")
        section = page.locator(f"[id='{fragment}']")
        assert "semaphore" in section.inner_text().lower(), section.inner_text()
        box = section.bounding_box()
        viewport = page.viewport_size
        assert box is not None
        assert 0 <= box["y"] < viewport["height"] / 2, "section not scrolled to"
        fetched = {SEARCH_FILES.search(urlsplit(u).path).group(0) for u in search_files}
        assert len(fetched) == 2, f"opening search fetched only {search_files}"
    finally:
        context.close()


def whole_snippet_block(site) -> tuple[str, str]:
    """The first page, in sitemap order, with a block titled with a snippet
    file's path (a whole file, not an excerpt), and that title."""
    for path in sitemap_paths(site):
        html = site_file(site, path).read_text(encoding="utf-8")
        for title in re.findall(r'<span class="filename">([^<]+)</span>', html):
            if title.startswith("snippets/") and (ROOT / title).is_file():
                return path, title
    pytest.fail("no page shows a whole snippet file in a titled code block")


def copy_a_snippet(browser, base, site):
    from docs_blocks import strip_markers  # needs Markdown, unlike the rest

    path, title = whole_snippet_block(site)
    expected = strip_markers((ROOT / title).read_text(encoding="utf-8"))
    context = new_context(browser, base)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    try:
        page.goto(base + path)
        page.evaluate("() => navigator.clipboard.writeText('(nothing copied)')")
        block = page.locator(".highlight").filter(
            has=page.locator(".filename", has_text=title)
        )
        block.first.locator("button.md-code__button[data-md-type=copy]").click()
        # Material confirms a copy with a dialog: "Copied to clipboard".
        page.locator(".md-dialog.md-dialog--active").wait_for()
        copied = page.evaluate("() => navigator.clipboard.readText()")
    finally:
        context.close()
    # The page shows the file without its final newline; the button copies
    # what the page shows.
    assert copied == expected.removesuffix("\n"), (
        f"the copy button of {title} on /{path} copied:\n{copied}"
    )


def toggle_the_palette(browser, base):
    context = new_context(browser, base, color_scheme="light")
    page = context.new_page()
    # The scheme, the page's background, and the toggle shown: Material shows
    # the one label that leads on from the palette in use.
    state_js = """() => [document.body.dataset.mdColorScheme,
                         getComputedStyle(document.body).backgroundColor,
                         document.querySelector(
                           "[data-md-component=palette] label:not([hidden])"
                         )?.htmlFor ?? null]"""
    changed_js = f"(old) => ({state_js})()[2] !== old"
    try:
        page.goto(base)
        page.wait_for_function(changed_js, arg=None)  # Material shows a toggle
        scheme, background, _ = page.evaluate(state_js)
        assert scheme == "default", "a fresh visit with a light system is not light"
        toggle = page.locator("[data-md-component=palette] label:not([hidden])")
        options = page.locator("[data-md-component=palette] input").count()
        for _ in range(options):  # auto -> light -> dark, one click each
            shown = page.evaluate(state_js)[2]
            toggle.click()
            page.wait_for_function(changed_js, arg=shown)
            if page.evaluate(state_js)[0] == "slate":
                break
        dark = page.evaluate(state_js)
        assert dark[0] == "slate", "the toggle never switched to the dark palette"
        assert dark[1] != background, "the dark palette did not change the background"
        page.reload()
        page.wait_for_function(changed_js, arg=None)
        assert page.evaluate(state_js) == dark, "the palette did not survive a reload"
    finally:
        context.close()


def test_visit_cache_reuses_only_clean_visits_of_unchanged_pages(tmp_path):
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text("<p>one</p>")
    (site / "style.css").write_text("p {}")
    base = "http://127.0.0.1:1234/"

    def cache() -> VisitCache:
        return VisitCache(tmp_path / "cache", site, "axe", browser="156")

    clean = Visit("page/", status=200, links=[base + "page/#x"], ids={"x"})
    cache().put(clean, base)
    assert cache().get("page/", "http://127.0.0.1:999/") == Visit(
        "page/", status=200, links=["http://127.0.0.1:999/page/#x"], ids={"x"}
    )
    (site / "style.css").write_text("p { color: red }")  # any asset changed
    assert cache().get("page/", base) is None
    cache().put(clean, base)
    (site / "page" / "index.html").write_text("<p>two</p>")  # the page changed
    assert cache().get("page/", base) is None
    cache().put(Visit("page/", status=200, console_errors=["boom"]), base)
    assert cache().get("page/", base) is None  # only clean visits are kept
