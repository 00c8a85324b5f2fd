"""Three runners warm up for different times; each starts as soon as it is ready."""

import threading
import time


def run_race(name: str, warm_up: float) -> None:
    time.sleep(warm_up)
    # One write per line: several threads may print at once.
    print(f"{name}: ready\n", end="")
    print(f"{name}: go\n", end="")


def main() -> None:
    runners = [
        threading.Thread(target=run_race, args=(name, warm_up))
        for name, warm_up in [("ada", 0.5), ("bo", 1.0), ("cy", 2.0)]
    ]
    for t in runners:
        t.start()
    for t in runners:
        t.join()


if __name__ == "__main__":
    main()
