"""Pure-Python work: four jobs one after another, then each in a thread."""

import threading
import time


def count_down(n: int) -> None:
    while n > 0:  # pure Python: the thread needs the GIL for every step
        n -= 1


def main() -> None:
    jobs = [2_000_000] * 4

    start = time.perf_counter()
    for n in jobs:
        count_down(n)
    print(f"one after another: {time.perf_counter() - start:.2f} s")

    threads = [threading.Thread(target=count_down, args=(n,)) for n in jobs]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"each in a thread:  {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
