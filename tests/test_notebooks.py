"""The notebook pages: executed on every build with errors not allowed, light
(page weight), private (nothing loaded from another host), and the timeline
images the content pages show. See hooks/notebook_cache.py,
hooks/notebook_html.py and hooks/timelines.py. They read the site the
run built once (conftest.py's `site`)."""

import base64
import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from sitetools import ROOT
from sitetools.build import build_site
from sitetools.weight import IMAGE_SUFFIXES, PAGE_WEIGHT_BUDGET, page_weight
from snippet_runner import run_snippet

pytest.importorskip("mkdocs_jupyter", reason="notebook pages: needs requirements.txt")
pytest.importorskip("matplotlib", reason="notebook pages: needs requirements.txt")
from hooks import notebook_html, timelines  # they import MkDocs

NOTEBOOK_PAGES = ["notebooks/measure/index.html", "notebooks/timelines/index.html"]
IMAGE_BUDGET = 60 * 1024  # bytes per chart image


# --- what a notebook page loads ------------------------------------------------

LOADS = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*?\bsrc=[\"']([^\"']+)"
    r"|<link\b[^>]*?\bhref=[\"']([^\"']+)[^>]*>"
    r"|\bimport\b[^;'\"]*?\bfrom\s*[\"'](https?:[^\"']+)"
    r"|\bimport\s*\(\s*[\"'](https?:[^\"']+)"
    r"|url\(\s*[\"']?(https?:[^)\"']+)"
    r"|@import\s+[\"'](https?:[^\"']+)",
    re.I,
)
NOT_LOADED = re.compile(r'rel="(?:canonical|prev|next|alternate)"', re.I)


def loaded_urls(html: str) -> list[str]:
    """Every URL the page makes the browser fetch, as written in the page."""
    urls = []
    for m in LOADS.finditer(html):
        if m.group(2) is not None and NOT_LOADED.search(m.group(0)):
            continue  # a <link> that only names a URL
        urls.append(next(g for g in m.groups() if g))
    return urls


def same_origin_files(site: Path, page: str) -> list[str]:
    """The page and the same-origin files but images that its HTML makes a
    browser fetch (its stylesheets and scripts), as paths from the site root.
    Search is not among them: it loads when the search box is first opened
    (overrides/partials/lazy-search.html)."""
    html = (site / page).read_text(encoding="utf-8")
    base = "http://127.0.0.1/" + page
    files = [page]
    for ref in loaded_urls(html):
        url = urlsplit(urljoin(base, ref))
        path = url.path.lstrip("/")
        if url.hostname != "127.0.0.1" or Path(path).suffix in IMAGE_SUFFIXES:
            continue
        if (site / path).is_dir():
            path += "index.html"
        assert (site / path).is_file(), f"{page} loads {ref}, which is not there"
        files.append(path)
    return files


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_notebook_page_loads_nothing_from_another_host(site, page):
    html = (site / page).read_text(encoding="utf-8")
    foreign = [
        u for u in loaded_urls(html) if urlsplit(u).hostname not in (None, "127.0.0.1")
    ]
    assert not foreign, f"{page} loads from other hosts: {foreign}"
    for name in ("cdnjs", "mermaid", "mathjax", "require.js"):
        assert name not in html.lower(), f"{page} still mentions {name}"


