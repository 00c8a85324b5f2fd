"""In a test, bound every wait, and check is_alive() after join(timeout)."""

import threading


def join_or_fail(thread: threading.Thread, timeout: float) -> None:
    """Join `thread`; raise AssertionError if it still runs after `timeout` s."""
    thread.join(timeout)  # returns None whether or not the thread finished
    if thread.is_alive():
        raise AssertionError(f"{thread.name} still running after {timeout} s")


def main() -> None:
    stop = threading.Event()
    # A stuck thread: it waits for a signal that main() has not sent yet.
    worker = threading.Thread(target=stop.wait, name="worker")
    worker.start()
    try:
        result = worker.join(timeout=0.5)
        print(f"join(timeout) returned {result}; is_alive() is {worker.is_alive()}")
        try:
            join_or_fail(worker, timeout=0.5)
        except AssertionError as exc:
            print(f"join_or_fail: {exc}")
    finally:
        stop.set()  # release the worker, whatever happened above
    join_or_fail(worker, timeout=5)
    print(f"after stop.set(): is_alive() is {worker.is_alive()}")


if __name__ == "__main__":
    main()
