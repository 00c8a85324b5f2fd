"""Six downloads from a server that allows two at a time; all six start at once."""

import threading
import time

MAX_AT_ONCE = 2  # what the server allows


class Tally:
    """How many downloads are running now, and the most there ever were."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0


def download(name: str, tally: Tally) -> None:
    with tally.lock:
        tally.running += 1
        tally.most = max(tally.most, tally.running)
    time.sleep(3)  # the download
    with tally.lock:
        tally.running -= 1
    # One write per line: several threads may print at once.
    print(f"{name}: done\n", end="")


def main() -> None:
    tally = Tally()
    threads = [
        threading.Thread(target=download, args=(f"file {n}", tally))
        for n in range(1, 7)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"at most {tally.most} downloads ran at once")


if __name__ == "__main__":
    main()
