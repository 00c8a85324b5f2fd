"""The first exception that map()'s results raise ends the loop over them."""

import concurrent.futures
import time

PAGES = ["home", "missing", "about", "blog"]


def fetch(page: str) -> int:
    time.sleep(1)  # stands in for a network request
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return len(page) * 100  # the page's size in bytes


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        try:
            for page, size in zip(PAGES, executor.map(fetch, PAGES), strict=True):
                print(f"{page}: {size} bytes")
        except LookupError as exc:
            print(f"map() raised LookupError: {exc}")


if __name__ == "__main__":
    main()
