"""A watcher thread checks a folder every second; the program never ends."""

import threading
import time


def watch(folder: str) -> None:
    checks = 0
    while True:
        time.sleep(1)  # look for new files in the folder
        checks += 1
    print(f"watcher: stopped after {checks} checks")


def main() -> None:
    watcher = threading.Thread(target=watch, args=("incoming/",))
    watcher.start()
    time.sleep(3)  # the main thread's own work
    print("main: work done, stopping the watcher")
    print("main: the watcher has stopped")


if __name__ == "__main__":
    main()
