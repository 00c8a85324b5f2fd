"""Three runners warm up for different times, then start together."""

import threading
import time


def run_race(name: str, warm_up: float, start_line: threading.Barrier) -> None:
    time.sleep(warm_up)
    # One write per line: several threads may print at once.
    print(f"{name}: ready\n", end="")
    start_line.wait()  # until all three runners are ready
    print(f"{name}: go\n", end="")


def main() -> None:
    runners_warm_up = [("ada", 0.5), ("bo", 1.0), ("cy", 2.0)]
    start_line = threading.Barrier(len(runners_warm_up))
    runners = [
        threading.Thread(target=run_race, args=(name, warm_up, start_line))
        for name, warm_up in runners_warm_up
    ]
    for t in runners:
        t.start()
    for t in runners:
        t.join()


if __name__ == "__main__":
    main()
