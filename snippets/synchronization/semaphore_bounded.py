"""An extra release(): Semaphore grows silently, BoundedSemaphore raises."""

import threading


def free_slots(slots: threading.Semaphore) -> int:
    """Count the slots by taking them without blocking, then give them back."""
    taken = 0
    while slots.acquire(blocking=False):
        taken += 1
    for _ in range(taken):
        slots.release()
    return taken


def run(limit: int = 2) -> tuple[int, str]:
    """Release each kind of semaphore once too often; report what happened."""
    plain = threading.Semaphore(limit)
    plain.release()  # a bug: nobody acquired this slot
    bounded = threading.BoundedSemaphore(limit)
    try:
        bounded.release()
        error = "no error"
    except ValueError as exc:
        error = f"ValueError: {exc}"
    return free_slots(plain), error


def main() -> None:
    limit = 2
    slots, error = run(limit)
    print(f"Semaphore({limit}) after an extra release(): {slots} free slots")
    print(f"BoundedSemaphore({limit}) on an extra release(): {error}")


if __name__ == "__main__":
    main()
