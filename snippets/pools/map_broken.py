"""BROKEN ON PURPOSE: the note's executor.map() call. Every task fails, silently.

thread_function takes two parameters, but map() is given one iterable, so each
call is thread_function(n): a TypeError. The results are never read, so no one
sees it, and the `with` block ends normally.
"""

import concurrent.futures
import contextlib
import io
import os
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast

ran: list[tuple[int, int]] = []  # every call that got as far as the body
lock = threading.Lock()


def thread_function(param1: int, param2: int) -> None:  # the note's function
    with lock:
        ran.append((param1, param2))
    time.sleep(2 * TIME_SCALE)


def what_map_hid() -> list[str]:
    """Make the calls map() made, thread_function(0) to (2), and read each outcome."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(thread_function, n) for n in range(3)]
    return [f"{type(f.exception()).__name__}: {f.exception()}" for f in futures]


def main() -> None:
    with (
        contextlib.redirect_stderr(io.StringIO()) as stderr,  # catch any report
        concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor,
    ):
        executor.map(thread_function, range(3))  # BUG: see the docstring
    print(f"the with block ended normally; thread_function ran {len(ran)} times")
    print(f"printed to stderr meanwhile: {stderr.getvalue()!r}")
    print("what the three calls raised:")
    for n, outcome in enumerate(what_map_hid()):
        print(f"  thread_function({n}) -> {outcome}")


if __name__ == "__main__":
    main()