def test_foreign_load_check_can_fail():
    html = (
        '<script type="module">import mermaid from '
        '"https://cdnjs.cloudflare.com/mermaid.esm.min.mjs";</script>'
        '<link rel="canonical" href="https://example.com/">'
        '<img src="https://example.com/x.png"><link rel="stylesheet" href="a.css">'
    )
    assert loaded_urls(html) == [
        "https://cdnjs.cloudflare.com/mermaid.esm.min.mjs",
        "https://example.com/x.png",
        "a.css",
    ]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_notebook_page_weight_is_within_budget(site, page):
    """The page weight and budget of every page (sitetools.weight), read from
    the HTML: here without a browser, where the browser test reads what
    Chromium fetched. A notebook page is the one most at risk: nbconvert
    inlines ~600 KB of CSS that the hook must strip."""
    files = same_origin_files(site, page)
    assert len(files) >= 4, f"too few files found; the parser is broken:\n{files}"
    gzipped, raw = page_weight(site, files)
    print(f"{page}: {gzipped / 1024:.1f} KB gzipped, {raw / 1024:.1f} KB raw")
    assert gzipped <= PAGE_WEIGHT_BUDGET, (
        f"{page}: {gzipped / 1024:.1f} KB gzipped, over the "
        f"{PAGE_WEIGHT_BUDGET // 1024} KB budget; it loads {files}"
    )


def test_every_chart_image_is_within_budget(site):
    images = sorted(site.glob("images/timelines/*.png")) + sorted(
        site.glob("notebooks/*/figures/*.png")
    )
    assert len(images) >= 2 * 3, "expected the timeline images and the notebooks'"
    for image in images:
        print(f"{image.stat().st_size / 1024:6.1f} KB  {image.relative_to(site)}")
    big = [i for i in images if i.stat().st_size > IMAGE_BUDGET]
    assert not big, f"images over {IMAGE_BUDGET // 1024} KB: {big}"


def test_notebook_pages_show_their_output_and_images(site):
    measure = (site / NOTEBOOK_PAGES[0]).read_text(encoding="utf-8")
    assert "GIL enabled" in measure
    assert "data:image" not in measure, "inline images should have moved to files"
    timelines = (site / NOTEBOOK_PAGES[1]).read_text(encoding="utf-8")
    for theme in ("light", "dark"):
        srcs = re.findall(rf'src="(figures/[0-9a-f]+\.png)#only-{theme}"', timelines)
        assert srcs, f"no #only-{theme} image on the timelines page"
        for src in srcs:
            assert (site / "notebooks/timelines" / src).is_file()
    assert 'class="language-python highlight"><pre><code>' in timelines


def test_content_pages_link_existing_timelines(site):
    """Every timeline image a content page shows was built."""
    for page in site.glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for src in re.findall(r'src="([^"]*images/timelines/[^"#]+)', html):
            assert (page.parent / src).resolve().is_file(), f"{page}: {src} missing"


# --- execution: a failing cell fails the build -----------------------------------


def jupyter_settings() -> dict:
    """The site's mkdocs-jupyter settings, as MkDocs reads them."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return dict(config.plugins["mkdocs-jupyter"].config)


def test_site_executes_notebooks_and_allows_no_errors():
    settings = jupyter_settings()
    assert settings["execute"] is True
    assert settings["allow_errors"] is False
    assert settings["include"] == ["notebooks/*.py"]


def test_measure_notebook_runs_with_plain_python():
    """The page says: open it in Jupyter, or run it with `python`. Run as a
    script, the notebook is the main module, which a process pool's workers
    import again; it has no `__main__` guard, so it must start no pool itself
    (it used to, and died with BrokenProcessPool). The snippet runner runs it,
    with its sleeps scaled as every snippet's are: only the table's shape is
    checked here, not the figures."""
    proc = run_snippet(ROOT / "docs" / "notebooks" / "measure.py", timeout=120)
    assert "BrokenProcessPool" not in proc.stderr
    table = re.search(r"workers +I/O threads +CPU threads +CPU processes", proc.stdout)
    assert table, proc.stdout
    rows = re.findall(r"^ +(\d+)(?: +\d+\.\d+){3}$", proc.stdout, re.MULTILINE)
    assert rows == ["1", "2", "4", "8", "16"], proc.stdout


def make_project(tmp_path: Path, cell: str) -> Path:
    """A one-notebook site with the site's notebook settings and hook."""
    settings = jupyter_settings()
    keep = ("include", "ignore", "execute", "allow_errors", "no_prompt")
    plugin = {k: settings[k] for k in keep}
    (tmp_path / "docs" / "notebooks").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "notebooks" / "check.py").write_text(
        f"# %% [markdown]\n# # Check\n\n# %%\n{cell}\n"
    )
    (tmp_path / "docs" / "helper.py").write_text("raise SystemExit('not a page')\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        json.dumps(
            {
                "site_name": "check",
                "docs_dir": str(tmp_path / "docs"),
                "plugins": [{"mkdocs-jupyter": plugin}],
                "hooks": [
                    str(ROOT / "hooks" / hook)
                    for hook in (
                        "notebook_cache.py",
                        "notebook_html.py",
                        "timelines.py",
                    )
                ],
            }
        )
    )
    return config


