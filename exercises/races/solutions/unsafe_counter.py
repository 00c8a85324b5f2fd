"""Two threads count page visits in one shared counter, under a lock."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()


def look_up_country() -> None:
    time.sleep(0.001)  # a quick network call, made for every visit


def record_visits(counter: Counter, visits: int) -> None:
    for _ in range(visits):
        look_up_country()  # outside the lock: the other thread may count meanwhile
        with counter.lock:  # the read and the write, as one step
            counter.value += 1


def main() -> None:
    threads, visits = 2, 200
    counter = Counter()
    workers = [
        threading.Thread(target=record_visits, args=(counter, visits))
        for _ in range(threads)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print(f"expected: {threads * visits}")
    print(f"got:      {counter.value}")


if __name__ == "__main__":
    main()
