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
        account.balance -= amount  # reserved: no other withdrawal can take it
    # Outside the lock, which is held for as short a time as possible: the
    # other withdrawals go on while the bank pays this one out.
    time.sleep(0.1)  # ask the bank to pay out
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
