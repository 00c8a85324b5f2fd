"""acquire(timeout=...) gives up instead of waiting forever; locked() reports."""

import threading


def main() -> None:
    lock = threading.Lock()

    def try_to_acquire() -> None:
        # Wait at most 0.1 s for the lock, then go on without it.
        acquired = lock.acquire(timeout=0.1)  # True if we got it, False if not
        print(f"worker: acquire(timeout=0.1) returned {acquired}")
        if acquired:
            lock.release()

    print(f"before: locked() is {lock.locked()}")
    with lock:
        print(f"main holds the lock: locked() is {lock.locked()}")
        worker = threading.Thread(target=try_to_acquire)
        worker.start()
        worker.join()  # the worker gives up after 0.1 s, without the lock
    print(f"after: locked() is {lock.locked()}")
    print(f"acquire(blocking=False) returned {lock.acquire(blocking=False)}")
    lock.release()


if __name__ == "__main__":
    main()
