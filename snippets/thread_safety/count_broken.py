"""Broken on purpose: two threads count requests in one dict, with no lock."""

import threading
import time

REQUESTS = ["GET", "GET", "POST"] * 500  # what each thread counts


def count(counts: dict[str, int], requests: list[str], go: threading.Event) -> None:
    go.wait()  # both threads start counting at the same moment
    for method in requests:
        # counts[method] += 1 is a read, then a write. Spelled out:
        current = counts.get(method, 0)  # read
        time.sleep(0)  # let another thread run between the read and the write
        counts[method] = current + 1  # write: overwrites what the other thread wrote


def run(threads: int = 2) -> dict[str, int]:
    """Count REQUESTS once in each of `threads` threads, into one dict."""
    counts: dict[str, int] = {}
    go = threading.Event()
    workers = [
        threading.Thread(target=count, args=(counts, REQUESTS, go))
        for _ in range(threads)
    ]
    for t in workers:
        t.start()
    go.set()
    for t in workers:
        t.join()
    return dict(sorted(counts.items()))


def main() -> None:
    expected = {"GET": 2000, "POST": 1000}
    print(f"expected: {expected}")
    print(f"got:      {run(threads=2)}")


if __name__ == "__main__":
    main()
