"""Measure CPU-bound pure-Python work with 1 thread and with 4.

On the default build, with the GIL, 4 threads are no faster than 1. Check your
build with sys._is_gil_enabled() (Python 3.13+).
"""

import os
import threading
import time
from collections.abc import Callable

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
JOBS = 4
LOOPS = max(10_000, int(3_000_000 * TIME_SCALE))  # tests shrink the work too
REPEATS = 3


def count_down(n: int) -> None:
    while n > 0:  # pure Python: the thread holds the GIL all the time it runs
        n -= 1


def timed_run(
    work: Callable[[], object], jobs: int, n_threads: int
) -> tuple[float, float]:
    """Share `jobs` calls of `work` among `n_threads` threads.

    Return the wall-clock seconds, and the CPU seconds that all the threads of
    this process used meanwhile.
    """
    shares = [len(range(first, jobs, n_threads)) for first in range(n_threads)]

    def run_share(count: int) -> None:
        for _ in range(count):
            work()

    threads = [threading.Thread(target=run_share, args=(c,)) for c in shares]
    start, cpu_start = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, time.process_time() - cpu_start


def best_run(
    work: Callable[[], object], jobs: int, n_threads: int
) -> tuple[float, float]:
    """The fastest of REPEATS runs: the one least disturbed by other programs."""
    return min(timed_run(work, jobs, n_threads) for _ in range(REPEATS))


def main() -> None:
    def work() -> None:
        count_down(LOOPS)

    one, _ = best_run(work, JOBS, n_threads=1)
    many, cpu = best_run(work, JOBS, n_threads=JOBS)
    print(f"{JOBS} jobs, 1 thread:  {one:.2f} s")
    print(f"{JOBS} jobs, {JOBS} threads: {many:.2f} s, {cpu / many:.1f} CPUs busy")
    print(f"speed-up: {one / many:.1f}x")


if __name__ == "__main__":
    main()
