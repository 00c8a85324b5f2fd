"""MkDocs hooks for the notebook pages and the timeline images.

1. Execution cache. mkdocs-jupyter executes the notebooks on every build and
   caches the result keyed on the notebook's own text only. This hook points
   its cache at a folder named after a hash of everything else the notebooks
   run: the threadviz package, the snippets the timelines record, and the
   Python that runs them. Editing a plain page reuses the cache (a fast
   `mkdocs serve` rebuild); editing a notebook or anything it imports runs it
   again. A failing cell is never cached: the build fails.
2. Page weight and privacy. nbconvert's template inlines about 600 KB of
   JupyterLab CSS in every notebook page and imports MathJax and mermaid from
   cdnjs. The hook removes every <style> and <script> from the notebook HTML,
   adds a few lines of CSS that style cells with Material's own colours (so
   both palettes work), turns code cells into Material code blocks (with its
   copy button), moves the inline PNG outputs into files of their own, and
   resolves links to `.md` pages as MkDocs does for Markdown pages.
3. Timelines. The content pages show the timeline charts that the "See the
   threads" notebook draws from real runs of their snippets: the same images,
   moved out of that notebook's output and added to the site as
   images/timelines/<name>-light.png and <name>-dark.png. One run per chart,
   so the build stays fast, and a content page always matches the notebook.
   Every chart, there and in the notebooks, gets its PNG's width and height
   as attributes, so that the page keeps its place while it loads.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import os
import posixpath
import re
import shutil
import struct
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.notebooks")

CACHE = ROOT / ".cache"
NOTEBOOKS = "notebooks/"  # the folder under docs/ that holds the notebooks
TIMELINES = "images/timelines"
TIMELINES_NOTEBOOK = "notebooks/timelines.py"
#: The timelines the content pages show (threadviz.scenarios names).
CONTENT_TIMELINES = (
    "race-unsafe",
    "race-locked",
    "deadlock",
    "pipeline",
    "semaphore",
    "barrier",
    "io-overlap",
)

# --- 1. the execution cache --------------------------------------------------


def dependencies() -> list[Path]:
    """The files whose content the notebooks' output depends on, besides the
    notebooks themselves."""
    from threadviz import scenarios

    return sorted((ROOT / "threadviz").glob("*.py")) + scenarios.snippet_files()


def digest(paths: list[Path], *extra: str) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    for text in extra:
        h.update(text.encode())
    return h.hexdigest()[:16]


def _runtime() -> str:
    import matplotlib

    return f"{sys.executable} {sys.version} matplotlib {matplotlib.__version__}"


def _jupyter_cache(config: MkDocsConfig) -> Path:
    """The cache folder: under a "family" named after the set of notebook
    paths, so that a test's throwaway project never evicts the site's cache,
    a folder named after the dependencies' hash."""
    notebooks = sorted(
        p.relative_to(config.docs_dir).as_posix()
        for p in Path(config.docs_dir).glob(f"{NOTEBOOKS}*.py")
    )
    family = CACHE / "mkdocs-jupyter" / digest([], *notebooks)
    return family / digest(dependencies(), _runtime())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # MkDocs restores sys.path after loading a hook: add the repository now,
    # for threadviz, which the events below import.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter.config["cache_dir"] = str(_jupyter_cache(config))
    # The kernel inherits this environment: let it import threadviz.
    path = os.environ.get("PYTHONPATH", "")
    if str(ROOT) not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), path]))
    return config


def on_serve(server: object, config: MkDocsConfig, builder: object) -> object:
    """`mkdocs serve` rebuilds when threadviz changes. (Not in mkdocs.yml's
    `watch`: a path there must exist next to every copy of the config.)"""
    server.watch(str(ROOT / "threadviz"))  # type: ignore[attr-defined]
    return server


def on_post_build(config: MkDocsConfig) -> None:
    """Forget the caches of older versions of the dependencies."""
    current = _jupyter_cache(config)
    if current.parent.is_dir():
        for old in current.parent.iterdir():
            if old.is_dir() and old != current:
                shutil.rmtree(old, ignore_errors=True)


# --- 3. timelines --------------------------------------------------------------

_timeline_files: dict[tuple[str, str], File] = {}  # (name, theme) -> its file


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the content pages' timeline images, empty until the timelines
    notebook's output fills them (pages are all rendered before any file is
    written)."""
    _timeline_files.clear()
    if files.get_file_from_path(TIMELINES_NOTEBOOK) is None:
        return files
    for name in CONTENT_TIMELINES:
        for theme in ("light", "dark"):
            uri = f"{TIMELINES}/{name}-{theme}.png"
            file = File.generated(config, uri, content=b"")
            _timeline_files[name, theme] = file
            files.append(file)
    return files


def on_env(env: object, config: MkDocsConfig, files: Files) -> object:
    missing = [
        f"{n}-{t}" for (n, t), f in _timeline_files.items() if not f.content_bytes
    ]
    if missing:
        raise PluginError(
            f"{TIMELINES_NOTEBOOK} did not draw the timelines {missing}; each "
            "needs a chart.show(..., name=...) in it"
        )
    return env


# --- 2. notebook pages ---------------------------------------------------------


def is_notebook(page: Page) -> bool:
    uri = page.file.src_uri
    return uri.startswith(NOTEBOOKS) and uri.endswith(".py")


#: Replaces mkdocs-jupyter's ~600 KB of JupyterLab CSS. Material's variables
#: follow the palette, so the cells read well in light and in dark mode.
NOTEBOOK_CSS = """
.jupyter-wrapper .jp-Cell{margin:0 0 .8em}
.jupyter-wrapper .jp-InputPrompt,.jupyter-wrapper .jp-OutputPrompt{display:none}
.jupyter-wrapper .jp-OutputArea-output pre{margin:0 0 .6em;padding:.6em 1em;
 background:var(--md-code-bg-color);color:var(--md-code-fg-color);
 border-left:.2rem solid var(--md-accent-fg-color);font-size:.85em;overflow:auto}
