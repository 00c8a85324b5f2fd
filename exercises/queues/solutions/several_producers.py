"""Three producers, two consumers, one queue; every order is saved once."""

import queue
import threading
import time

DONE = None  # the sentinel: "no more orders"


def take_orders(shop: int, orders: queue.Queue[str | None]) -> None:
    for n in range(1, 6):
        time.sleep(0.2 * shop)  # the shops take orders at different speeds
        orders.put(f"shop {shop} order {n}")


def save_orders(orders: queue.Queue[str | None], saved: list[str]) -> None:
    while (order := orders.get()) is not DONE:
        time.sleep(0.1)  # write it to the database
        saved.append(order)


def main() -> None:
    orders: queue.Queue[str | None] = queue.Queue()
    saved: list[str] = []
    producers = [
        threading.Thread(target=take_orders, args=(shop, orders)) for shop in (1, 2, 3)
    ]
    consumers = [
        threading.Thread(target=save_orders, args=(orders, saved)) for _ in range(2)
    ]
    for t in producers + consumers:
        t.start()
    for t in producers:
        t.join()  # every order is in the queue now
    for _ in consumers:
        orders.put(DONE)  # one sentinel per consumer, after the last order
    for t in consumers:
        t.join()
    print(f"saved {len(saved)} orders, {len(set(saved))} different")
    print(f"left in the queue: {orders.qsize()}")


if __name__ == "__main__":
    main()
