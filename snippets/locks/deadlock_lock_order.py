"""Broken on purpose: two threads take the same two locks in opposite orders."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 0.5 * TIME_SCALE


def take_both(
    first: threading.Lock,
    second: threading.Lock,
    both_hold_one: threading.Barrier,
    timeout: float,
) -> bool:
    """Return True if this thread got both locks, False if it gave up."""
    with first:
        # Make the unlucky timing certain: go on only when both threads hold
        # their first lock. (Without it, the deadlock happens only sometimes.)
        both_hold_one.wait()
        if not second.acquire(timeout=timeout):  # acquire() would wait forever
            return False  # give up; leaving `with first` releases the first lock
        second.release()
        return True


def run(timeout: float = TIMEOUT) -> dict[str, bool]:
    """Run the two threads; return, for each, whether it got both locks."""
    lock_a, lock_b = threading.Lock(), threading.Lock()
    both_hold_one = threading.Barrier(2, timeout=10)
    got_both: dict[str, bool] = {}

    def worker(name: str, first: threading.Lock, second: threading.Lock) -> None:
        got_both[name] = take_both(first, second, both_hold_one, timeout)

    threads = [
        threading.Thread(target=worker, args=("a then b", lock_a, lock_b)),
        threading.Thread(target=worker, args=("b then a", lock_b, lock_a)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return got_both


def main() -> None:
    got_both = run()
    if not all(got_both.values()):
        print(
            f"deadlock: each thread held one lock and waited for the other; "
            f"acquire(timeout={TIMEOUT:.2f}) gave up"
        )
    else:
        print("no deadlock this time")


if __name__ == "__main__":
    main()
