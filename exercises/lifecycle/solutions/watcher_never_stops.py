"""A watcher thread checks a folder every second, until it is asked to stop."""

import threading
import time


def watch(folder: str, stop: threading.Event) -> None:
    checks = 0
    while not stop.wait(1):  # wait 1 s, but wake up at once when stop is set
        checks += 1  # look for new files in the folder
    print(f"watcher: stopped after {checks} checks")


def main() -> None:
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=("incoming/", stop))
    watcher.start()
    time.sleep(3)  # the main thread's own work
    print("main: work done, stopping the watcher")
    stop.set()  # wakes the watcher's wait() at once
    watcher.join()
    print("main: the watcher has stopped")


if __name__ == "__main__":
    main()
