"""Ctrl-C in a program with worker threads: stop them all, cleanly.

Run it and press Ctrl-C, or let the workers finish their work (10 s).
"""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
WORKERS = 3
ROUNDS = 20  # each round takes 0.5 s


def worker(stop: threading.Event) -> None:
    for _ in range(ROUNDS):
        if stop.wait(timeout=0.5 * TIME_SCALE):  # one round of work, or a stop
            return


def main() -> None:
    stop = threading.Event()
    threads = [
        threading.Thread(target=worker, args=(stop,), name=f"worker-{n}")
        for n in range(WORKERS)
    ]
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
    finally:
        stop.set()
        for t in threads:
            if t.is_alive():  # join() raises on a thread that never started
                t.join(timeout=10)
    alive = [t.name for t in threads if t.is_alive()]
    print(f"main: {WORKERS - len(alive)} of {WORKERS} workers stopped")


if __name__ == "__main__":
    main()
