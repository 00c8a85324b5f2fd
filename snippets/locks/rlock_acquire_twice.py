"""A thread acquires a lock it already holds: a Lock waits, an RLock lets it in."""

import threading


def main() -> None:
    lock = threading.Lock()
    with lock:
        # The holder asks again. A plain acquire() would wait forever: the only
        # thread that could release the lock is this one, and it is waiting.
        again = lock.acquire(timeout=0.1)
        print(f"Lock:  the holder's second acquire(timeout=0.1) returned {again}")

    rlock = threading.RLock()
    with rlock:
        again = rlock.acquire(timeout=0.1)
        print(f"RLock: the holder's second acquire(timeout=0.1) returned {again}")
        rlock.release()  # an RLock is released as many times as it was acquired


if __name__ == "__main__":
    main()
