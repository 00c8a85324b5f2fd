"""Ctrl-C in a program with worker threads: stop them all, cleanly.

Run it and press Ctrl-C, or let the workers finish their work (10 s).
"""

import threading
import time

WORKERS = 3
PIECES = 20  # pieces of work per worker, 0.5 s each


def worker(stop: threading.Event) -> None:
    for _ in range(PIECES):
        if stop.is_set():  # checked between two pieces of work
            return
        time.sleep(0.5)  # one piece of work


def main() -> None:
    stop = threading.Event()
    threads = [threading.Thread(target=worker, args=(stop,)) for _ in range(WORKERS)]
    try:  # from the first start(): a Ctrl-C may come at any moment
        for t in threads:
            t.start()
        print(f"ready: {WORKERS} workers running; Ctrl-C stops them", flush=True)
        while any(t.is_alive() for t in threads):
            for t in threads:
                t.join(timeout=0.1)  # short waits: Ctrl-C gets in between them
        print("main: all work done")
    except KeyboardInterrupt:  # raised in the main thread only
        print("main: Ctrl-C received, asking the workers to stop")
        raise  # once the clean-up below is done: the work is unfinished
    finally:
        stop.set()
        for t in threads:
            if t.is_alive():  # join() raises on a thread that never started
                # A deadline, so that one stuck worker cannot hang the exit.
                t.join(timeout=10)
        # ident is None for a thread that never started: it did not "stop".
        stopped = sum(t.ident is not None and not t.is_alive() for t in threads)
        print(f"main: {stopped} of {WORKERS} workers stopped")


if __name__ == "__main__":
    main()
