"""A Timer calls a function once, after a delay, unless cancelled first."""

import os
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
DELAY = 0.5 * TIME_SCALE


def fire_once(delay: float = DELAY) -> tuple[int, float, bool]:
    """Start a timer and wait for it; return calls, seconds taken, and daemon."""
    calls: list[float] = []
    fired = threading.Event()

    def remind() -> None:
        calls.append(time.perf_counter())
        fired.set()

    timer = threading.Timer(delay, remind)
    start = time.perf_counter()
    timer.start()
    if not fired.wait(timeout=10):
        raise RuntimeError("the timer never fired")
    timer.join(timeout=10)
    timer.cancel()  # too late: it has fired; cancel() does nothing now
    return len(calls), calls[0] - start, timer.daemon


def cancel_while_waiting(delay: float = 60) -> tuple[int, bool]:
    """Cancel a timer before it fires; return calls, and whether it is alive."""
    calls: list[str] = []
    timer = threading.Timer(delay, calls.append, args=("called",))
    timer.start()
    timer.cancel()  # the timer thread wakes at once and returns without calling
    timer.join(timeout=10)
    return len(calls), timer.is_alive()


def main() -> None:
    calls, took, daemon = fire_once()
    print(f"Timer is a Thread: {issubclass(threading.Timer, threading.Thread)}")
    print(f"fired {calls} time, {took:.2f} s after start() (delay {DELAY:.2f} s)")
    print(f"daemon is {daemon}: a pending timer keeps the program alive")
    calls, alive = cancel_while_waiting()
    print(f"cancelled while waiting: called {calls} times, is_alive() is {alive}")


if __name__ == "__main__":
    main()
