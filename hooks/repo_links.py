"""Links to the repository's files, derived from `repo_url` (mkdocs.yml).

A page links to a file of the repository as `repo:<path>`, for example
`[noxfile]: repo:noxfile.py`; this hook turns that into
`<repo_url>/blob/<branch>/<path>`, with the branch of `edit_uri`. So a fork
that publishes the site sets `site_url`, `repo_url` and `repo_name` in
mkdocs.yml, and every link follows: the edit and view buttons, the header's
repository link and these. A `repo:` link to a file that does not exist fails
the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
# `[label]: repo:path` (a reference definition) or `](repo:path)` (inline).
REPO_LINK = re.compile(r"(?:(?<=\]: )|(?<=\]\())repo:([^\s)#]+)")


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    if "repo:" not in markdown:
        return markdown
    if not config.repo_url:
        raise PluginError(f"{page.file.src_uri} links with repo:, but no repo_url")
    # edit_uri is "edit/<branch>/docs/": a file of the repository is under
    # blob/<branch>/.
    branch = (config.edit_uri or "edit/main/").split("/")[1]
    base = f"{config.repo_url.rstrip('/')}/blob/{branch}/"

    def link(match: re.Match[str]) -> str:
        if not (ROOT / match[1]).exists():
            raise PluginError(f"{page.file.src_uri}: repo:{match[1]} does not exist")
        return base + match[1]

    return REPO_LINK.sub(link, markdown)
