"""Behaviour the Daemons, join and stopping page promises."""

import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
from snippet_runner import (
    BROKEN_ON_PURPOSE,
    ROOT,
    SITEHOOK,
    THREAD_EXCEPTION_EXIT,
    run_snippet,
    snippet_output,
)

from snippets.lifecycle import (
    daemon_exit,
    daemon_flag,
    exception_collected,
    stop_event,
)

# --- daemon threads ----------------------------------------------------------


def test_non_daemon_thread_holds_up_exit_and_daemon_cleanup_never_runs(monkeypatch):
    monkeypatch.setenv("TIME_SCALE", "0.4")  # the non-daemon thread works 0.2 s
    status, out, seconds = daemon_exit.run_child("non-daemon")
    assert status == 0
    assert seconds >= 0.2, "the process did not wait for the non-daemon thread"
    assert out.splitlines()[-2:] == [
        "  non-daemon thread: finished its work",
        "  non-daemon thread: cleanup in finally",
    ]

    status, out, seconds = daemon_exit.run_child("daemon")
    assert status == 0
    assert seconds < 10, "the process waited for a daemon thread (it sleeps 60 s)"
    assert "daemon thread: working" in out
    assert "finished" not in out
    assert "finally" not in out, "a daemon thread's finally block ran at exit"


def test_daemon_flag_is_inherited_and_fixed_at_start():
    assert daemon_flag.created_by(daemon=True) is True
    assert daemon_flag.created_by(daemon=False) is False
    assert daemon_flag.set_daemon_after_start() == (
        "RuntimeError: cannot set daemon status of active thread"
    )
    t = threading.Thread(target=print)
    t.daemon = True  # allowed before start()
    assert t.daemon


# --- join() ------------------------------------------------------------------


def test_join_timeout_returns_none_and_misuse_raises():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, args=(10,))
    t.start()
    try:
        start = time.perf_counter()
        assert t.join(timeout=0.05) is None
        assert time.perf_counter() - start >= 0.05, "join(timeout) did not block"
        assert t.is_alive()
    finally:
        stop.set()
        assert t.join(timeout=5) is None
    assert not t.is_alive()
    with pytest.raises(RuntimeError, match="cannot join current thread"):
        threading.current_thread().join()
    with pytest.raises(RuntimeError, match="cannot join thread before it is started"):
        threading.Thread(target=print).join()
    assert snippet_output("lifecycle/join_timeout.py").stdout.splitlines()[:2] == [
        "join(timeout) returned None; is_alive() is True",
        "join(timeout) returned None; is_alive() is False",
    ]


# --- exceptions in threads ---------------------------------------------------


def test_lost_exception_is_printed_and_the_program_still_exits_0():
    name = "lifecycle/exception_lost.py"
    plain = run_snippet(name, allow_thread_exceptions=True)  # as plain Python runs it
    assert plain.returncode == 0
    assert "Exception in thread parser" in plain.stderr
    assert "ValueError: invalid literal for int()" in plain.stderr
    assert re.search(BROKEN_ON_PURPOSE[name], plain.stdout)
    # The runner's guard is what turns it into a failure.
    guarded = run_snippet(name, check=False)
    assert guarded.returncode == THREAD_EXCEPTION_EXIT


def test_excepthook_collects_every_exception():
    previous = threading.excepthook
    results, errors = exception_collected.parse_all(["1", "x", "2", "y", "3"])
    assert threading.excepthook is previous, "the hook was not restored"
    assert results == {"1": 1, "2": 2, "3": 3}
    assert sorted(errors) == ["'x'", "'y'"]
    assert all(isinstance(e, ValueError) for e in errors.values())


# --- stopping ----------------------------------------------------------------


def test_event_wait_stops_the_worker_at_once():
    """The worker polls every 60 s, yet stops within a fraction of a second."""
    stop, polled = threading.Event(), threading.Event()
    t = threading.Thread(target=stop_event.poller, args=(stop, polled, 60.0))
    t.start()
    start = time.perf_counter()
    stop.set()
    t.join(timeout=5)
    assert not t.is_alive(), "the worker did not stop"
    assert time.perf_counter() - start < 1, "wait(timeout) did not wake on set()"
    assert not polled.is_set(), "it did a round of work after stop was set"


# Start the snippet with Ctrl-C handled as in a terminal: a process started in
# the background can inherit SIGINT as ignored, and then Python keeps ignoring it.
RESTORE_CTRL_C = (
    "import runpy, signal, sys; "
    "signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def test_ctrl_c_stops_every_worker_cleanly():
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(SITEHOOK), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
        "TIME_SCALE": "1",  # the workers would run for 10 s
        "SNIPPET_HANG_TIMEOUT": "10",
    }
    path = str(ROOT / "snippets" / "lifecycle" / "ctrl_c.py")
    proc = subprocess.Popen(
        [sys.executable, "-c", RESTORE_CTRL_C, path],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = proc.stdout.readline()  # blocks until the workers are running
        assert ready.startswith("ready: 3 workers running"), ready
        start = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)
    finally:
        proc.kill()
        proc.wait(timeout=5)
    assert proc.returncode == 0, err
    assert time.perf_counter() - start < 3, "the workers did not stop promptly"
    assert out.splitlines() == [
        "main: Ctrl-C received, asking the workers to stop",
        "main: 3 of 3 workers stopped",
    ]
    assert "Traceback" not in err


def test_ctrl_c_program_ends_on_its_own_without_ctrl_c():
    assert snippet_output("lifecycle/ctrl_c.py").stdout.splitlines()[1:] == [
        "main: all work done",
        "main: 3 of 3 workers stopped",
    ]
