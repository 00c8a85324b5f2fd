"""Fixed: every transfer locks the two accounts in one global order."""

import threading
import time


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source: Account, target: Account, amount: int) -> None:
    # One global order, whichever way the money goes: by account name.
    first, second = sorted((source, target), key=lambda account: account.name)
    with first.lock:
        time.sleep(0)  # let the other thread run while this one holds a lock
        with second.lock:
            source.balance -= amount
            target.balance += amount


def transfer_many(source: Account, target: Account, amount: int, times: int) -> None:
    for _ in range(times):
        transfer(source, target, amount)


def run(times: int = 100) -> dict[str, int]:
    """Transfer a -> b and b -> a at the same time; return the balances."""
    a, b = Account("a", 1000), Account("b", 1000)
    threads = [
        threading.Thread(target=transfer_many, args=(a, b, 3, times)),
        threading.Thread(target=transfer_many, args=(b, a, 1, times)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {a.name: a.balance, b.name: b.balance}


def main() -> None:
    print("a -> b: 100 transfers of 3, b -> a: 100 transfers of 1")
    print(f"balances: {run(100)}")


if __name__ == "__main__":
    main()
