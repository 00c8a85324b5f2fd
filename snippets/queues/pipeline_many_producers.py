"""Several producers and consumers: main sends the sentinels after the producers."""

import queue
import threading
from collections import Counter

STOP = None  # the sentinel: a value that is never a real item
TIMEOUT = 10  # seconds; only a bug makes a put() or get() wait this long


def producer(q: queue.Queue[int | None], first: int, count: int) -> None:
    for item in range(first, first + count):
        q.put(item, timeout=TIMEOUT)
    # No sentinel here: this producer cannot know whether the others are done.


def consumer(q: queue.Queue[int | None], consumed: list[int]) -> None:
    while True:
        item = q.get(timeout=TIMEOUT)
        if item is STOP:
            return
        consumed.append(item)


def join_all(threads: list[threading.Thread]) -> None:
    for t in threads:
        t.join(timeout=TIMEOUT)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")


def run(producers: int = 3, consumers: int = 2, per_producer: int = 10) -> Counter[int]:
    """Run the pipeline; return how many times each item was consumed."""
    q: queue.Queue[int | None] = queue.Queue(maxsize=5)
    consumed: list[int] = []
    making = [
        threading.Thread(target=producer, args=(q, n * per_producer, per_producer))
        for n in range(producers)
    ]
    taking = [
        threading.Thread(target=consumer, args=(q, consumed)) for _ in range(consumers)
    ]
    for t in making + taking:
        t.start()
    join_all(making)  # every real item is in the queue now...
    for _ in taking:
        q.put(STOP, timeout=TIMEOUT)  # ...so the sentinels come after all of them
    join_all(taking)
    return Counter(consumed)


def main() -> None:
    producers, consumers, per_producer = 3, 2, 10
    counts = run(producers, consumers, per_producer)
    total = producers * per_producer
    if counts == Counter(range(total)):
        print(f"{producers} producers, {consumers} consumers: ", end="")
        print(f"consumed {total} items, each exactly once")
    else:
        print(f"wrong: {counts}")


if __name__ == "__main__":
    main()
