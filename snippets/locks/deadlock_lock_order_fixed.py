"""Fixed: every thread takes the locks in one global order."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 10  # seconds; with one lock order, only a bug makes a thread wait this long


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(
    source: Account, target: Account, amount: int, timeout: float = TIMEOUT
) -> None:
    # The global order: by account name. Both transfers lock "a" first.
    first, second = sorted((source, target), key=lambda account: account.name)
    if not first.lock.acquire(timeout=timeout):
        raise TimeoutError(f"could not lock {first.name}")
    try:
        if not second.lock.acquire(timeout=timeout):
            raise TimeoutError(f"could not lock {second.name}")
        try:
            source.balance -= amount
            target.balance += amount
        finally:
            second.lock.release()
    finally:
        first.lock.release()


def run(rounds: int = 100, timeout: float = TIMEOUT) -> dict[str, int]:
    """Transfer a -> b and b -> a at the same time; return the balances."""
    a, b = Account("a", 100), Account("b", 100)
    start = threading.Barrier(2, timeout=10)
    errors: list[Exception] = []

    def worker(source: Account, target: Account, amount: int) -> None:
        start.wait()  # both threads start transferring at the same moment
        try:
            for _ in range(rounds):
                transfer(source, target, amount, timeout)
        except TimeoutError as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=worker, args=(a, b, 3)),
        threading.Thread(target=worker, args=(b, a, 1)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    if errors:
        raise errors[0]
    return {a.name: a.balance, b.name: b.balance}


def main() -> None:
    rounds = 100
    balances = run(rounds)
    expected = {"a": 100 - 2 * rounds, "b": 100 + 2 * rounds}
    print(f"{2 * rounds} transfers, no deadlock: {balances} (expected {expected})")


if __name__ == "__main__":
    main()
