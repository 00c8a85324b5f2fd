"""The workloads and timers of the "Measure it yourself" notebook.

They live in a module, not in the notebook, so that a process pool's workers
can import them (a function defined in a notebook cannot be sent to another
process under the "spawn" and "forkserver" start methods).

The process pools run in a child `python -m threadviz.measure` process (see
with_processes()): a pool's workers import the main module of the process that
starts them, and the notebook, run as a script (`python measure.py`), has no
`if __name__ == "__main__":` guard; this module has one.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from snippet_runner import gil_enabled

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
        "GIL enabled": gil_enabled(),
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
            times[n] = best_of(repeats, functools.partial(timed_map, pool, job, args))
    return times


def with_processes(
    job: Callable, args: list, widths: Iterable[int] = WORKERS, repeats: int = 3
) -> tuple[dict[int, float], dict[int, float]]:
    """Seconds to run the jobs in a pool of n processes, once the pool is up;
    and, separately, the seconds it took to start the n processes.

    The pools run in a child `python -m threadviz.measure`, whose main module
    is this one: their workers import it again, and only `main()`, under the
    `__main__` guard, starts pools. The caller's main module (the notebook,
    when it runs as a script) is never imported again.
    """
    request = {
        "job": job.__name__,
        "args": args,
        "widths": list(widths),
        "repeats": repeats,
    }
    child = subprocess.run(
        [sys.executable, "-m", "threadviz.measure"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    if child.returncode != 0:
        raise RuntimeError(f"measuring process pools failed:\n{child.stderr}")
    times, startup = json.loads(child.stdout)
    return (
        {int(n): t for n, t in times.items()},
        {int(n): t for n, t in startup.items()},
    )


def _time_process_pools(
    job: Callable, args: list, widths: Iterable[int], repeats: int
) -> tuple[dict[int, float], dict[int, float]]:
    times, startup = {}, {}
    context = process_context()
    for n in widths:
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
            # One tiny job per process: every process started and imported us.
            list(pool.map(count_job, [1] * n, chunksize=1))
            startup[n] = time.perf_counter() - start
            times[n] = best_of(repeats, functools.partial(timed_map, pool, job, args))
    return times, startup


def spin(stop: threading.Event) -> None:
    """CPU-bound pure Python, until told to stop: it needs the GIL all the time."""
    while not stop.is_set():
        pass


def wake_up_delays(
    rounds: int,
    wait: float = 0.001,
    *,
    cpu_thread: bool = False,
    switch_interval: float | None = None,
) -> list[float]:
    """How late an I/O-bound thread runs again after each short blocking wait.

    A thread waits `wait` seconds in `time.sleep()`, which blocks in the
    kernel and releases the GIL as a socket read does, `rounds` times; each
    delay is the time the wait took minus `wait`. With cpu_thread=True another
    thread spins in pure Python meanwhile, so the waiting thread must get the
    GIL back from it each time it wakes. `switch_interval` sets
    sys.setswitchinterval() for the measurement, then restores it.
    """
    delays: list[float] = []

    def io_bound() -> None:
        for _ in range(rounds):
            start = time.perf_counter()
            time.sleep(wait)
            delays.append(time.perf_counter() - start - wait)

    old_interval = sys.getswitchinterval()
    stop = threading.Event()
    spinner = threading.Thread(target=spin, args=(stop,), name="cpu-bound")
    waiter = threading.Thread(target=io_bound, name="io-bound")
    try:
        if switch_interval is not None:
            sys.setswitchinterval(switch_interval)
        if cpu_thread:
            spinner.start()
        waiter.start()
        waiter.join()
    finally:
        stop.set()
        if spinner.ident is not None:  # it was started
            spinner.join()
        sys.setswitchinterval(old_interval)
    return delays


def median_and_p95(values: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile."""
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def speedups(times: dict[int, float]) -> dict[int, float]:
    return {n: times[1] / t for n, t in times.items()}


def main() -> None:
    """Time process pools as with_processes() asks on stdin, answer on stdout."""
    request = json.load(sys.stdin)
    job = {"count_job": count_job, "sleep_job": sleep_job}[request["job"]]
    json.dump(
        _time_process_pools(
            job, request["args"], request["widths"], request["repeats"]
        ),
        sys.stdout,
    )


if __name__ == "__main__":
    main()
