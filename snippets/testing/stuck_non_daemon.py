"""A non-daemon thread that never ends keeps its process alive after the main
thread is done; a watchdog that dumps every thread's stack and exits (what
pytest-timeout's thread method does) ends it."""

import subprocess
import sys

WAIT = 1.0  # seconds before the parent, or the watchdog, gives up

STUCK = """
import threading
never = threading.Event()
threading.Thread(target=never.wait, name="stuck").start()  # not a daemon
"""  # the main thread is done here; then Python waits for "stuck", forever

WITH_WATCHDOG = f"""{STUCK}
import faulthandler
faulthandler.dump_traceback_later({WAIT}, exit=True)  # dump stacks, then exit(1)
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
    except subprocess.TimeoutExpired:  # subprocess.run() has killed it
        return f"still running after {timeout:.2f} s, killed"
    stacks = proc.stderr.count("Thread 0x")
    return f"exited with status {proc.returncode}, {stacks} thread stacks dumped"


def main() -> None:
    print("stuck non-daemon thread:", run(STUCK, timeout=WAIT))
    # The watchdog ends the process; the long timeout is only a safety net.
    print("with a watchdog:        ", run(WITH_WATCHDOG, timeout=60))


if __name__ == "__main__":
    main()
