"""Three threads work at once: the order of their lines varies from run to run."""

import random
import threading
import time


def work(name: str) -> None:
    for step in range(1, 3):
        time.sleep(random.uniform(0.1, 1.0))  # stands in for work of varying length
        print(f"{name}: step {step} done\n", end="")  # one write: a whole line


def main() -> None:
    threads = [threading.Thread(target=work, args=(name,)) for name in "ABC"]
    for t in threads:
        t.start()  # start them all first...
    for t in threads:
        t.join()  # ...then wait for each in turn
    print("main: all three finished")


if __name__ == "__main__":
    main()
