"""Python 3.13+: Queue.shutdown() stops the consumers, with no sentinels."""

import queue
import sys
import threading
from collections import Counter


def producer(q: queue.Queue[int], items: int) -> None:
    for item in range(items):
        q.put(item)


def consumer(q: queue.Queue[int], consumed: list[int]) -> None:
    while True:
        try:
            item = q.get()
        except queue.ShutDown:  # raised once the queue is shut down and empty
            print("consumer: the queue is shut down, stopping\n", end="")
            return
        print(f"consumer: saved {item}\n", end="")  # one write: the line stays whole
        consumed.append(item)


def run(items: int = 10, consumers: int = 2) -> Counter[int]:
    """Run the pipeline; return how many times each item was consumed."""
    q: queue.Queue[int] = queue.Queue(maxsize=5)
    consumed: list[int] = []
    making = threading.Thread(target=producer, args=(q, items))
    taking = [
        threading.Thread(target=consumer, args=(q, consumed)) for _ in range(consumers)
    ]
    for t in [making, *taking]:
        t.start()
    making.join()
    q.shutdown()  # no more put(); get() drains what is left, then raises ShutDown
    for t in taking:
        t.join()
    return Counter(consumed)


def main() -> None:
    if sys.version_info < (3, 13):
        version = sys.version.split()[0]
        print(f"Queue.shutdown() needs Python 3.13 or newer; this is {version}")
        return
    run(items=10, consumers=2)


if __name__ == "__main__":
    main()
