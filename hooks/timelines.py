"""MkDocs hook: the timeline images the content pages show.

The content pages show the timeline charts that the "See the threads"
notebook draws from real runs of their snippets: the same images, taken from
that notebook's output (hooks/notebook_html.py has moved them into files) and
added to the site as images/timelines/<name>-light.png and <name>-dark.png.
One run per chart, so the build stays fast, and a content page always matches
the notebook. Which timelines there are is read from the pages that show
them; the notebook must draw each one (`chart.show(..., name=...)`), or the
build fails. Each <img> of a timeline gets its PNG's width and height, so that
the page keeps its place while it loads.

Data passes through MkDocs' own objects, not module state: the image files
are in `files`, and the notebook page's HTML says which figure is which
timeline (its <img> carries data-threadviz-name and data-threadviz-theme).
"""

from __future__ import annotations

import posixpath
import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

TIMELINES = "images/timelines"
TIMELINES_NOTEBOOK = "notebooks/timelines.py"
THEMES = ("light", "dark")

#: A reference to a timeline image, in a page's Markdown or HTML.
_TIMELINE_REF = re.compile(rf"{TIMELINES}/([\w-]+)-(light|dark)\.png")
_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every timeline image a page refers to, empty until on_env fills it
    (so that MkDocs finds the image when it checks the page's links)."""
    if files.get_file_from_path(TIMELINES_NOTEBOOK) is None:
        return files
    wanted = set()
    for file in files.documentation_pages():
        if file.src_uri.endswith(".md"):
            wanted |= {m.group(1) for m in _TIMELINE_REF.finditer(file.content_string)}
    for name in sorted(wanted):
        for theme in THEMES:
            uri = f"{TIMELINES}/{name}-{theme}.png"
            files.append(File.generated(config, uri, content=b""))
    return files


def _drawn(files: Files) -> dict[tuple[str, str], tuple[File, str, str]]:
    """Each timeline the notebook drew, (name, theme), mapped to its figure
    file and its <img>'s width and height."""
    notebook = files.get_file_from_path(TIMELINES_NOTEBOOK)
    if notebook is None or notebook.page is None or not notebook.page.content:
        return {}
    folder = posixpath.dirname(notebook.dest_uri)
    drawn = {}
    for tag in _IMG.findall(notebook.page.content):
        attrs = dict(_ATTR.findall(tag))
        name, theme = (
            attrs.get("data-threadviz-name"),
            attrs.get("data-threadviz-theme"),
        )
        if not (name and theme and "src" in attrs):
            continue
        src = posixpath.normpath(posixpath.join(folder, attrs["src"].partition("#")[0]))
        figure = files.get_file_from_path(src)
        if figure is not None:
            drawn[name, theme] = (
                figure,
                attrs.get("width", ""),
                attrs.get("height", ""),
            )
    return drawn


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's content is made by now, and no file is written yet: fill
    each timeline image from the notebook's figure, and size its <img>s."""
    timelines: dict[tuple[str, str], File] = {}
    for file in files:
        ref = _TIMELINE_REF.fullmatch(file.src_uri)
        if ref is not None and file.generated_by:
            timelines[ref.group(1), ref.group(2)] = file
    drawn = _drawn(files)
    missing = [f"{n}-{t}" for (n, t) in timelines if (n, t) not in drawn]
    if missing:
        raise PluginError(
            f"{TIMELINES_NOTEBOOK} did not draw the timelines {missing}, which "
            "pages show; each needs a chart.show(..., name=...) in it"
        )
    sizes: dict[tuple[str, str], tuple[str, str]] = {}
    for key, file in timelines.items():
        figure, width, height = drawn[key]
        file.content_bytes = figure.content_bytes
        sizes[key] = (width, height)
    for page_file in files.documentation_pages():
        page = page_file.page
        if page is not None and page.content and TIMELINES in page.content:
            page.content = _size_timelines(page.content, sizes)
    return env


def _size_timelines(content: str, sizes: dict[tuple[str, str], tuple[str, str]]) -> str:
    """Give each timeline <img> without a width its PNG's width and height
    (Material's CSS scales it down with height: auto)."""

    def add(m: re.Match[str]) -> str:
        tag = m.group(0)
        ref = _TIMELINE_REF.search(tag)
        if ref is None or " width=" in tag:
            return tag
        width, height = sizes.get((ref.group(1), ref.group(2)), ("", ""))
        if not width:
            return tag
        return f'<img width="{width}" height="{height}"' + tag[len("<img") :]

    return _IMG.sub(add, content)
