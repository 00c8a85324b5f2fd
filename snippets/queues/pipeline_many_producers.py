"""Several producers and consumers: main sends the sentinels after the producers."""

import queue
import threading
from collections import Counter

STOP = None  # the sentinel: a value that is never a real item


def producer(q: queue.Queue[int | None], first: int, count: int) -> None:
    for item in range(first, first + count):
        q.put(item)
    # No sentinel here: this producer cannot know whether the others are done.


def consumer(q: queue.Queue[int | None], consumed: list[int]) -> None:
    while True:
        item = q.get()
        if item is STOP:
            print("consumer: got the sentinel, stopping\n", end="")
            return
        print(f"consumer: saved {item}\n", end="")  # one write: the line stays whole
        consumed.append(item)


def run(producers: int = 3, consumers: int = 2, per_producer: int = 4) -> Counter[int]:
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
    for t in making:
        t.join()  # every real item is in the queue now...
    print(
        f"main: all {producers} producers are done; sending {consumers} sentinels\n",
        end="",  # one write: the consumers are still printing
    )
    for _ in taking:
        q.put(STOP)  # ...so the sentinels come after all of them
    for t in taking:
        t.join()
    return Counter(consumed)


def main() -> None:
    run(producers=3, consumers=2, per_producer=4)


if __name__ == "__main__":
    main()
