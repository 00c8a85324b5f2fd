"""Detect a thread that outlives the code that started it."""

import os
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def leaked_threads(
    before: set[threading.Thread], grace: float
) -> list[threading.Thread]:
    """Threads alive now that were not in `before`, polling for up to `grace` s."""
    deadline = time.monotonic() + grace
    while True:
        new = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not new or time.monotonic() >= deadline:
            return new
        time.sleep(0.01 * TIME_SCALE)


def start_poller(stop: threading.Event) -> None:
    """The code under test: it starts a thread and forgets to stop it."""

    def poll() -> None:
        while not stop.wait(timeout=0.1 * TIME_SCALE):
            pass  # poll something

    threading.Thread(target=poll, name="poller", daemon=True).start()


def main() -> None:
    before = set(threading.enumerate())
    stop = threading.Event()
    start_poller(stop)
    leaked = leaked_threads(before, grace=0.5 * TIME_SCALE)
    print("leaked:", [t.name for t in leaked])
    stop.set()  # the fix: stop the thread, then join it
    for t in leaked:
        t.join(timeout=5)
    print("after stop.set() and join():", [t.name for t in leaked_threads(before, 1)])


if __name__ == "__main__":
    main()
