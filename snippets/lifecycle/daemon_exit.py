"""The program waits for a non-daemon thread, but not for a daemon thread."""

import threading
import time


def work(name: str, seconds: float) -> None:
    try:
        time.sleep(seconds)  # the thread's work
        print(f"{name}: done")
    finally:
        print(f"{name}: cleaning up")


def main() -> None:
    print("main: starting a non-daemon thread (1 s) and a daemon thread (60 s)")
    threading.Thread(target=work, args=("non-daemon", 1)).start()
    threading.Thread(target=work, args=("daemon", 60), daemon=True).start()
    # main() returns here, without join()


if __name__ == "__main__":
    main()
