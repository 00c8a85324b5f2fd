"""An Event is a flag: set() raises it, clear() lowers it, wait() waits for it."""

import threading


def main() -> None:
    ready = threading.Event()
    print(f"new Event: is_set() is {ready.is_set()}")
    # Nobody will set it: wait(timeout) gives up after 0.1 s and returns False.
    print(f"wait(timeout=0.1) returned {ready.wait(timeout=0.1)}")
    ready.set()
    print(f"after set(): is_set() is {ready.is_set()}")
    print(f"wait() returned {ready.wait()} at once: the flag stays set")
    ready.clear()
    print(f"after clear(): is_set() is {ready.is_set()}")
    print(f"wait(timeout=0.1) returned {ready.wait(timeout=0.1)} again")


if __name__ == "__main__":
    main()
