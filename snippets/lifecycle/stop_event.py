"""Stop a worker thread with an Event: it stops as soon as the Event is set."""

import threading
import time

POLL_INTERVAL = 60.0  # seconds between two checks for new work


def check_for_work() -> None:
    time.sleep(0.5)  # ask a server for new orders, say


def poller(stop: threading.Event) -> None:
    while not stop.is_set():
        check_for_work()
        # Pause until the next check. wait() returns as soon as another thread
        # calls stop.set(), or after POLL_INTERVAL seconds if nobody does.
        stop.wait(timeout=POLL_INTERVAL)
    print("poller: stop requested, closing connections")


def main() -> None:
    stop = threading.Event()
    t = threading.Thread(target=poller, args=(stop,))
    t.start()
    time.sleep(2)  # the main thread's own work
    print("main: asking the poller to stop")
    asked = time.perf_counter()
    stop.set()
    t.join()
    print(f"main: the poller stopped {time.perf_counter() - asked:.2f} s later")


if __name__ == "__main__":
    main()
