"""Debian's Chromium, driven by Playwright, and kept on 127.0.0.1.

Playwright never downloads a browser here: every launch names the system
Chromium with `executable_path`. Playwright gives each launch a fresh,
temporary user-data directory (`--user-data-dir=/tmp/playwright_chromiumdev_
profile-*`) and removes it when the browser closes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Playwright, Route

T = TypeVar("T")

#: Without the networking flags Chromium reaches out to Google's hosts on its
#: own (component updates, sync, field trials, QUIC).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Milliseconds any single wait in the browser may take before it counts as
#: failed (Playwright's timeouts are in milliseconds).
WAIT_MS = 10_000


def chromium_path() -> str | None:
    """The Chromium to drive: $CHROMIUM, else Debian's /usr/bin/chromium."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )


def keep_local(context: BrowserContext, base: str) -> None:
    """Abort, in this browser context, every request that is not to the
    server at base, so that nothing can leave 127.0.0.1."""
    host = urlsplit(base).netloc

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_local)


def new_context(
    browser: Browser,
    base: str,
    **options: Any,  # noqa: ANN401 - Playwright's new_context() options
) -> BrowserContext:
    """A context that refuses, and so cannot leak, any request off 127.0.0.1."""
    context = browser.new_context(**options)
    context.set_default_timeout(WAIT_MS)
    keep_local(context, base)
    return context


class ChromiumThread:
    """Chromium, driven from a thread of its own.

    Playwright's sync API keeps an asyncio loop running in the thread that
    started it, so a test on the same pytest worker that calls asyncio.run()
    would fail. Here every browser call runs in one worker thread:
    `run(fn, *args)` calls fn(browser, *args) there, with the Playwright
    Browser, and returns its result (or raises its exception, assertion
    failures included)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="playwright")
        self._state: dict[str, Any] = {}
        self._pool.submit(self._start).result(timeout=120)

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._state["driver"] = sync_playwright().start()
        self._state["browser"] = launch(self._state["driver"])

    def run(
        self,
        fn: Callable[..., T],
        *args: object,
        timeout: float = 120,
        **kwargs: object,
    ) -> T:
        job = self._pool.submit(lambda: fn(self._state["browser"], *args, **kwargs))
        return job.result(timeout=timeout)

    def close(self) -> None:
        def stop() -> None:
            self._state["browser"].close()
            self._state["driver"].stop()

        try:
            self._pool.submit(stop).result(timeout=60)
        finally:
            self._pool.shutdown(wait=False)
