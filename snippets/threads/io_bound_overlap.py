"""Three I/O waits of one second each overlap when each gets a thread."""

import os
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
WAIT = 1.0 * TIME_SCALE


def fetch(page: int, results: dict[int, str]) -> None:
    time.sleep(WAIT)  # a blocking wait releases the GIL, so other threads run
    results[page] = f"page {page}"


def main() -> None:
    results: dict[int, str] = {}
    threads = [threading.Thread(target=fetch, args=(n, results)) for n in range(3)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print(sorted(results.values()))
    print(f"3 waits of {WAIT:.2f} s took {elapsed:.2f} s in all, not {3 * WAIT:.2f} s")


if __name__ == "__main__":
    main()
