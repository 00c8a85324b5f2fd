"""The same orders, recorded with dict.setdefault: nothing is lost."""

import threading
import time

CUSTOMERS = [f"customer-{n}" for n in range(1000)]


def record(orders: dict[str, list[str]], customer: str, order: str) -> None:
    # One atomic step: return the customer's list, inserting [] first if missing.
    customer_orders = orders.setdefault(customer, [])
    time.sleep(0)  # a thread switch here is harmless: the list is in the dict
    customer_orders.append(order)


def take_orders(
    orders: dict[str, list[str]], shop: str, opening: threading.Event
) -> None:
    opening.wait()  # both shops open at the same moment
    for customer in CUSTOMERS:
        time.sleep(0)  # waiting for the next order lets the other shop run
        record(orders, customer, f"{shop}: order for {customer}")


def run() -> dict[str, list[str]]:
    """Two shops record one order for each customer, into one dict."""
    orders: dict[str, list[str]] = {}
    opening = threading.Event()
    shops = [
        threading.Thread(target=take_orders, args=(orders, shop, opening))
        for shop in ("north", "south")
    ]
    for t in shops:
        t.start()
    opening.set()
    for t in shops:
        t.join()
    return orders


def main() -> None:
    orders = run()
    print(f"orders taken: {2 * len(CUSTOMERS)}")
    print(f"orders kept:  {sum(len(kept) for kept in orders.values())}")


if __name__ == "__main__":
    main()
