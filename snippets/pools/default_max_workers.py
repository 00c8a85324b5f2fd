"""The default max_workers of ThreadPoolExecutor, seen at work."""

import concurrent.futures
import os
import sys
import threading


def default_max_workers() -> int:
    """What ThreadPoolExecutor() uses when max_workers is not given."""
    if sys.version_info >= (3, 13):
        cpus = os.process_cpu_count()  # the CPUs this process may use
    else:
        cpus = os.cpu_count()  # all the CPUs of the machine
    return min(32, (cpus or 1) + 4)


def threads_used(tasks: int, width: int) -> int:
    """Run `tasks` tasks on a default pool, `width` at a time; count its threads."""
    # Each task waits until `width` tasks wait together: if the pool ran fewer
    # at once, the barrier would time out and result() would raise.
    barrier = threading.Barrier(width, timeout=10)
    names: set[str] = set()
    lock = threading.Lock()

    def task() -> None:
        with lock:
            names.add(threading.current_thread().name)
        barrier.wait()

    with concurrent.futures.ThreadPoolExecutor() as executor:
        for future in [executor.submit(task) for _ in range(tasks)]:
            future.result(timeout=20)
    return len(names)


def main() -> None:
    width = default_max_workers()
    print(f"default max_workers here: min(32, CPUs + 4) = {width}")
    used = threads_used(3 * width, width)
    print(f"{3 * width} tasks ran {width} at a time on {used} threads")


if __name__ == "__main__":
    main()
