"""Force a lost update with a Barrier, or provoke one with sleep(0)."""

import threading
import time


class Counter:
    def __init__(self) -> None:
        self.value = 0


def increment_at_barrier(counter: Counter, barrier: threading.Barrier) -> None:
    seen = counter.value  # read...
    barrier.wait()  # ...both threads have now read the same value...
    counter.value = seen + 1  # ...so the second write overwrites the first


def lost_with_barrier() -> int:
    """Two increments with a Barrier between read and write: lost updates."""
    counter = Counter()
    # The timeout turns a missing thread into BrokenBarrierError, not a hang.
    barrier = threading.Barrier(2, timeout=5)
    threads = [
        threading.Thread(target=increment_at_barrier, args=(counter, barrier))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()  # cannot hang: the barrier's timeout bounds each thread
    return 2 - counter.value


def increment_with_sleep0(counter: Counter, times: int) -> None:
    for _ in range(times):
        seen = counter.value
        time.sleep(0)  # give up the rest of this thread's turn, between read and write
        counter.value = seen + 1


def lost_with_sleep0(n_threads: int = 4, times: int = 100) -> int:
    """n_threads x times increments with sleep(0) between read and write."""
    counter = Counter()
    threads = [
        threading.Thread(target=increment_with_sleep0, args=(counter, times))
        for _ in range(n_threads)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()  # each thread runs a fixed number of steps, then ends
    return n_threads * times - counter.value


def main() -> None:
    runs = 20
    barrier = sum(lost_with_barrier() == 1 for _ in range(runs))
    print(f"Barrier: lost exactly 1 of 2 updates in {barrier} of {runs} runs")
    sleep0_lost = [lost_with_sleep0() for _ in range(runs)]
    showed = sum(lost > 0 for lost in sleep0_lost)
    print(f"sleep(0): lost updates in {showed} of {runs} runs")


if __name__ == "__main__":
    main()
