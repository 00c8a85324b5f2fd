"""wait(FIRST_COMPLETED): keep at most three downloads in flight."""

import concurrent.futures
import itertools
import time

PAGES = {"home": 3, "about": 1, "blog": 2, "shop": 1, "faq": 2, "jobs": 1}  # seconds


def fetch(page: str, seconds: float) -> int:
    time.sleep(seconds)  # stands in for a network request
    return len(page) * 100  # the page's size in bytes


def main() -> None:
    pages = iter(PAGES.items())  # read lazily: it could be endless
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        in_flight = {
            executor.submit(fetch, page, s): page
            for page, s in itertools.islice(pages, 3)
        }
        while in_flight:
            done, _ = concurrent.futures.wait(
                in_flight, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for future in done:
                print(f"{in_flight.pop(future)}: {future.result()} bytes")
                for page, s in itertools.islice(pages, 1):  # one in, for one out
                    in_flight[executor.submit(fetch, page, s)] = page


if __name__ == "__main__":
    main()
