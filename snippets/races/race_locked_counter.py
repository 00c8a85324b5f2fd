"""The same counter, with the read and the write under one lock."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()


def increment(counter: Counter, times: int) -> None:
    for _ in range(times):
        with counter.lock:  # no other thread can read or write until we are done
            value = counter.value
            time.sleep(0)  # the other thread may run now, but it waits for the lock
            counter.value = value + 1


def run(threads: int = 2, increments: int = 1000) -> int:
    """Start the threads, wait for them, and return the final count."""
    counter = Counter()
    workers = [
        threading.Thread(target=increment, args=(counter, increments))
        for _ in range(threads)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return counter.value


def main() -> None:
    threads, increments = 2, 1000
    print(f"{threads} threads x {increments} increments")
    print(f"expected: {threads * increments}")
    print(f"got:      {run(threads, increments)}")


if __name__ == "__main__":
    main()
