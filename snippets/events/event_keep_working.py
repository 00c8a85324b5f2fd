"""A worker that keeps working until an Event tells it to stop."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TICK = 0.1 * TIME_SCALE


def worker(
    stop: threading.Event, warmed_up: threading.Event, rounds: list[int]
) -> None:
    done = 0
    # wait(TICK) pauses between rounds, but returns True at once when the flag
    # is set: a sleep that ends early. is_set() would check without pausing.
    while not stop.wait(timeout=TICK):
        done += 1  # one round of work
        if done == 3:
            warmed_up.set()
    rounds.append(done)


def run() -> tuple[int, bool]:
    """Let the worker do three rounds or more, then stop it.

    Return the number of rounds it did, and whether it is still alive.
    """
    stop, warmed_up = threading.Event(), threading.Event()
    rounds: list[int] = []
    t = threading.Thread(target=worker, args=(stop, warmed_up, rounds))
    t.start()
    if not warmed_up.wait(timeout=10):
        raise RuntimeError("the worker did not do three rounds")
    stop.set()
    t.join(timeout=10)
    return (rounds[0] if rounds else 0), t.is_alive()


def main() -> None:
    rounds, alive = run()
    print(f"worker: did {'3 rounds or more' if rounds >= 3 else 'too few rounds'}")
    print(f"main: set the event; the worker stopped, is_alive() is {alive}")


if __name__ == "__main__":
    main()
