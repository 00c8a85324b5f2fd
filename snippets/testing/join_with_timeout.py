"""Give every blocking call a timeout, and check is_alive() after join(timeout)."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def join_or_fail(thread: threading.Thread, timeout: float) -> None:
    """Join `thread`, and raise if it is still running after `timeout` seconds."""
    thread.join(timeout)  # returns None whether or not the thread finished
    if thread.is_alive():
        raise AssertionError(f"{thread.name} still running after {timeout} s")


def main() -> None:
    stop = threading.Event()
    # The worker waits for a signal that main() has not sent yet: a stuck thread.
    worker = threading.Thread(target=stop.wait, args=(60,), name="worker")
    worker.start()
    result = worker.join(timeout=0.5 * TIME_SCALE)
    print(f"join(timeout) returned {result}; is_alive() is {worker.is_alive()}")
    try:
        join_or_fail(worker, timeout=0.5 * TIME_SCALE)
    except AssertionError as exc:
        print(f"join_or_fail: {exc}")
    stop.set()  # let the worker finish, then join it for real
    join_or_fail(worker, timeout=5)
    print(f"after stop.set(): is_alive() is {worker.is_alive()}")


if __name__ == "__main__":
    main()
