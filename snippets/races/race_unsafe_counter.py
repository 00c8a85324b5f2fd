"""Broken on purpose: two threads update a shared counter without a lock."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0


def increment(counter: Counter, times: int, start: threading.Barrier) -> None:
    start.wait()  # begin together, so that the threads really overlap
    for _ in range(times):
        value = counter.value  # read
        time.sleep(0)  # let another thread run between the read and the write
        counter.value = value + 1  # write: overwrites what the other thread wrote


def run(threads: int = 2, increments: int = 100) -> int:
    """Start the threads, wait for them, and return the final count."""
    counter = Counter()
    start = threading.Barrier(threads, timeout=10)
    workers = [
        threading.Thread(target=increment, args=(counter, increments, start))
        for _ in range(threads)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return counter.value


def main() -> None:
    threads, increments = 2, 100
    expected = threads * increments
    value = run(threads, increments)
    lost = 100 * (expected - value) / expected
    print(f"{threads} threads x {increments} increments, expected {expected}")
    print(f"lost updates: {lost:.1f} % of the increments vanished")


if __name__ == "__main__":
    main()