.jupyter-wrapper .jp-RenderedHTMLCommon table{display:table}
.jupyter-wrapper a.anchor-link{display:none}
.jupyter-wrapper figure.threadviz{margin:1em 0}
.jupyter-wrapper figure.threadviz img{max-width:100%;height:auto}
"""

_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)
_LINK_CSS = re.compile(r"<link\b[^>]*>", re.I)
_COPY_TEXT = re.compile(r'<div [^>]*class="clipboard-copy-txt"[^>]*>.*?</div>', re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_COPY_BUTTON = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>', re.S
)
_CODE = re.compile(
    r'<div class="highlight-ipynb hl-(\w+)[^"]*">\s*<pre>(.*?)</pre>\s*</div>', re.S
)
_DATA_IMG = re.compile(
    r'<img\b([^>]*?)src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"([^>]*)>'
)
_THEME = re.compile(r'data-threadviz-theme="(light|dark)"')
_NAME = re.compile(r'data-threadviz-name="([\w-]+)"')
_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)([^"#]+\.md)(#[^"]*)?"')

_images: dict[str, dict[str, bytes]] = {}  # page src_uri -> file name -> PNG


def clean_notebook_html(html_text: str) -> str:
    """Drop the plugin's inline CSS and every script; Material-style code."""
    text = _STYLE.sub("", html_text)
    text = _SCRIPT.sub("", text)
    text = _LINK_CSS.sub("", text)
    text = _COPY_TEXT.sub("", text)
    text = _COMMENT.sub("", text)
    text = _COPY_BUTTON.sub("", text)
    text = _CODE.sub(
        lambda m: (
            f'<div class="language-{m.group(1)} highlight"><pre><code>'
            f"{m.group(2).removeprefix('<span></span>')}</code></pre></div>"
        ),
        text,
    )
    return f"<style>{NOTEBOOK_CSS.strip()}</style>\n" + text


def extract_images(html_text: str, store: dict[str, bytes]) -> str:
    """Move each inline PNG into a file `figures/<hash>.png` next to the page;
    a threadviz image for one palette gets Material's #only-light/#only-dark."""

    def move(m: re.Match[str]) -> str:
        png = base64.b64decode(m.group(2))
        name = f"{hashlib.sha256(png).hexdigest()[:16]}.png"
        store[name] = png
        attrs = f"{m.group(1)} {m.group(3)}"
        theme = _THEME.search(attrs)
        fragment = f"#only-{theme.group(1)}" if theme else ""
        name_attr = _NAME.search(attrs)
        if (
            theme
            and name_attr
            and (name_attr.group(1), theme.group(1)) in _timeline_files
        ):
            _timeline_files[name_attr.group(1), theme.group(1)].content_bytes = png
        src = f"figures/{name}{fragment}"
        width, height = png_size(png)
        size = "" if "width=" in attrs else f' width="{width}" height="{height}"'
        return f'<img{m.group(1)}src="{src}" loading="lazy"{size}{m.group(3)}>'

    return _DATA_IMG.sub(move, html_text)


def resolve_md_links(html_text: str, page: Page, files: Files) -> str:
    """`../races.md#x` in a notebook becomes the page's URL, as in Markdown;
    a link to a page that does not exist is a warning (an error with --strict)."""

    def resolve(m: re.Match[str]) -> str:
        target = posixpath.normpath(
            posixpath.join(
                posixpath.dirname(page.file.src_uri), html.unescape(m.group(1))
            )
        )
        file = files.get_file_from_path(target)
        if file is None:
            log.warning(
                "Notebook '%s' links to '%s', which is not found in the "
                "documentation files.",
                page.file.src_uri,
                m.group(1),
            )
            return m.group(0)
        return f'href="{file.url_relative_to(page.file)}{m.group(2) or ""}"'

    return _MD_LINK.sub(resolve, html_text)


def on_page_content(
    html_text: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    if not is_notebook(page):
        return html_text
    store: dict[str, bytes] = {}
    text = extract_images(clean_notebook_html(html_text), store)
    _images[page.file.src_uri] = store
    return resolve_md_links(text, page, files)


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header (the IHDR chunk)."""
    return struct.unpack(">II", png[16:24])


_TIMELINE_IMG = re.compile(
    rf'<img\b(?![^>]*\swidth=)(?=[^>]*\ssrc="[^"]*{TIMELINES}/([\w-]+)-(\w+)\.png)'
)


def size_timelines(output: str) -> str:
    """Give a content page's timeline <img> its PNG's width and height, so
    that nothing below it moves when it loads (Material's CSS scales it down
    with height: auto)."""

    def add(m: re.Match[str]) -> str:
        file = _timeline_files.get((m.group(1), m.group(2)))
        if file is None or not file.content_bytes:
            return m.group(0)
        return '<img width="{}" height="{}"'.format(*png_size(file.content_bytes))

    return _TIMELINE_IMG.sub(add, output)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Write the images moved out of a notebook page (the site directory has
    been cleaned by now); size a content page's timelines (every page has
    been rendered, so every timeline has been drawn)."""
    output = size_timelines(output)
    store = _images.pop(page.file.src_uri, None)
    if store:
        folder = Path(page.file.abs_dest_path).parent / "figures"
        folder.mkdir(parents=True, exist_ok=True)
        for name, png in store.items():
            (folder / name).write_bytes(png)
    return output
