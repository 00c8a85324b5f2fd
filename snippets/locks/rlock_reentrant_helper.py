"""A helper that takes the lock its caller already holds: Lock versus RLock."""

from __future__ import annotations

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 0.5 * TIME_SCALE


class Inventory:
    def __init__(self, lock: threading.Lock | threading.RLock) -> None:
        self.lock = lock
        self.stock: dict[str, int] = {}

    def add(self, item: str, count: int) -> None:
        """Callable on its own, so it takes the lock itself."""
        # `with self.lock:` would wait forever on a deadlock; a timeout reports it.
        if not self.lock.acquire(timeout=TIMEOUT):
            raise TimeoutError("add() could not acquire the lock")
        try:
            self.stock[item] = self.stock.get(item, 0) + count
        finally:
            self.lock.release()

    def restock(self, delivery: dict[str, int], *, in_thread: bool = False) -> None:
        """Add a whole delivery at once: no other thread sees it half done."""
        with self.lock:
            for item, count in delivery.items():
                if in_thread:
                    self.add_in_another_thread(item, count)
                else:
                    self.add(item, count)  # takes the lock this thread holds

    def add_in_another_thread(self, item: str, count: int) -> None:
        """Hand add() to a worker thread and wait for it."""
        errors: list[Exception] = []

        def work() -> None:
            try:
                self.add(item, count)
            except TimeoutError as exc:
                errors.append(exc)

        worker = threading.Thread(target=work)
        worker.start()
        worker.join(timeout=10)
        if worker.is_alive():
            raise RuntimeError("the worker did not finish")
        if errors:
            raise errors[0]


def run(*, reentrant: bool = True, in_thread: bool = False) -> dict[str, int]:
    """Restock an inventory; raise TimeoutError if add() cannot get the lock."""
    lock = threading.RLock() if reentrant else threading.Lock()
    inventory = Inventory(lock)
    inventory.restock({"apples": 5, "pears": 3}, in_thread=in_thread)
    return inventory.stock


def main() -> None:
    cases = [
        ("Lock, add() in the same thread: ", False, False),
        ("RLock, add() in the same thread:", True, False),
        ("RLock, add() in another thread: ", True, True),
    ]
    for label, reentrant, in_thread in cases:
        try:
            print(label, run(reentrant=reentrant, in_thread=in_thread))
        except TimeoutError as exc:
            print(label, f"deadlock: {exc}")


if __name__ == "__main__":
    main()
