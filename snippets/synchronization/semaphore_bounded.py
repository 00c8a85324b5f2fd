"""One release() too many: what a Lock, a Semaphore and a BoundedSemaphore do."""

import threading
from collections.abc import Callable


def extra_release(release: Callable[[], None]) -> str:
    """Call release() on something nobody acquired; say what happened."""
    try:
        release()
    except (RuntimeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return "no error"


def free_slots(slots: threading.Semaphore) -> int:
    """Count the free slots by taking them without blocking, then give them back."""
    taken = 0
    while slots.acquire(blocking=False):
        taken += 1
    for _ in range(taken):
        slots.release()
    return taken


def main() -> None:
    lock = threading.Lock()
    lock.acquire()
    releaser = threading.Thread(target=lock.release)  # a Lock has no owner
    releaser.start()
    releaser.join()
    print(f"Lock acquired by main, released by another thread: {not lock.locked()}")

    plain = threading.Semaphore(2)
    bounded = threading.BoundedSemaphore(2)
    for name, release in [
        ("Lock()", lock.release),
        ("Semaphore(2)", plain.release),
        ("BoundedSemaphore(2)", bounded.release),
    ]:
        print(f"{name}, one release() too many: {extra_release(release)}")
    print(f"Semaphore(2) now has {free_slots(plain)} free slots")


if __name__ == "__main__":
    main()
