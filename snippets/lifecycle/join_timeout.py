"""join(timeout) returns None whether the thread finished or not."""

import threading


def main() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)  # runs until stop is set
    worker.start()

    returned = worker.join(timeout=0.5)  # gives up after 0.5 s
    print(f"join(timeout=0.5) returned {returned}; is_alive() is {worker.is_alive()}")

    stop.set()  # now the worker finishes
    returned = worker.join(timeout=0.5)
    print(f"join(timeout=0.5) returned {returned}; is_alive() is {worker.is_alive()}")

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
