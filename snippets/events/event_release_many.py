"""One Event releases every thread that waits on it."""

import os
import threading

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def runner(
    name: str,
    ready: threading.Barrier,
    go: threading.Event,
    released: list[str],
) -> None:
    ready.wait()  # every runner is at the start line
    if go.wait(timeout=10):  # blocks until the flag is set (or the timeout passes)
        released.append(name)


def run(runners: int = 3) -> tuple[bool, list[str]]:
    """Return what an early wait(timeout) returned, and who was released."""
    go = threading.Event()
    ready = threading.Barrier(runners + 1, timeout=10)  # the runners and main
    released: list[str] = []
    threads = [
        threading.Thread(target=runner, args=(f"runner {n}", ready, go, released))
        for n in range(runners)
    ]
    for t in threads:
        t.start()
    ready.wait()
    early = go.wait(timeout=0.05 * TIME_SCALE)  # False: nobody has set the flag
    go.set()  # one call wakes every waiting thread
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return early, sorted(released)


def main() -> None:
    early, released = run(3)
    print(f"before set(): wait(timeout=...) returned {early}")
    print(f"after one set(): {len(released)} runners released: {released}")


if __name__ == "__main__":
    main()
