"""The daemon flag: inherited from the creating thread, fixed once started."""

import threading


def make_thread(made: list[threading.Thread]) -> None:
    made.append(threading.Thread(target=print))  # created here, never started


def created_by(daemon: bool) -> bool:
    """Create a thread from a (daemon or not) thread; return the new one's flag."""
    made: list[threading.Thread] = []
    creator = threading.Thread(target=make_thread, args=(made,), daemon=daemon)
    creator.start()
    creator.join(timeout=10)
    return made[0].daemon


def set_daemon_after_start() -> str:
    go = threading.Event()
    t = threading.Thread(target=go.wait, args=(10,))  # runs until go is set
    t.start()
    try:
        t.daemon = True
    except RuntimeError as exc:
        return f"RuntimeError: {exc}"
    finally:
        go.set()
        t.join(timeout=10)
    return "no error"


def main() -> None:
    print(f"main thread: daemon={threading.main_thread().daemon}")
    print(f"thread created by a non-daemon thread: daemon={created_by(daemon=False)}")
    print(f"thread created by a daemon thread: daemon={created_by(daemon=True)}")
    print(f"setting daemon after start(): {set_daemon_after_start()}")


if __name__ == "__main__":
    main()
