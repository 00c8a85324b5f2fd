"""The workloads and timers of the "Measure it yourself" notebook.

They live in a module, not in the notebook, so that a process pool's workers
can import them (a function defined in a notebook cannot be sent to another
process under the "spawn" and "forkserver" start methods).
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

WORKERS = (1, 2, 4, 8, 16)
JOBS = 16  # every width divides the jobs evenly, so the ideal is exact


def sleep_job(seconds: float) -> float:
    """I/O-bound: the thread waits, as for a network reply; the GIL is free."""
    time.sleep(seconds)
    return seconds


def count_job(n: int) -> int:
    """CPU-bound pure Python: the thread needs the interpreter all the time."""
    total = 0
    for i in range(n):
        total += i % 7
    return total


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    return {
        "CPUs (os.cpu_count)": os.cpu_count(),
        "CPUs this process may use": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "free-threaded build": bool(
            __import__("sysconfig").get_config_var("Py_GIL_DISABLED")
        ),
        # sys._is_gil_enabled() is new in 3.13; before that the GIL is always on.
        "GIL enabled": getattr(sys, "_is_gil_enabled", lambda: True)(),
        "platform": platform.platform(terse=True),
    }


def process_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: fork() from a process that runs threads
    (a Jupyter kernel does) can deadlock; spawn everywhere else."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context(
        "forkserver" if "forkserver" in methods else "spawn"
    )


def timed_map(pool: Executor, job: Callable[[object], object], args: list) -> float:
    start = time.perf_counter()
    list(pool.map(job, args))
    return time.perf_counter() - start


def best_of(repeats: int, measure: Callable[[], float]) -> float:
    """The fastest of `repeats` runs: the one least disturbed by the machine."""
    return min(measure() for _ in range(repeats))


def with_threads(
    job: Callable, args: list, widths: Iterable[int] = WORKERS, repeats: int = 3
) -> dict[int, float]:
    """Seconds to run job(arg) for every arg, in a pool of n threads."""
    times = {}
    for n in widths:
        with ThreadPoolExecutor(max_workers=n) as pool:
            timed_map(pool, job, args[:n])  # warm up: start all n threads
            times[n] = best_of(repeats, lambda pool=pool: timed_map(pool, job, args))
    return times


def with_processes(
    job: Callable, args: list, widths: Iterable[int] = WORKERS, repeats: int = 3
) -> tuple[dict[int, float], dict[int, float]]:
    """Seconds to run the jobs in a pool of n processes, once the pool is up;
    and, separately, the seconds it took to start the n processes."""
    times, startup = {}, {}
    context = process_context()
    for n in widths:
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
            # One tiny job per process: every process started and imported us.
            list(pool.map(count_job, [1] * n, chunksize=1))
            startup[n] = time.perf_counter() - start
            times[n] = best_of(repeats, lambda pool=pool: timed_map(pool, job, args))
    return times, startup


def speedups(times: dict[int, float]) -> dict[int, float]:
    return {n: times[1] / t for n, t in times.items()}
