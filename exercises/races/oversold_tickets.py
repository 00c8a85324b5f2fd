"""Four ticket desks sell the seats of one small concert, and sell too many."""

import threading
import time


class BoxOffice:
    def __init__(self, seats: int) -> None:
        self.seats = seats
        self.left = seats
        self.sold: list[str] = []


def sell(office: BoxOffice, desk: str, customers: int) -> None:
    for n in range(customers):
        if office.left > 0:
            time.sleep(0.01)  # take the customer's payment
            office.left -= 1
            office.sold.append(f"{desk}-{n}")


def main() -> None:
    office = BoxOffice(seats=10)
    desks = [
        threading.Thread(target=sell, args=(office, f"desk {d}", 5)) for d in range(4)
    ]
    for t in desks:
        t.start()
    for t in desks:
        t.join()
    print(f"seats: {office.seats}")
    print(f"sold:  {len(office.sold)}")
    print(f"left:  {office.left}")


if __name__ == "__main__":
    main()
