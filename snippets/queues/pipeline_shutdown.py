"""Python 3.13+: Queue.shutdown() stops the consumers, with no sentinels."""

import queue
import sys
import threading
from collections import Counter

TIMEOUT = 10  # seconds; only a bug makes a put() or get() wait this long


def producer(q: queue.Queue[int], items: int) -> None:
    for item in range(items):
        q.put(item, timeout=TIMEOUT)


def consumer(q: queue.Queue[int], consumed: list[int]) -> None:
    while True:
        try:
            item = q.get(timeout=TIMEOUT)
        except queue.ShutDown:  # raised once the queue is shut down and empty
            return
        consumed.append(item)


def run(items: int = 20, consumers: int = 2) -> Counter[int]:
    """Run the pipeline; return how many times each item was consumed."""
    q: queue.Queue[int] = queue.Queue(maxsize=5)
    consumed: list[int] = []
    making = threading.Thread(target=producer, args=(q, items))
    taking = [
        threading.Thread(target=consumer, args=(q, consumed)) for _ in range(consumers)
    ]
    for t in [making, *taking]:
        t.start()
    making.join(timeout=TIMEOUT)
    if making.is_alive():
        raise RuntimeError("the producer did not finish")
    q.shutdown()  # no more put(); get() drains what is left, then raises ShutDown
    for t in taking:
        t.join(timeout=TIMEOUT)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return Counter(consumed)


def main() -> None:
    if sys.version_info < (3, 13):
        version = sys.version.split()[0]
        print(f"Queue.shutdown() needs Python 3.13 or newer; this is {version}")
        return
    items = 20
    if run(items, consumers=2) == Counter(range(items)):
        print(f"consumed {items} items, each exactly once")
    else:
        print("wrong: some item was lost or consumed twice")


if __name__ == "__main__":
    main()
