"""The site's tooling: build it, serve it, and visit and weigh its pages.

Used by the tests (tests/test_docs.py, tests/test_notebooks.py,
tests/test_browser.py) and run as scripts:

    python -m sitetools.screenshots [--site SITE]
    python -m sitetools.lighthouse [--site SITE]

- `build`: the one `mkdocs build` wrapper.
- `server`: serve a built site on 127.0.0.1; find its pages and files.
- `weight`: the one page-weight measure and its budget.
- `chromium`: launch Debian's Chromium with Playwright, kept on 127.0.0.1.
- `visit`: one visit of each page, and every per-page check read from it.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
