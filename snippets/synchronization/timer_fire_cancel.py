"""A Timer calls a function once, after a delay, unless cancelled first."""

import threading
import time


def remind(what: str) -> None:
    print(f"reminder: {what}")


def main() -> None:
    timer = threading.Timer(2.0, remind, args=("stand up and stretch",))
    start = time.perf_counter()
    timer.start()  # the countdown starts now, in a new thread
    timer.join()  # a Timer is a Thread: join() waits until it has fired
    took = time.perf_counter() - start
    print(f"main: the 2 s timer fired after {took:.2f} s; daemon is {timer.daemon}")

    later = threading.Timer(60.0, remind, args=("this never prints",))
    later.start()
    later.cancel()  # still waiting, so it will never call remind()
    later.join()  # returns at once: the cancelled timer thread ends
    print(f"main: cancelled the 60 s timer; is_alive() is {later.is_alive()}")


if __name__ == "__main__":
    main()
