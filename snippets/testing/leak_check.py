"""Detect a thread that outlives the code that started it."""

import threading
import time


def leaked_threads(
    before: set[threading.Thread], grace: float
) -> list[threading.Thread]:
    """Threads alive now that were not in `before`, polling for up to `grace` s."""
    deadline = time.monotonic() + grace
    while True:
        new = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not new or time.monotonic() >= deadline:
            return new
        time.sleep(0.05)


def start_poller(stop: threading.Event) -> None:
    """The code under test: it starts a thread and forgets to stop it."""

    def poll() -> None:
        while not stop.wait(timeout=1.0):  # once a second, until stopped
            pass  # poll something

    threading.Thread(target=poll, name="poller", daemon=True).start()


def main() -> None:
    before = set(threading.enumerate())
    stop = threading.Event()
    start_poller(stop)
    print("leaked:", [t.name for t in leaked_threads(before, grace=0.5)])
    stop.set()  # the fix: stop the thread; the check waits for it to end
    print("after stop.set():", [t.name for t in leaked_threads(before, grace=2)])


if __name__ == "__main__":
    main()
