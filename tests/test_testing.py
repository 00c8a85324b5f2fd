"""Behaviour the Testing threaded code page promises."""

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
from snippet_runner import ROOT, snippet_output

from snippets.testing import (
    forced_interleaving,
    gil_state,
    join_with_timeout,
    leak_check,
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


def test_a_barrier_between_read_and_write_loses_one_update_every_time():
    assert [forced_interleaving.lost_with_barrier() for _ in range(10)] == [1] * 10


def test_sleep0_between_read_and_write_loses_updates():
    assert forced_interleaving.lost_with_sleep0() > 0


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
        env={**os.environ, "THREAD_LEAK_GRACE": "0.2"},
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
    plain, watched = snippet_output("testing/stuck_non_daemon.py").stdout.splitlines()
    assert plain.endswith("killed")
    assert watched.endswith("exited with status 1, 2 thread stacks dumped")


def test_gil_state_says_what_the_running_interpreter_is():
    state = gil_state.gil_state()
    assert state.startswith(
        f"Python {sys.version_info.major}.{sys.version_info.minor},"
    )
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    assert state.endswith("GIL enabled" if enabled else "GIL disabled")
