"""A missing party or an abort() breaks a Barrier instead of hanging it."""

import threading


def party(barrier: threading.Barrier, outcomes: list[str]) -> None:
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        outcomes.append("BrokenBarrierError")
    else:
        outcomes.append("released")


def two_of_three(barrier: threading.Barrier, *, abort: bool) -> list[str]:
    """Two parties come to a barrier for three; the third never does."""
    outcomes: list[str] = []  # list.append is thread-safe
    threads = [threading.Thread(target=party, args=(barrier, outcomes)) for _ in "ab"]
    for t in threads:
        t.start()
    if abort:
        barrier.abort()  # what the third party does when it fails
    for t in threads:
        t.join()
    return outcomes


def main() -> None:
    # The timeout is the lesson: without it, the two parties would wait forever.
    missing = threading.Barrier(3, timeout=0.5)
    outcomes = two_of_three(missing, abort=False)
    print(f"timeout: wait() raised {outcomes}; broken is {missing.broken}")
    failed = threading.Barrier(3)
    outcomes = two_of_three(failed, abort=True)
    print(f"abort(): wait() raised {outcomes}; broken is {failed.broken}")


if __name__ == "__main__":
    main()
