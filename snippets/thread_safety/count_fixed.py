"""The same count, in a Counter, with each update under one lock."""

import collections
import threading
import time

REQUESTS = ["GET", "GET", "POST"] * 500  # what each thread counts


def count(
    counts: collections.Counter[str],
    lock: threading.Lock,
    requests: list[str],
    go: threading.Event,
) -> None:
    go.wait()  # both threads start counting at the same moment
    for method in requests:
        with lock:  # the read and the write of += happen as one step
            counts[method] += 1  # a Counter starts every key at 0
        time.sleep(0)  # other threads run here too, but never inside the update


def run(threads: int = 2) -> dict[str, int]:
    """Count REQUESTS once in each of `threads` threads, into one Counter."""
    counts: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()
    go = threading.Event()
    workers = [
        threading.Thread(target=count, args=(counts, lock, REQUESTS, go))
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
