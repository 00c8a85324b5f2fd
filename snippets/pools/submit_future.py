"""submit() returns a Future per call; as_completed() yields each as it finishes."""

import concurrent.futures
import time

PAGES = {"home": 3, "about": 1, "missing": 2, "blog": 4}  # page: seconds it takes


def fetch(page: str, seconds: float) -> int:
    time.sleep(seconds)  # stands in for a network request
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return len(page) * 100  # the page's size in bytes


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        futures = {executor.submit(fetch, page, s): page for page, s in PAGES.items()}
        for future in concurrent.futures.as_completed(futures):  # as each finishes
            page = futures[future]
            try:
                print(f"{page}: {future.result()} bytes")  # re-raises fetch's error
            except LookupError as exc:
                print(f"{page}: failed: {exc}")


if __name__ == "__main__":
    main()
