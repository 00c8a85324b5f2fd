"""Broken on purpose: two threads update a shared counter without a lock."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0


def increment(counter: Counter, times: int, go: threading.Event) -> None:
    go.wait()  # start together, so that the threads really overlap
    for _ in range(times):
        value = counter.value  # read
        time.sleep(0)  # let another thread run between the read and the write
        counter.value = value + 1  # write: overwrites what the other thread wrote


def run(threads: int = 2, increments: int = 1000) -> int:
    """Start the threads, wait for them, and return the final count."""
    counter = Counter()
    go = threading.Event()
    workers = [
        threading.Thread(target=increment, args=(counter, increments, go))
        for _ in range(threads)
    ]
    for t in workers:
        t.start()
    go.set()  # every thread is started: let them all go at once
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
