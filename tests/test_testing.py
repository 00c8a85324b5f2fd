"""Behaviour the Testing threaded code page promises."""

import inspect
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import Executor, ThreadPoolExecutor

import pytest

from snippet_runner import ROOT, gil_enabled, snippet_run
from snippets.testing import (
    forced_interleaving,
    gil_state,
    join_with_timeout,
    leak_check,
    stuck_non_daemon,
    switch_interval,
    thread_exceptions,
)


def test_join_or_fail_catches_a_thread_that_join_timeout_left_running():
    stop = threading.Event()
    stuck = threading.Thread(target=stop.wait, args=(10,), name="stuck")
    stuck.start()
    try:
        with pytest.raises(AssertionError, match=r"stuck still running after 0\.05 s"):
            join_with_timeout.join_or_fail(stuck, timeout=0.05)
    finally:
        stop.set()
    join_with_timeout.join_or_fail(stuck, timeout=5)  # finished: no error
    assert not stuck.is_alive()


def test_join_with_a_timeout_returns_none_whether_or_not_the_thread_finished():
    stop = threading.Event()
    stuck = threading.Thread(target=stop.wait)
    stuck.start()
    try:
        assert stuck.join(timeout=0.05) is None
        assert stuck.is_alive()
    finally:
        stop.set()
    assert stuck.join(timeout=5) is None
    assert not stuck.is_alive()


def test_queue_join_and_executor_shutdown_take_no_timeout():
    assert list(inspect.signature(queue.Queue.join).parameters) == ["self"]
    shutdown = inspect.signature(Executor.shutdown).parameters
    assert list(shutdown) == ["self", "wait", "cancel_futures"]
    assert shutdown["wait"].default is True


def still_blocked_after(block, seconds: float = 0.2) -> bool:
    """Run `block` in a thread; is it still running after `seconds`?"""
    t = threading.Thread(target=block)
    t.start()
    t.join(seconds)
    return t.is_alive()


def test_with_lock_waits_for_as_long_as_the_lock_is_held():
    lock = threading.Lock()
    entered = threading.Event()

    def enter() -> None:
        with lock:
            entered.set()

    lock.acquire()
    try:
        assert still_blocked_after(enter)
        assert not entered.is_set()
    finally:
        lock.release()
    assert entered.wait(timeout=5)


def test_the_end_of_a_with_thread_pool_block_waits_for_every_task():
    release = threading.Event()
    block_ended = threading.Event()

    def use_pool() -> None:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(release.wait)
        block_ended.set()

    try:
        assert still_blocked_after(use_pool)
        assert not block_ended.is_set()
    finally:
        release.set()
    assert block_ended.wait(timeout=5)


POOL_NEVER_SHUT_DOWN = """
import threading
from concurrent.futures import ThreadPoolExecutor
pool = ThreadPoolExecutor(max_workers=1)
pool.submit(threading.Event().wait)  # never shut down, never done
"""


def test_python_waits_at_exit_for_a_pool_that_was_never_shut_down():
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run(
            [sys.executable, "-c", POOL_NEVER_SHUT_DOWN],
            capture_output=True,
            timeout=1,
        )


def test_a_barrier_between_read_and_write_loses_one_update_every_time():
    assert [forced_interleaving.lost_with_barrier() for _ in range(10)] == [1] * 10


def test_sleep0_between_read_and_write_loses_updates():
    assert forced_interleaving.lost_with_sleep0() > 0


THREAD_RAISES = """
import threading

def test_worker_raises():
    t = threading.Thread(target=int, args=("12x",))
    t.start()
    t.join()
"""


def run_pytest(folder, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_pytest_only_warns_about_a_thread_exception_unless_told_to_fail(tmp_path):
    (tmp_path / "test_raises.py").write_text(THREAD_RAISES)
    plain = run_pytest(tmp_path)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "PytestUnhandledThreadExceptionWarning" in plain.stdout
    assert "1 passed, 1 warning" in plain.stdout
    strict = run_pytest(
        tmp_path, "-W", "error::pytest.PytestUnhandledThreadExceptionWarning"
    )
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert "1 failed" in strict.stdout


def test_excepthook_sees_the_thread_and_is_restored():
    before = threading.excepthook
    caught = thread_exceptions.caught_by_excepthook("12x")
    assert caught == [
        "ValueError in thread parser: invalid literal for int() with base 10: '12x'"
    ]
    assert threading.excepthook is before
    assert thread_exceptions.caught_by_excepthook("12") == []


def test_leaked_threads_finds_a_running_thread_and_only_while_it_runs():
    before = set(threading.enumerate())
    stop = threading.Event()
    leak_check.start_poller(stop)
    try:
        leaked = leak_check.leaked_threads(before, grace=0.05)
        assert [t.name for t in leaked] == ["poller"]
    finally:
        stop.set()
    assert leak_check.leaked_threads(before, grace=5) == []


LEAKY_TEST = """
import threading

def test_leaks():
    threading.Thread(target=threading.Event().wait, args=(30,), daemon=True).start()

def test_does_not_leak():
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join(timeout=5)
"""


def test_the_suites_leak_guard_fails_a_test_that_leaves_a_thread(tmp_path):
    """tests/conftest.py's autouse fixture, in a pytest run of its own."""
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_leaky.py").write_text(LEAKY_TEST)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        # The copied conftest imports the repository's packages.
        env={**os.environ, "THREAD_LEAK_GRACE": "0.2", "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "ERROR at teardown of test_leaks" in proc.stdout
    assert "left 1 thread(s) running" in proc.stdout
    assert "(daemon)" in proc.stdout
    assert "2 passed, 1 error" in proc.stdout


def test_a_tiny_switch_interval_exposes_the_unlocked_race():
    before = sys.getswitchinterval()
    deadline = time.monotonic() + 20
    lost = 0.0
    while lost == 0.0 and time.monotonic() < deadline:  # about 1 in 4 runs loses
        lost = switch_interval.share_that_lost(locked=False, interval=1e-6, runs=5)
    assert lost > 0, "no lost update in 20 s of runs at a 1 us switch interval"
    assert switch_interval.share_that_lost(locked=True, interval=1e-6) == 0
    assert sys.getswitchinterval() == before


def test_a_stuck_non_daemon_thread_keeps_a_process_alive_until_a_watchdog_ends_it():
    plain, watched = snippet_run("testing/stuck_non_daemon.py").stdout.splitlines()
    assert plain.endswith("killed")
    assert watched.endswith("exited with status 1, 2 thread stacks dumped")


def test_the_dumped_stacks_are_the_stuck_thread_and_the_main_thread_at_exit():
    proc = subprocess.run(
        [sys.executable, "-c", stuck_non_daemon.WITH_WATCHDOG],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    stacks = proc.stderr.split("Thread 0x")[1:]
    assert len(stacks) == 2, proc.stderr
    stuck, main = sorted(stacks, key=lambda stack: "in _shutdown" in stack)
    assert "in wait" in stuck, proc.stderr
    assert "in _shutdown" in main, proc.stderr


def test_the_default_switch_interval_is_5_ms():
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.getswitchinterval())"],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if not k.startswith("SNIPPET_")},
    )
    assert proc.stdout == "0.005\n"


def test_gil_state_says_what_the_running_interpreter_is():
    state = gil_state.gil_state()
    assert state.startswith(
        f"Python {sys.version_info.major}.{sys.version_info.minor},"
    )
    assert state.endswith("GIL enabled" if gil_enabled() else "GIL disabled")
