"""A non-daemon thread holds up exit; a daemon thread is stopped mid-work.

The demo runs itself twice in a child process (`python daemon_exit.py daemon`
and `... non-daemon`), so that you can see how each child exits.
"""

import os
import subprocess
import sys
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def worker(
    label: str, seconds: float, started: threading.Event, go_on: threading.Event
) -> None:
    try:
        print(f"  {label} thread: working", flush=True)
        started.set()
        go_on.wait(timeout=10)  # keeps the printed order the same on every run
        time.sleep(seconds)
        print(f"  {label} thread: finished its work", flush=True)
    finally:
        print(f"  {label} thread: cleanup in finally", flush=True)


def child(kind: str) -> None:
    """The program under test: start one thread and let main() return."""
    daemon = kind == "daemon"
    # The daemon thread would work for a minute: exit does not wait for it.
    seconds = 60.0 if daemon else 0.5 * TIME_SCALE
    started, go_on = threading.Event(), threading.Event()
    t = threading.Thread(
        target=worker, args=(kind, seconds, started, go_on), daemon=daemon
    )
    t.start()
    started.wait(timeout=10)
    print("  main thread: main() returns, no join()", flush=True)
    go_on.set()


def run_child(kind: str) -> tuple[int, str, float]:
    """Run this file as `python daemon_exit.py <kind>`; return what happened."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, kind],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return proc.returncode, proc.stdout, time.perf_counter() - start


def main() -> None:
    if len(sys.argv) > 1:  # we are the child process
        child(sys.argv[1])
        return
    for kind in ("non-daemon", "daemon"):
        status, output, seconds = run_child(kind)
        print(f"{kind} child exited with status {status} after {seconds:.2f} s:")
        print(output, end="")


if __name__ == "__main__":
    main()
