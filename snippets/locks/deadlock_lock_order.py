"""Broken on purpose: two transfers lock the same two accounts in opposite orders."""

import threading


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(
    source: Account,
    target: Account,
    amount: int,
    patience: float,
    source_locked: threading.Event,
    target_locked: threading.Event,
) -> bool:
    """Lock the source, then the target, and move the money; False if it gave up."""
    name = f"{source.name} -> {target.name}"
    with source.lock:
        source_locked.set()
        target_locked.wait()  # makes the unlucky timing certain: both hold one lock
        # A plain acquire() would wait forever. With a timeout the transfer gives
        # up, and leaving the `with` block releases its first lock: that is how
        # this demo ends, and how a real program can back off and try again.
        if not target.lock.acquire(timeout=patience):
            print(f"{name}: gave up waiting for {target.name} after {patience} s")
            return False
        try:
            source.balance -= amount
            target.balance += amount
        finally:
            target.lock.release()
    print(f"{name}: got {target.name} too, done")
    return True


def run() -> dict[str, bool]:
    """Run both transfers at once; return, for each, whether it went through."""
    a, b = Account("a", 100), Account("b", 100)
    # One event per account, set once a transfer holds that account's lock.
    locked = {a: threading.Event(), b: threading.Event()}
    went_through: dict[str, bool] = {}

    def worker(source: Account, target: Account, amount: int, patience: float) -> None:
        went_through[f"{source.name} -> {target.name}"] = transfer(
            source, target, amount, patience, locked[source], locked[target]
        )

    # a -> b gives up first; b -> a waits longer, and gets the lock a -> b releases.
    threads = [
        threading.Thread(target=worker, args=(a, b, 30, 0.1), name="a -> b"),
        threading.Thread(target=worker, args=(b, a, 10, 1.0), name="b -> a"),
    ]
    for t in threads:
        t.start()
    for event in locked.values():
        event.wait()
    print("both transfers hold their first lock: a -> b holds a, b -> a holds b")
    for t in threads:
        t.join()
    return went_through


def main() -> None:
    run()


if __name__ == "__main__":
    main()
