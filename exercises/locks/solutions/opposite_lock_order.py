"""Transfers between the same two accounts, in opposite directions at once."""

import threading
import time


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source: Account, target: Account, amount: int) -> None:
    # Every transfer takes the two locks in the same order, by account name,
    # whichever way the money goes: no thread can hold one and wait for it.
    first, second = sorted([source, target], key=lambda account: account.name)
    with first.lock:
        time.sleep(0.5)  # check the source account's limits with the bank
        with second.lock:
            source.balance -= amount
            target.balance += amount


def transfers(source: Account, target: Account, amount: int, times: int) -> None:
    for _ in range(times):
        transfer(source, target, amount)


def main() -> None:
    alice, bob = Account("alice", 100), Account("bob", 100)
    threads = [
        threading.Thread(target=transfers, args=(alice, bob, 10, 3)),
        threading.Thread(target=transfers, args=(bob, alice, 20, 3)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"alice: {alice.balance}")
    print(f"bob:   {bob.balance}")


if __name__ == "__main__":
    main()
