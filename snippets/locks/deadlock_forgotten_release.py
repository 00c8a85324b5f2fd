"""Broken on purpose: an exception skips release(), and the lock stays held."""

import threading


class Ledger:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.amounts: list[int] = []


def record_broken(ledger: Ledger, amount: int) -> None:
    ledger.lock.acquire()
    if amount < 0:
        raise ValueError("amount must not be negative")  # leaves with the lock held
    ledger.amounts.append(amount)
    ledger.lock.release()


def record_fixed(ledger: Ledger, amount: int) -> None:
    with ledger.lock:  # released on the way out, however the block is left
        if amount < 0:
            raise ValueError("amount must not be negative")
        ledger.amounts.append(amount)


def main() -> None:
    for record in (record_broken, record_fixed):
        ledger = Ledger()
        try:
            record(ledger, -5)
        except ValueError as exc:  # the caller handles the error and carries on
            print(f"{record.__name__}(-5) raised ValueError: {exc}")
        # The next record() starts with acquire(). Would it get the lock? A plain
        # acquire() would wait forever if not: the timeout lets the demo say so.
        free = ledger.lock.acquire(timeout=0.1)
        print(f"  then acquire(timeout=0.1) returned {free}")
        if free:
            ledger.lock.release()


if __name__ == "__main__":
    main()
