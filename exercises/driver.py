"""Run a reader's answer as `__main__`, with uneven sleeps.

The checker runs this file through the shared runner (so the runner's guards
and sleep scaling apply), with the answer's path in EXERCISE_ANSWER and a
pattern number in EXERCISE_SLEEP_PATTERN. Each thread's `time.sleep()` is then
stretched or shrunk by a factor that depends on the pattern and on the order
in which the thread was started (the main thread is 0):

    pattern 0: the main thread's sleeps 4x shorter, every other thread's 4x longer
    pattern 1: the other way round
    pattern 2: threads started 1st, 3rd, 5th... 4x shorter, the others 4x longer
    pattern 3: the other way round

A program that coordinates its threads (join, Event, Queue, Barrier...) does
the same thing under every pattern; one that relies on a sleep lasting long
enough does not.

It also writes one line to stderr for each exception that escapes a thread
(the checker's way to name the thread and the error).
"""

import itertools
import os
import runpy
import sys
import threading
import time

SHORTER, LONGER = 0.25, 4.0


def factor(pattern: int, index: int) -> float:
    """How much longer the sleeps of the thread started `index`-th last."""
    pattern %= 4
    if pattern < 2:
        first, other = (SHORTER, LONGER) if pattern == 0 else (LONGER, SHORTER)
        return first if index == 0 else other
    odd, even = (SHORTER, LONGER) if pattern == 2 else (LONGER, SHORTER)
    return 1.0 if index == 0 else odd if index % 2 else even


def main() -> None:
    answer = os.environ["EXERCISE_ANSWER"]
    pattern = int(os.environ["EXERCISE_SLEEP_PATTERN"])
    started = itertools.count(1)
    index: dict[int, int] = {}  # Thread identity -> start order
    real_start = threading.Thread.start
    real_sleep = time.sleep

    def start(self: threading.Thread) -> None:
        index[id(self)] = next(started)
        real_start(self)

    def sleep(seconds: float) -> None:
        me = threading.current_thread()
        real_sleep(seconds * factor(pattern, index.get(id(me), 0)))

    runner_hook = threading.excepthook

    def report(args: threading.ExceptHookArgs) -> None:
        """Name the thread and its error in one write: two threads' tracebacks,
        printed at once, can mix their lines, and the checker reads this."""
        name = args.thread.name if args.thread else "?"
        sys.stderr.write(
            f"exercise driver: thread {name} raised "
            f"{args.exc_type.__name__}: {args.exc_value}\n"
        )
        runner_hook(args)

    threading.excepthook = report
    threading.Thread.start = start  # type: ignore[method-assign]
    time.sleep = sleep  # type: ignore[assignment]
    sys.argv = [answer]
    sys.path[0] = os.path.dirname(answer)
    runpy.run_path(answer, run_name="__main__")


if __name__ == "__main__":
    main()
