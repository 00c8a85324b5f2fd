"""Broken on purpose: an exception skips release(), and the lock stays held."""

import contextlib
import os
import threading
from collections.abc import Callable

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 0.5 * TIME_SCALE


def record_broken(lock: threading.Lock, ledger: list[int], amount: int) -> None:
    lock.acquire()
    if amount < 0:
        raise ValueError("amount must not be negative")  # leaves with the lock held
    ledger.append(amount)
    lock.release()


def record_fixed(lock: threading.Lock, ledger: list[int], amount: int) -> None:
    with lock:  # released on the way out, however the block is left
        if amount < 0:
            raise ValueError("amount must not be negative")
        ledger.append(amount)


Record = Callable[[threading.Lock, list[int], int], None]


def run(record: Record, timeout: float = TIMEOUT) -> bool:
    """Call record() with a bad amount, then report whether the lock is free."""
    lock = threading.Lock()
    ledger: list[int] = []
    with contextlib.suppress(ValueError):  # the caller handles the error...
        record(lock, ledger, -5)
    # ...and carries on. The next record() starts with acquire(). Would it get the lock?
    free = lock.acquire(timeout=timeout)
    if free:
        lock.release()
    return free


def main() -> None:
    if not run(record_broken):
        print(
            f"acquire() then release(): the lock is still held; acquire(timeout="
            f"{TIMEOUT:.2f}) gave up, and a plain acquire() would wait forever"
        )
    if run(record_fixed):
        print("with lock: the lock was released when the exception left the block")


if __name__ == "__main__":
    main()
