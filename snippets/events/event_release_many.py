"""One set() releases every thread that waits on the Event."""

import threading
import time


def runner(name: str, go: threading.Event) -> None:
    print(f"{name}: waiting for the start signal\n", end="")
    go.wait()  # blocks until some thread calls go.set()
    print(f"{name}: running\n", end="")  # one write: the line stays whole


def main() -> None:
    go = threading.Event()
    runners = [
        threading.Thread(target=runner, args=(f"runner {n}", go)) for n in range(3)
    ]
    for t in runners:
        t.start()
    time.sleep(1)  # the runners get to their wait() (a later wait() returns at once)
    print("main: setting the flag\n", end="")
    go.set()  # one call wakes every waiting thread
    for t in runners:
        t.join()
    print(f"main: all runners finished; is_set() is still {go.is_set()}")


if __name__ == "__main__":
    main()
