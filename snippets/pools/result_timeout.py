"""result(timeout=) stops the waiting; it does not stop the task."""

import concurrent.futures
import threading


def wait_for(started: threading.Event, go: threading.Event) -> str:
    started.set()
    go.wait()  # stands in for work that is slow to finish
    return "done"


def main() -> None:
    started, go = threading.Event(), threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(wait_for, started, go)
        started.wait()  # the task is now running
        try:
            future.result(timeout=0.05)
        except TimeoutError:  # concurrent.futures.TimeoutError is TimeoutError
            print("result(timeout=0.05) raised TimeoutError")
        print(f"done() is {future.done()}")
        print(f"cancel() on a running task returns {future.cancel()}")
        go.set()
        print(f"result() once the task finishes: {future.result()!r}")


if __name__ == "__main__":
    main()
