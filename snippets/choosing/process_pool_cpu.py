"""Processes: CPU-bound pure-Python work runs in parallel, one GIL per process."""

import concurrent.futures
import multiprocessing
import os


def count_primes(limit: int) -> tuple[int, int]:
    """Pure-Python CPU work: count the primes below `limit`; say which process."""
    count = sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))
    return count, os.getpid()


def main() -> None:
    limits = [10_000, 20_000, 30_000, 40_000]
    # "spawn" starts fresh interpreters, the default on Windows and macOS; the
    # function, its arguments and its result travel between processes pickled.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as executor:
        results = list(executor.map(count_primes, limits))
    for limit, (count, _) in zip(limits, results, strict=True):
        print(f"primes below {limit}: {count}")
    pids = {pid for _, pid in results}
    print(f"all ran outside the main process: {os.getpid() not in pids}")


if __name__ == "__main__":
    main()
