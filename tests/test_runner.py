"""The shared runner must catch what plain `python` lets through."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from snippet_runner import SnippetFailed, run_snippet

THREAD_RAISES = """
import threading

def work() -> None:
    raise ValueError("boom in a worker")

def main() -> None:
    t = threading.Thread(target=work, name="worker")
    t.start()
    t.join()
    print("main finished")

if __name__ == "__main__":
    main()
"""

HANGS = """
import threading

def main() -> None:
    never = threading.Event()
    t = threading.Thread(target=never.wait, name="stuck-waiter")
    t.start()
    t.join()

if __name__ == "__main__":
    main()
"""


def test_plain_python_exits_0_when_a_thread_raises(write_program):
    """The reason the runner exists: this is what a reader's `python` does."""
    proc = subprocess.run(
        [sys.executable, write_program(THREAD_RAISES)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0
    assert "ValueError: boom in a worker" in proc.stderr


def test_runner_fails_when_a_thread_raises(write_program):
    with pytest.raises(SnippetFailed, match="raised an exception in a thread"):
        run_snippet(write_program(THREAD_RAISES))


def test_runner_can_allow_thread_exceptions_for_demos(write_program):
    run = run_snippet(write_program(THREAD_RAISES), allow_thread_exceptions=True)
    assert run.stdout == "main finished\n"
    assert "ValueError: boom in a worker" in run.stderr


def test_runner_fails_on_a_hang_and_dumps_every_thread(write_program):
    with pytest.raises(SnippetFailed, match="hung for 1 s") as info:
        run_snippet(write_program(HANGS), timeout=1)
    message = str(info.value)
    assert "in wait" in message  # the stuck thread's stack
    assert "in join" in message  # and the main thread


def test_runner_fails_on_a_non_zero_exit(write_program):
    with pytest.raises(SnippetFailed, match="exited with status 1"):
        run_snippet(write_program("raise SystemExit(1)\n"))


CHILD_HANGS = """
import os
import sys
import threading

def main() -> None:
    pid = os.fork()
    if pid == 0:  # the child waits forever, holding the output pipes open
        threading.Event().wait()
    print(f"child {pid}", flush=True)
    os.waitpid(pid, 0)

if __name__ == "__main__":
    main()
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux's /proc")
def test_runner_kills_what_a_hung_snippet_forked(write_program):
    """The parent's watchdog ends the parent; the runner ends the child too,
    and still hands back what was printed."""
    run = run_snippet(write_program(CHILD_HANGS), timeout=1, check=False)
    child = int(run.stdout.split()[1])
    assert "Timeout (" in run.stderr  # the parent's watchdog fired
    assert "snippet runner: killed after" in run.stderr
    deadline = time.monotonic() + 5  # SIGKILL is delivered, then the child exits
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not running(child), f"the forked child {child} outlived the snippet"


def running(pid: int) -> bool:
    """Whether `pid` is a live process: not gone, and not a zombie (a killed
    orphan that the machine's init has not reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
