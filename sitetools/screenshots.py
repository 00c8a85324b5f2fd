"""Screenshots of every page in sitemap.xml: desktop (1280 wide) and mobile
(390 wide), in the light and the dark palette, as full-page PNG files.

    python -m sitetools.screenshots [--site SITE] [--out reports/screenshots]

Builds the site into a temporary folder (or takes one built before with
--site), serves it on 127.0.0.1 and drives Debian's Chromium with Playwright,
as tests/test_browser.py does. Prints each file it writes and what each page
weighs (sitetools.weight: the measure and budget the browser test uses).
Look at the pictures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT
from sitetools.build import build_site
from sitetools.chromium import chromium_path, launch, new_context
from sitetools.server import serve, sitemap_paths
from sitetools.visit import RENDER_ALL_CSS, weight_table
from sitetools.weight import page_weight

EAGER_IMAGES_JS = (
    "() => document.querySelectorAll('img').forEach(i => i.loading = 'eager')"
)
IMAGES_DONE_JS = "() => Array.from(document.images).every(i => i.complete)"
WIDTHS = {"desktop": (1280, 800), "mobile": (390, 844)}
PALETTES = {"light": "light", "dark": "dark"}  # name -> prefers-color-scheme


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitetools.screenshots",
        description=(__doc__ or "").split("\n\n")[0],
    )
    parser.add_argument("--site", type=Path, help="a site built before")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "screenshots")
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("Chromium not found: apt-get install chromium (or set $CHROMIUM)")
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    weights: dict[str, tuple[int, int]] = {}
    fetched: list[str] = []  # the URLs the page being shot requested
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site").site
        paths = sitemap_paths(site)
        with serve(site) as base, sync_playwright() as driver:
            browser = launch(driver)
            for palette, scheme in PALETTES.items():
                for device, (width, height) in WIDTHS.items():
                    context = new_context(
                        browser,
                        base,
                        viewport={"width": width, "height": height},
                        color_scheme=scheme,
                        is_mobile=device == "mobile",
                        has_touch=device == "mobile",
                    )
                    for path in paths:
                        page = context.new_page()
                        fetched.clear()
                        page.on("request", lambda request: fetched.append(request.url))
                        page.goto(base + path, wait_until="load")
                        page.wait_for_function(
                            "s => document.body.dataset.mdColorScheme === s",
                            arg="slate" if scheme == "dark" else "default",
                        )
                        if (palette, device) == ("light", "desktop"):
                            host = urlsplit(base).netloc
                            weights[path] = page_weight(
                                site, [u for u in fetched if urlsplit(u).netloc == host]
                            )
                        # What a reader sees on scrolling down: code blocks
                        # off screen rendered (extra.css defers them), lazy
                        # images loaded.
                        page.add_style_tag(content=RENDER_ALL_CSS)
                        page.evaluate(EAGER_IMAGES_JS)
                        page.wait_for_function(IMAGES_DONE_JS)
                        file = args.out / f"{slug(path)}-{width}-{palette}.png"
                        page.screenshot(path=file, full_page=True)
                        print(
                            file.relative_to(ROOT)
                            if file.is_relative_to(ROOT)
                            else file
                        )
                        page.close()
                    context.close()
            browser.close()
    print("\nPage weight (same-origin files but images):")
    print(weight_table(weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())
