"""A bounded buffer built on a Condition: what queue.Queue does for you."""

import threading
from collections import deque


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque[int] = deque()
        self.peak = 0  # the most items the buffer ever held
        self.changed = threading.Condition()  # owns a lock; wait() releases it

    def put(self, item: int) -> None:
        with self.changed:
            # wait_for() re-checks the predicate after every wake-up.
            self.changed.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.peak = max(self.peak, len(self.items))
            self.changed.notify_all()  # wake the getters (and any putters)

    def get(self) -> int:
        with self.changed:
            self.changed.wait_for(lambda: len(self.items) > 0)
            item = self.items.popleft()
            self.changed.notify_all()  # wake the putters (and any getters)
            return item


def run(items: int = 8, capacity: int = 3) -> tuple[list[int], int]:
    """Pass items through the buffer; return them as received, and the peak."""
    buffer = BoundedBuffer(capacity)
    received: list[int] = []

    def produce() -> None:
        for item in range(items):
            buffer.put(item)

    producer = threading.Thread(target=produce)
    producer.start()
    for _ in range(items):
        item = buffer.get()
        print(f"got {item}")
        received.append(item)
    producer.join()
    return received, buffer.peak


def main() -> None:
    run(items=8, capacity=3)


if __name__ == "__main__":
    main()
