"""A tiny switch interval turns a rare race into a common one."""

import sys
import threading


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()  # only add_safely() uses it


def same(value: int) -> int:
    return value  # a call: the interpreter may switch threads here


def add_unsafely(counter: Counter, times: int) -> None:
    for _ in range(times):
        counter.value = same(counter.value) + 1  # read, (switch?), write


def add_safely(counter: Counter, times: int) -> None:
    for _ in range(times):
        with counter.lock:
            counter.value = same(counter.value) + 1


def lost_updates(locked: bool, n_threads: int = 4, times: int = 2_000) -> int:
    counter = Counter()
    target = add_safely if locked else add_unsafely
    threads = [
        threading.Thread(target=target, args=(counter, times)) for _ in range(n_threads)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()  # each thread runs a fixed number of steps, then ends
    return n_threads * times - counter.value


def share_that_lost(locked: bool, interval: float, runs: int = 20) -> float:
    """The share of `runs` runs that lost an update, at this switch interval."""
    before = sys.getswitchinterval()  # process-wide: restore it afterwards
    sys.setswitchinterval(interval)
    try:
        return sum(lost_updates(locked) > 0 for _ in range(runs)) / runs
    finally:
        sys.setswitchinterval(before)


def main() -> None:
    for interval in (0.005, 1e-6):  # 0.005 s is CPython's default
        unsafe = share_that_lost(locked=False, interval=interval)
        safe = share_that_lost(locked=True, interval=interval)
        print(f"switch interval {interval:g} s:")
        print(f"  unlocked: lost updates in {unsafe * 100:.0f} % of runs")
        print(f"  locked:   lost updates in {safe * 100:.0f} % of runs")


if __name__ == "__main__":
    main()
