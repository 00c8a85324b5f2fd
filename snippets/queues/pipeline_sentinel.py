"""A producer, two consumers, and one sentinel per consumer to stop them."""

import queue
import threading
from collections import Counter

STOP = None  # the sentinel: a value that is never a real item


def producer(q: queue.Queue[int | None], items: int, consumers: int) -> None:
    for item in range(items):
        q.put(item)  # blocks while the queue is full
    for _ in range(consumers):
        q.put(STOP)  # one per consumer: each takes exactly one


def consumer(q: queue.Queue[int | None], consumed: list[int]) -> None:
    while True:
        item = q.get()  # no check-then-get: just wait for the next item
        if item is STOP:
            print("consumer: got the sentinel, stopping\n", end="")
            return
        # Saving it to a database would go here. One write per line: lines
        # that two threads print at once stay whole.
        print(f"consumer: saved {item}\n", end="")
        consumed.append(item)  # list.append is thread-safe


def run(items: int = 10, consumers: int = 2) -> Counter[int]:
    """Run the pipeline; return how many times each item was consumed."""
    q: queue.Queue[int | None] = queue.Queue(maxsize=5)
    consumed: list[int] = []
    threads = [threading.Thread(target=producer, args=(q, items, consumers))]
    threads += [
        threading.Thread(target=consumer, args=(q, consumed)) for _ in range(consumers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Counter(consumed)


def main() -> None:
    run(items=10, consumers=2)


if __name__ == "__main__":
    main()
