"""The one page-weight measure, and its budget.

A page's weight is what its first visit fetches from the site itself, images
aside, gzipped as a static host that compresses (GitHub Pages does) would send
it. The browser test measures every page this way, from the requests Chromium
made; tests/test_notebooks.py and `python -m sitetools.screenshots` use the
same function and budget.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from sitetools.server import site_file

#: Upper limit, in bytes, on a page's weight (see above).
PAGE_WEIGHT_BUDGET = 90 * 1024
#: Not counted in the page weight: images load lazily and do not block reading.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico"}


def page_weight(site: Path, urls: Iterable[str]) -> tuple[int, int]:
    """Bytes of the same-origin files but images among `urls` (each counted
    once, a URL or a path from the site root): gzipped (level 6, as web
    servers do) and uncompressed."""
    files = {site_file(site, urlsplit(url).path) for url in urls}
    counted = [
        f.read_bytes()
        for f in files
        if f.is_file() and f.suffix.lower() not in IMAGE_SUFFIXES
    ]
    return sum(len(gzip.compress(b, 6)) for b in counted), sum(map(len, counted))
