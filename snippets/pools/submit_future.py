"""submit() returns a Future; as_completed() yields futures as they finish."""

import concurrent.futures
import os
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
PAGES = {"home": 0.3, "about": 0.1, "missing": 0.2, "blog": 0.4}  # name: seconds


def fetch(page: str, seconds: float) -> int:
    time.sleep(seconds * TIME_SCALE)  # stands in for a network request
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return len(page) * 100  # the page's size in bytes


def fetch_all(pages: dict[str, float], timeout: float) -> dict[str, str]:
    outcomes: dict[str, str] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        futures = {executor.submit(fetch, p, s): p for p, s in pages.items()}
        # Each future as soon as it is done, fastest first, whatever the order
        # of submission; TimeoutError if they are not all done within `timeout`.
        for future in concurrent.futures.as_completed(futures, timeout=timeout):
            page = futures[future]
            try:
                outcomes[page] = f"{future.result()} bytes"  # re-raises its error
            except LookupError as exc:
                outcomes[page] = f"failed: {exc}"
    return outcomes


def main() -> None:
    outcomes = fetch_all(PAGES, timeout=10)
    for page, outcome in sorted(outcomes.items()):
        print(f"{page}: {outcome}")


if __name__ == "__main__":
    main()
