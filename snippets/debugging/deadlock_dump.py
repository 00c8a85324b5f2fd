"""Broken on purpose: two threads deadlock, and the program shows where each waits."""

import faulthandler
import signal
import sys
import threading
import time
import traceback
from contextlib import AbstractContextManager

PATIENCE = 0.2  # seconds: a transfer takes microseconds, so this is plenty


def transfer(
    first: AbstractContextManager[bool],
    second: AbstractContextManager[bool],
    holding_first: threading.Event,
    other_holds_its_first: threading.Event,
) -> None:
    with first:
        holding_first.set()
        other_holds_its_first.wait()  # makes the deadlock certain: each holds one
        with second:  # waits forever: the other thread holds this lock
            print("never printed: both locks held")


def main() -> None:
    # A long-running program can do this at start-up: then `kill -USR1 <pid>`
    # dumps every thread's stack to stderr at any time (POSIX only).
    if hasattr(faulthandler, "register"):
        faulthandler.register(signal.SIGUSR1, all_threads=True)

    a, b = threading.Lock(), threading.Lock()
    a_held, b_held = threading.Event(), threading.Event()
    # Named, so that a stack dump says which thread is which; daemon threads,
    # so that the program can still exit while they are stuck.
    threads = [
        threading.Thread(
            target=transfer, args=(a, b, a_held, b_held), name="a->b", daemon=True
        ),
        threading.Thread(
            target=transfer, args=(b, a, b_held, a_held), name="b->a", daemon=True
        ),
    ]
    for t in threads:
        t.start()

    # Wait a while, not forever; then report what is stuck, and where.
    deadline = time.monotonic() + PATIENCE
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = {t.ident: t.name for t in threads if t.is_alive()}
    print(f"still running after {PATIENCE} s: {', '.join(stuck.values())}")
    for ident, frame in sys._current_frames().items():
        if ident in stuck:
            where = traceback.extract_stack(frame)[-1]  # the innermost frame
            print(f"{stuck[ident]} waits at line {where.lineno}: {where.line}")
    # Every thread's whole stack, to stderr (faulthandler writes it from C).
    faulthandler.dump_traceback(all_threads=True)


if __name__ == "__main__":
    main()
