#!/usr/bin/env python3
"""Screenshots of every page in sitemap.xml: desktop (1280 wide) and mobile
(390 wide), in the light and the dark palette, as full-page PNG files.

    python scripts/screenshots.py [--site SITE] [--out reports/screenshots]

Builds the site into a temporary folder (or takes one built before with
--site), serves it on 127.0.0.1 and drives Debian's Chromium with Playwright,
as tests/test_browser.py does. Prints each file it writes and what each page
weighs (same-origin files but images, gzipped and raw, measured as the
browser test measures it). Look at the pictures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import (  # noqa: E402 - after the path set-up above
    PAGE_WEIGHT_BUDGET,
    RENDER_ALL_CSS,
    WAIT_MS,
    build_site,
    chromium_path,
    keep_local,
    launch,
    page_weight,
    serve,
    sitemap_paths,
)

EAGER_IMAGES_JS = (
    "() => document.querySelectorAll('img').forEach(i => i.loading = 'eager')"
)
IMAGES_DONE_JS = "() => Array.from(document.images).every(i => i.complete)"
WIDTHS = {"desktop": (1280, 800), "mobile": (390, 844)}
PALETTES = {"light": "light", "dark": "dark"}  # name -> prefers-color-scheme


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site built before")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "screenshots")
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("Chromium not found: apt-get install chromium (or set $CHROMIUM)")
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        paths = sitemap_paths(site)
        with serve(site) as base, sync_playwright() as driver:
            browser = launch(driver)
            weights: dict[str, tuple[int, int]] = {}
            for palette, scheme in PALETTES.items():
                for device, (width, height) in WIDTHS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        color_scheme=scheme,
                        is_mobile=device == "mobile",
                        has_touch=device == "mobile",
                    )
                    context.set_default_timeout(WAIT_MS)
                    keep_local(context, base)
                    for path in paths:
                        page = context.new_page()
                        fetched: list[str] = []
                        page.on("request", lambda r, f=fetched: f.append(r.url))
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
    for path, (gzipped, raw) in weights.items():
        flag = "  OVER BUDGET" if gzipped > PAGE_WEIGHT_BUDGET else ""
        print(
            f"{gzipped / 1024:8.1f} KB gzipped {raw / 1024:8.1f} KB raw  /{path}{flag}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
