"""A producer, two consumers, and one sentinel per consumer to stop them."""

import queue
import threading
from collections import Counter

STOP = None  # the sentinel: a value that is never a real item
TIMEOUT = 10  # seconds; only a bug makes a put() or get() wait this long


def producer(q: queue.Queue[int | None], items: int, consumers: int) -> None:
    for item in range(items):
        q.put(item, timeout=TIMEOUT)  # blocks while the queue is full
    for _ in range(consumers):
        q.put(STOP, timeout=TIMEOUT)  # one per consumer: each takes exactly one


def consumer(q: queue.Queue[int | None], consumed: list[int]) -> None:
    while True:
        item = q.get(timeout=TIMEOUT)  # no check-then-get: just wait for an item
        if item is STOP:
            return
        consumed.append(item)  # stands in for saving it to the database


def run(items: int = 20, consumers: int = 2) -> Counter[int]:
    """Run the pipeline; return how many times each item was consumed."""
    q: queue.Queue[int | None] = queue.Queue(maxsize=5)
    consumed: list[int] = []  # list.append is thread-safe
    threads = [threading.Thread(target=producer, args=(q, items, consumers))]
    threads += [
        threading.Thread(target=consumer, args=(q, consumed)) for _ in range(consumers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=TIMEOUT)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return Counter(consumed)


def main() -> None:
    items = 20
    counts = run(items, consumers=2)
    if counts == Counter(range(items)):
        print(f"consumed {items} items, each exactly once")
    else:
        print(f"wrong: {counts}")


if __name__ == "__main__":
    main()
