"""Two threads run at the same time, and their lines interleave."""

import random
import threading
import time


def work(name: str) -> None:
    for step in range(1, 4):
        time.sleep(random.uniform(0.1, 1.0))  # stands in for work of varying length
        print(f"{name}: step {step}\n", end="")  # one write, so the line stays whole


def main() -> None:
    a = threading.Thread(target=work, args=("A",))
    b = threading.Thread(target=work, args=("B",))
    a.start()  # work("A") now runs in a thread of its own...
    b.start()  # ...and so does work("B"), at the same time
    a.join()  # wait until A has finished
    b.join()  # and B
    print("both threads finished")


if __name__ == "__main__":
    main()
