"""A missing party or an abort() breaks a Barrier instead of hanging it."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
TIMEOUT = 0.5 * TIME_SCALE


def two_of_three(barrier: threading.Barrier, *, abort: bool) -> list[str]:
    """Two parties wait on a barrier for three; return what wait() did for each.

    With abort=True, main calls abort(), as the third party would on failing.
    """
    outcomes: list[str] = []  # list.append is thread-safe

    def party() -> None:
        try:
            barrier.wait()
            outcomes.append("released")
        except threading.BrokenBarrierError:
            outcomes.append("BrokenBarrierError")

    threads = [threading.Thread(target=party) for _ in range(2)]
    for t in threads:
        t.start()
    if abort:
        barrier.abort()  # every waiting party, and every later one, gets the error
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return sorted(outcomes)


def run(timeout: float = TIMEOUT) -> dict[str, list[str]]:
    missing = threading.Barrier(3, timeout=timeout)
    aborted = threading.Barrier(3, timeout=10)
    return {
        "third party never came": two_of_three(missing, abort=False),
        "third party called abort()": two_of_three(aborted, abort=True),
    }


def main() -> None:
    for case, outcomes in run().items():
        print(f"{case}: {outcomes}")


if __name__ == "__main__":
    main()
