"""join() blocks the caller; join(timeout) returns None either way."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def main() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait, args=(60,), name="worker")
    worker.start()

    returned = worker.join(timeout=0.5 * TIME_SCALE)  # gives up after 0.5 s
    print(f"join(timeout) returned {returned}; is_alive() is {worker.is_alive()}")

    stop.set()  # let the worker finish
    returned = worker.join(timeout=10)
    print(f"join(timeout) returned {returned}; is_alive() is {worker.is_alive()}")

    try:
        threading.current_thread().join()
    except RuntimeError as exc:
        print(f"joining the current thread: RuntimeError: {exc}")
    try:
        threading.Thread(target=print).join()
    except RuntimeError as exc:
        print(f"joining a thread never started: RuntimeError: {exc}")


if __name__ == "__main__":
    main()
