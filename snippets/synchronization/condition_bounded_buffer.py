"""A bounded buffer built on a Condition: what queue.Queue does for you."""

import threading
from collections import deque

TIMEOUT = 10  # seconds; only a bug makes a wait last this long


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: deque[int] = deque()
        self.peak = 0  # the most items the buffer ever held
        self.changed = threading.Condition()  # owns a lock; wait() releases it

    def put(self, item: int) -> None:
        with self.changed:
            # wait_for() re-checks the predicate after every wake-up.
            if not self.changed.wait_for(
                lambda: len(self.items) < self.capacity, timeout=TIMEOUT
            ):
                raise TimeoutError("the buffer stayed full")
            self.items.append(item)
            self.peak = max(self.peak, len(self.items))
            self.changed.notify_all()  # wake the getters (and any putters)

    def get(self) -> int:
        with self.changed:
            if not self.changed.wait_for(lambda: self.items, timeout=TIMEOUT):
                raise TimeoutError("the buffer stayed empty")
            item = self.items.popleft()
            self.changed.notify_all()  # wake the putters (and any getters)
            return item


def run(items: int = 20, capacity: int = 3) -> tuple[list[int], int]:
    """Pass items through the buffer; return them as received, and the peak."""
    buffer = BoundedBuffer(capacity)
    received: list[int] = []

    def produce() -> None:
        for item in range(items):
            buffer.put(item)

    def consume() -> None:
        for _ in range(items):
            received.append(buffer.get())

    threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=TIMEOUT)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return received, buffer.peak


def main() -> None:
    items, capacity = 20, 3
    received, peak = run(items, capacity)
    in_order = received == list(range(items))
    print(f"received {len(received)} items, in order: {in_order}")
    print(f"the buffer never held more than {capacity}: {peak <= capacity}")


if __name__ == "__main__":
    main()
