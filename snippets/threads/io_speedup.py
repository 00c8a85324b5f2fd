"""Measure I/O-bound work with 1 thread and with 8: the waits overlap."""

import os
import threading
import time
from collections.abc import Callable

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
JOBS = 8
WAIT = 0.25 * TIME_SCALE


def fake_request(job: int) -> None:
    time.sleep(WAIT)  # stands in for a network call: the thread waits, the GIL is free


def timed_run(work: Callable[[int], object], jobs: int, n_threads: int) -> float:
    """Share `jobs` calls of `work` among `n_threads` threads; return the seconds."""
    shares = [range(first, jobs, n_threads) for first in range(n_threads)]

    def run_share(share: range) -> None:
        for job in share:
            work(job)

    threads = [threading.Thread(target=run_share, args=(s,)) for s in shares]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def main() -> None:
    one = timed_run(fake_request, JOBS, n_threads=1)
    many = timed_run(fake_request, JOBS, n_threads=JOBS)
    print(f"{JOBS} requests, 1 thread:  {one:.2f} s")
    print(f"{JOBS} requests, {JOBS} threads: {many:.2f} s")
    print(f"speed-up: {one / many:.1f}x")


if __name__ == "__main__":
    main()
