"""A producer takes five orders, a consumer saves them; the program never ends."""

import queue
import threading
import time


def take_orders(orders: queue.Queue[str]) -> None:
    for n in range(1, 6):
        time.sleep(0.5)  # a customer places an order
        orders.put(f"order {n}")


def save_orders(orders: queue.Queue[str]) -> None:
    saved = 0
    while True:
        order = orders.get()
        time.sleep(0.2)  # write it to the database
        saved += 1
        print(f"consumer: saved {order}\n", end="")
    print(f"consumer: saved {saved} orders in all\n", end="")


def main() -> None:
    orders: queue.Queue[str] = queue.Queue()
    producer = threading.Thread(target=take_orders, args=(orders,))
    consumer = threading.Thread(target=save_orders, args=(orders,))
    producer.start()
    consumer.start()
    producer.join()
    consumer.join()
    print("main: every order is saved")


if __name__ == "__main__":
    main()