@pytest.mark.parametrize(
    ("cell", "fails"),
    [("print('fine')", False), ("raise ValueError('broken cell')", True)],
    ids=["good cell", "failing cell"],
)
def test_a_failing_cell_fails_the_build(tmp_path, cell, fails):
    build = build_site(tmp_path / "site", make_project(tmp_path, cell), check=False)
    if fails:
        assert not build.passed, "the build passed despite a failing cell"
        assert "ValueError" in build.log
        assert "broken cell" in build.log
    else:
        assert build.passed, build.log
        page = (tmp_path / "site" / "notebooks" / "check" / "index.html").read_text()
        assert "fine" in page
        # only notebooks/*.py is a notebook: helper.py is copied, not a page
        assert not (tmp_path / "site" / "helper" / "index.html").exists()


# --- the hook's clean-up, on a sample of nbconvert's output -------------------


def test_hook_strips_css_and_scripts_and_keeps_the_cells():
    stock = (
        "<style type='text/css'>" + ".jp-Cell{}" * 60_000 + "</style>\n"
        '<script type="module">import mermaid from '
        '"https://cdnjs.cloudflare.com/ajax/libs/mermaid/mermaid.esm.min.mjs";'
        "</script>\n<!-- Load mathjax -->\n"
        '<div class="jp-Cell"><div class="zeroclipboard-container">'
        "<clipboard-copy for=x><svg></svg></clipboard-copy>\n</div>"
        '<div class="highlight-ipynb hl-python"><pre><span></span>'
        '<span class="n">x</span></pre></div>'
        '<div class="clipboard-copy-txt" id="cell-1">x</div></div>'
    )
    clean = notebook_html.clean_notebook_html(stock)
    assert len(clean) < 2_000
    assert "cdnjs" not in clean
    assert "<script" not in clean
    assert clean.count("<style>") == 1  # the hook's own few lines
    assert "clipboard" not in clean
    assert (
        '<div class="language-python highlight"><pre><code>'
        '<span class="n">x</span></code></pre></div>'
    ) in clean


#: The first bytes of a 3 x 2 PNG: its signature and IHDR chunk.
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 3, 2)


def test_hook_moves_inline_images_to_files():
    saved = {}
    data = base64.b64encode(PNG_HEAD).decode()
    html = notebook_html.extract_images(
        f'<img alt="a" data-threadviz-theme="dark" src="data:image/png;base64,{data}">',
        saved.__setitem__,
    )
    (name,) = saved
    assert saved[name] == PNG_HEAD
    assert f'src="figures/{name}#only-dark"' in html
    assert 'width="3" height="2"' in html
    assert "base64" not in html


def test_timeline_images_get_their_size():
    content = (
        '<p><img alt="t" src="../images/timelines/race-locked-light.png#only-light">'
        '<img width="9" src="../images/timelines/race-locked-dark.png#only-dark"></p>'
    )
    sized = timelines._size_timelines(content, {("race-locked", "light"): ("3", "2")})
    assert (
        '<img width="3" height="2" alt="t" src="../images/timelines/race-locked-light'
        in sized
    )
    assert '<img width="9" src=' in sized  # a width given is kept
