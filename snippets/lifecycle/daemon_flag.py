"""The daemon flag: inherited from the creating thread, fixed once started."""

import threading
import time


def create_thread(created: list[threading.Thread]) -> None:
    created.append(threading.Thread(target=print))  # created here, never started


def created_by(daemon: bool) -> bool:
    """Create a thread from a daemon or non-daemon thread; return its flag."""
    created: list[threading.Thread] = []
    creator = threading.Thread(target=create_thread, args=(created,), daemon=daemon)
    creator.start()
    creator.join()
    return created[0].daemon


def main() -> None:
    print(f"main thread: daemon={threading.main_thread().daemon}")
    print(f"thread created by a non-daemon thread: daemon={created_by(daemon=False)}")
    print(f"thread created by a daemon thread: daemon={created_by(daemon=True)}")

    t = threading.Thread(target=time.sleep, args=(1,))
    t.start()
    try:
        t.daemon = True
    except RuntimeError as exc:
        print(f"setting daemon after start(): RuntimeError: {exc}")
    t.join()


if __name__ == "__main__":
    main()
