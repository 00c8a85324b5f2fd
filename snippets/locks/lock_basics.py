"""Two ways to hold a Lock: a with statement, or acquire() and release()."""

import threading


class Account:
    def __init__(self, balance: int = 0) -> None:
        self.balance = balance
        self.lock = threading.Lock()


def deposit(account: Account, amount: int) -> None:
    with account.lock:  # acquire() here; release() on the way out, even on error
        account.balance += amount


def withdraw(account: Account, amount: int) -> bool:
    account.lock.acquire()  # the same, spelled out
    try:
        if account.balance < amount:
            return False
        account.balance -= amount
        return True
    finally:
        account.lock.release()  # runs on return and on an exception alike


def run(threads: int = 4, rounds: int = 1000) -> int:
    """Each thread deposits 2 and withdraws 1, `rounds` times; return the balance."""
    account = Account()

    def worker() -> None:
        for _ in range(rounds):
            deposit(account, 2)
            withdraw(account, 1)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return account.balance


def main() -> None:
    print(f"balance = {run(4, 1000)} (expected {4 * 1000})")


if __name__ == "__main__":
    main()
