"""A non-daemon thread stuck forever keeps its process from exiting; a watchdog
that dumps every stack and exits (what pytest-timeout's thread method does)
ends it."""

import os
import subprocess
import sys

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
WAIT = max(0.5, 2 * TIME_SCALE)  # not shorter: a Python must have time to start

STUCK = """
import threading
never = threading.Event()
threading.Thread(target=never.wait, name="stuck").start()  # not a daemon
print("main thread: done")
"""  # main() ends here, then shutdown waits for "stuck", which never ends

WATCHDOG = f"""
import faulthandler
faulthandler.dump_traceback_later({WAIT}, exit=True)  # dump stacks, then _exit(1)
"""


def run(program: str, timeout: float) -> str:
    """Run `program` in a new Python and say how it ended."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:  # subprocess.run() kills it
        return f"still running after {timeout:.2f} s, killed"
    stacks = proc.stderr.count("Thread 0x")
    return f"exited with status {proc.returncode}, {stacks} thread stacks dumped"


def main() -> None:
    print("stuck non-daemon thread:", run(STUCK, timeout=WAIT))
    # The watchdog ends the process; the long timeout is only a safety net.
    print("with a watchdog:        ", run(WATCHDOG + STUCK, timeout=60))


if __name__ == "__main__":
    main()
