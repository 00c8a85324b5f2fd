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
    snippet_run,
)
from snippets.lifecycle import daemon_flag, exception_collected, stop_event

# --- daemon threads ----------------------------------------------------------


def test_exit_waits_for_the_non_daemon_thread_but_not_for_the_daemon_thread():
    # At this scale the non-daemon thread works 0.2 s and the daemon one 12 s.
    # What was printed shows what the exit waited for, with no clock: the
    # non-daemon thread finished, and the daemon thread printed nothing,
    # neither its work's end nor its finally.
    run = run_snippet("lifecycle/daemon_exit.py", time_scale="0.2")
    assert run.stdout.splitlines() == [
        "main: starting a non-daemon thread (1 s) and a daemon thread (60 s)",
        "non-daemon: done",
        "non-daemon: cleaning up",
    ]


def test_daemon_flag_is_inherited_and_fixed_at_start():
    assert daemon_flag.created_by(daemon=True) is True
    assert daemon_flag.created_by(daemon=False) is False
    assert threading.main_thread().daemon is False
    t = threading.Thread(target=print, args=("",), daemon=False)
    t.daemon = True  # allowed before start()
    t.daemon = False
    t.start()
    t.join()
    with pytest.raises(RuntimeError, match="cannot set daemon status of active"):
        t.daemon = True  # refused once started, even after the thread finished
    assert snippet_run("lifecycle/daemon_flag.py").stdout.splitlines()[-1] == (
        "setting daemon after start(): RuntimeError: "
        "cannot set daemon status of active thread"
    )


# --- stopping ----------------------------------------------------------------


def test_stop_event_wakes_the_worker_in_the_middle_of_its_pause(monkeypatch):
    """The poller pauses 60 s between checks, yet stops at once on set()."""
    checks = []
    monkeypatch.setattr(stop_event, "check_for_work", lambda: checks.append(1))
    stop = threading.Event()
    t = threading.Thread(target=stop_event.poller, args=(stop,))
    t.start()
    deadline = time.monotonic() + 5
    while not checks and time.monotonic() < deadline:  # now it is in wait(60)
        time.sleep(0.001)
    stop.set()
    t.join(timeout=30)  # half the 60 s pause: still alive means not woken
    assert not t.is_alive(), "wait(timeout) did not wake on set()"
    assert checks == [1], "it checked for work again after stop was set"


def test_stop_event_snippet_stops_promptly():
    # Event.wait(timeout) is not scaled by the runner: the pause is a real 60 s.
    out = snippet_run("lifecycle/stop_event.py").stdout
    assert out.splitlines()[:2] == [
        "main: asking the poller to stop",
        "poller: stop requested, closing connections",
    ]
    found = re.search(r"the poller stopped (\d+\.\d+) s later", out)
    assert found, out
    # Against the 60 s pause it would otherwise finish (not a speed budget):
    assert float(found[1]) < 60 / 2, "the poller was not woken by set()"


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
    assert snippet_run("lifecycle/join_timeout.py").stdout.splitlines()[:2] == [
        "join(timeout=0.5) returned None; is_alive() is True",
        "join(timeout=0.5) returned None; is_alive() is False",
    ]


# --- Ctrl-C ------------------------------------------------------------------

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
        "SNIPPET_TIME_SCALE": "1",  # real time: the workers would run for 10 s
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
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)
    finally:
        proc.kill()
        proc.wait(timeout=5)
    # The work is unfinished: the KeyboardInterrupt goes on after the clean-up,
    # and the process dies of SIGINT (a shell shows 130), within the 5 s.
    assert proc.returncode == -signal.SIGINT, err
    assert out.splitlines() == [
        "main: Ctrl-C received, asking the workers to stop",
        "main: 3 of 3 workers stopped",
    ]
    assert err.endswith("\nKeyboardInterrupt\n"), err


def test_ctrl_c_program_ends_on_its_own_without_ctrl_c():
    assert snippet_run("lifecycle/ctrl_c.py").stdout.splitlines()[1:] == [
        "main: all work done",
        "main: 3 of 3 workers stopped",
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


def test_the_hook_records_every_failure_as_text_before_join_returns():
    recorded: list[str] = []
    previous, saved = threading.excepthook, exception_collected.failures
    exception_collected.failures = recorded  # a fresh list for this test
    threading.excepthook = exception_collected.record_failure
    try:
        results: list[int] = []
        threads = [
            threading.Thread(
                target=exception_collected.parse_record, args=(r, results), name=r
            )
            for r in ["1", "x", "2", "y"]
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        got = list(recorded)  # read right after the joins
    finally:
        threading.excepthook = previous
        exception_collected.failures = saved
    assert sorted(results) == [1, 2]
    assert sorted(got) == [
        "x: ValueError: invalid literal for int() with base 10: 'x'",
        "y: ValueError: invalid literal for int() with base 10: 'y'",
    ]
    assert all(type(item) is str for item in got), "the hook kept more than text"


def test_collected_snippet_reports_both_failures_and_exits_0():
    run = snippet_run("lifecycle/exception_collected.py")  # exit 0, checked
    assert run.stderr == "", "the hook should replace the printed traceback"
    assert sorted(run.stdout.splitlines()) == [
        "failed: parse '': ValueError: invalid literal for int() with base 10: ''",
        "failed: parse '12x': ValueError: invalid literal for int() with base 10: "
        "'12x'",
        "parsed: [7, 12]",
    ]
