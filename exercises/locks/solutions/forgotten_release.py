"""Four withdrawals from one account; every path releases the lock."""

import threading
import time


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance
        self.lock = threading.Lock()


def withdraw(account: Account, amount: int) -> None:
    with account.lock:  # released however the block ends, return included
        if amount > account.balance:
            # One write per line: several threads may print at once.
            print(f"refused {amount}\n", end="")
            return
        time.sleep(0.1)  # ask the bank to pay out
        account.balance -= amount
        print(f"withdrew {amount}\n", end="")


def main() -> None:
    account = Account(100)
    threads = [
        threading.Thread(target=withdraw, args=(account, amount))
        for amount in [500, 60, 30, 40]
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"balance: {account.balance}")


if __name__ == "__main__":
    main()
