"""MkDocs hook: the notebook pages' HTML, made light and private.

nbconvert's template inlines about 600 KB of JupyterLab CSS in every notebook
page and imports MathJax and mermaid from cdnjs. This hook removes every
<style> and <script> from the notebook HTML, adds a few lines of CSS that
style cells with Material's own colours (so both palettes work), turns code
cells into Material code blocks (with its copy button), moves the inline PNG
outputs into files of their own (`figures/<hash>.png` next to the page, added
to the site's files, with their width and height on the <img>, so that the
page keeps its place while they load), and resolves links to `.md` pages as
MkDocs does for Markdown pages.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import posixpath
import re
import struct
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.notebook_html")

NOTEBOOKS = "notebooks/"  # the folder under docs/ that holds the notebooks

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
_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)([^"#]+\.md)(#[^"]*)?"')


def is_notebook(page: Page) -> bool:
    uri = page.file.src_uri
    return uri.startswith(NOTEBOOKS) and uri.endswith(".py")


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


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header (the IHDR chunk)."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def extract_images(html_text: str, save: Callable[[str, bytes], None]) -> str:
    """Move each inline PNG into a file `figures/<hash>.png` next to the page:
    `save(name, png)` is given each one. A threadviz image for one palette
    gets Material's #only-light/#only-dark; every image its PNG's width and
    height, unless it has a width."""

    def move(m: re.Match[str]) -> str:
        png = base64.b64decode(m.group(2))
        name = f"{hashlib.sha256(png).hexdigest()[:16]}.png"
        save(name, png)
        attrs = f"{m.group(1)} {m.group(3)}"
        theme = _THEME.search(attrs)
        fragment = f"#only-{theme.group(1)}" if theme else ""
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
    """Clean a notebook page; its images become files of the site, which
    MkDocs writes with the other files (after every page's content is made)."""
    if not is_notebook(page):
        return html_text
    folder = posixpath.join(posixpath.dirname(page.file.dest_uri), "figures")

    def save(name: str, png: bytes) -> None:
        uri = f"{folder}/{name}"
        if files.get_file_from_path(uri) is None:  # the same image twice
            files.append(File.generated(config, uri, content=png))

    text = extract_images(clean_notebook_html(html_text), save)
    return resolve_md_links(text, page, files)
