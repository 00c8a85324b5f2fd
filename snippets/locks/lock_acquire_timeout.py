"""acquire(timeout=...) gives up instead of waiting forever; locked() reports."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 0.5 * TIME_SCALE


def try_to_acquire(lock: threading.Lock, timeout: float, results: list[bool]) -> None:
    acquired = lock.acquire(timeout=timeout)  # True if we got it, False on timeout
    if acquired:
        lock.release()
    results.append(acquired)


def run(timeout: float = TIMEOUT) -> list[str]:
    lock = threading.Lock()
    lines = [f"before: locked() is {lock.locked()}"]
    results: list[bool] = []
    with lock:
        lines.append(f"main holds the lock: locked() is {lock.locked()}")
        worker = threading.Thread(target=try_to_acquire, args=(lock, timeout, results))
        worker.start()
        worker.join(timeout=10)  # the worker does not need the lock to finish
        if worker.is_alive():
            raise RuntimeError("the worker did not finish")
    lines.append(f"worker: acquire(timeout={timeout:.2f}) returned {results[0]}")
    lines.append(f"after: locked() is {lock.locked()}")
    lines.append(f"acquire(blocking=False) returned {lock.acquire(blocking=False)}")
    lock.release()
    return lines


def main() -> None:
    for line in run():
        print(line)


if __name__ == "__main__":
    main()
