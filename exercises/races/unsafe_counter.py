"""Two threads count page visits in one shared counter, and updates get lost."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0


def look_up_country() -> None:
    time.sleep(0.001)  # a quick network call, made for every visit


def record_visits(counter: Counter, visits: int) -> None:
    for _ in range(visits):
        count = counter.value
        look_up_country()
        counter.value = count + 1


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
