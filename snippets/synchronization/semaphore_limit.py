"""A Semaphore lets at most `limit` threads use a resource at once."""

import os
import threading
import time
from collections.abc import Callable

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def download(task: int) -> None:
    time.sleep(0.1 * TIME_SCALE)  # stands in for a slow request to a server


def run(tasks: int = 6, limit: int = 2, work: Callable[[int], None] = download) -> int:
    """Run every task under the semaphore; return the peak concurrency."""
    slots = threading.Semaphore(limit)
    counting = threading.Lock()  # guards active and peak
    active = peak = 0

    def task(n: int) -> None:
        nonlocal active, peak
        with slots:  # acquire() waits while `limit` tasks hold a slot
            with counting:
                active += 1
                peak = max(peak, active)
            try:
                work(n)
            finally:
                with counting:
                    active -= 1

    threads = [threading.Thread(target=task, args=(n,)) for n in range(tasks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return peak


def main() -> None:
    tasks, limit = 6, 2
    peak = run(tasks, limit)
    if peak <= limit:
        print(f"{tasks} downloads done, never more than {limit} at once")
    else:
        print(f"the limit did not hold: {peak} at once")


if __name__ == "__main__":
    main()
