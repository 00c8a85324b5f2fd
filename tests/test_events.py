"""Behaviour the Events page promises."""

import threading
import time

from snippet_runner import snippet_run
from snippets.events import event_release_many


def test_the_flag_program_shows_wait_timeout_set_and_clear():
    lines = snippet_run("events/event_flag.py").stdout.splitlines()
    assert lines == [
        "new Event: is_set() is False",
        "wait(timeout=0.1) returned False",
        "after set(): is_set() is True",
        "wait() returned True at once: the flag stays set",
        "after clear(): is_set() is False",
        "wait(timeout=0.1) returned False again",
    ]


def test_wait_with_a_timeout_waits_that_long_then_returns_false():
    flag = threading.Event()
    start = time.monotonic()
    assert flag.wait(timeout=0.05) is False
    assert time.monotonic() - start >= 0.045


def test_nobody_passes_before_set_and_one_set_releases_every_waiter(capsys):
    go = threading.Event()
    runners = [
        threading.Thread(target=event_release_many.runner, args=(f"runner {n}", go))
        for n in range(8)
    ]
    for t in runners:
        t.start()
    assert go.wait(timeout=0.1) is False
    assert all(t.is_alive() for t in runners), "a runner passed before set()"
    go.set()  # once
    for t in runners:
        t.join(timeout=5)
    assert not any(t.is_alive() for t in runners)
    out = capsys.readouterr().out.splitlines()
    assert sorted(line for line in out if line.endswith("running")) == sorted(
        f"runner {n}: running" for n in range(8)
    )


def test_the_release_program_runs_every_runner_after_main_sets_the_flag():
    lines = snippet_run("events/event_release_many.py").stdout.splitlines()
    setting = lines.index("main: setting the flag")
    running = [n for n, line in enumerate(lines) if line.endswith(": running")]
    assert sorted(lines[n] for n in running) == [
        f"runner {n}: running" for n in range(3)
    ]
    assert min(running) > setting  # nobody ran before the flag was set
    assert lines[-1] == "main: all runners finished; is_set() is still True"


def test_set_then_clear_still_releases_threads_already_waiting():
    """wait() returns True if the flag was set after it started (bpo-13502),
    even if clear() came before the waiter woke up."""
    pulse = threading.Event()
    results: list[bool] = []
    waiters = [
        threading.Thread(target=lambda: results.append(pulse.wait(timeout=5)))
        for _ in range(3)
    ]
    for t in waiters:
        t.start()
    deadline = time.monotonic() + 5
    while len(pulse._cond._waiters) < 3 and time.monotonic() < deadline:
        time.sleep(0.001)  # until all three are inside wait()
    pulse.set()
    pulse.clear()
    for t in waiters:
        t.join(timeout=5)
    assert results == [True, True, True]


def test_a_pulse_is_missed_by_a_thread_that_comes_to_wait_later():
    pulse = threading.Event()
    pulse.set()
    pulse.clear()
    assert pulse.wait(timeout=0.05) is False
