"""Stop a worker cooperatively: it checks an Event between rounds of work."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
INTERVAL = 1.0 * TIME_SCALE  # how often the worker polls for new work


def poller(stop: threading.Event, polled: threading.Event, interval: float) -> None:
    # wait() returns False after `interval`, and True at once when stop is set
    while not stop.wait(timeout=interval):
        polled.set()  # one round of work: poll a server, flush a buffer...
    print("poller: stop requested, closing connections")


def main() -> None:
    stop = threading.Event()
    polled = threading.Event()
    t = threading.Thread(target=poller, args=(stop, polled, INTERVAL), name="poller")
    t.start()
    polled.wait(timeout=10)  # let it do one round of work
    print("main: asking the poller to stop")
    stop.set()
    t.join(timeout=10)
    print(f"main: poller stopped, is_alive() is {t.is_alive()}")


if __name__ == "__main__":
    main()
