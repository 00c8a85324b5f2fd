"""Behaviour the Threads page promises."""

import os
import re
import sys
import threading
import time

import pytest
from snippet_runner import snippet_output

from snippets.threads import (
    cpu_bound_speedup,
    io_bound_overlap,
    io_speedup,
    start_thread,
    thread_names,
    thread_subclass,
)


def test_start_thread_runs_download_in_a_named_thread(monkeypatch, capsys):
    monkeypatch.setattr(start_thread, "TIME_SCALE", 0)
    seen = []
    real = start_thread.download

    def spy(url, retries=1):
        seen.append((threading.current_thread().name, url, retries))
        real(url, retries)

    monkeypatch.setattr(start_thread, "download", spy)
    start_thread.main()
    assert seen == [("downloader", "https://example.com/data.csv", 3)]
    assert capsys.readouterr().out.endswith("is_alive() is False\n")


def test_waits_overlap_instead_of_adding_up(monkeypatch):
    """Three threads waiting 0.2 s each finish in well under 3 x 0.2 s."""
    run = snippet_output("threads/io_bound_overlap.py")
    assert run.stdout.startswith("['page 0', 'page 1', 'page 2']")
    # Measured directly, at a scale where thread start-up cost is negligible:
    monkeypatch.setattr(io_bound_overlap, "WAIT", 0.2)
    results: dict[int, str] = {}
    threads = [
        threading.Thread(target=io_bound_overlap.fetch, args=(n, results))
        for n in range(3)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    elapsed = time.perf_counter() - start
    assert not any(t.is_alive() for t in threads)
    assert elapsed < 2 * 0.2, f"the waits did not overlap: {elapsed:.2f} s"


# --- the GIL, measured -------------------------------------------------------


def gil_enabled() -> bool:
    return getattr(sys, "_is_gil_enabled", lambda: True)()


def test_io_bound_work_speeds_up_with_threads(monkeypatch):
    """Eight 50 ms waits: about 0.4 s in one thread, about 0.05 s in eight."""
    monkeypatch.setattr(io_speedup, "WAIT", 0.05)
    one = io_speedup.timed_run(io_speedup.fake_request, 8, n_threads=1)
    many = io_speedup.timed_run(io_speedup.fake_request, 8, n_threads=8)
    assert one >= 8 * 0.05, "one thread must do the waits one after the other"
    assert one / many > 3, f"waits did not overlap: {one:.3f} s vs {many:.3f} s"
    lines = snippet_output("threads/io_speedup.py").stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "8 requests, 1 thread",
        "8 requests, 8 threads",
        "speed-up",
    ]


def test_cpu_bound_speedup_is_what_this_build_allows():
    """With the GIL, 4 threads of pure-Python work keep at most one CPU busy.

    CPU seconds divided by wall-clock seconds is the number of CPUs the threads
    kept busy. Unlike a speed-up it does not grow when another program slows
    the one-thread run down, so the assertion holds on a loaded machine.
    """

    def work():
        cpu_bound_speedup.count_down(150_000)

    runs = [cpu_bound_speedup.timed_run(work, 4, n_threads=4) for _ in range(3)]
    busy = max(cpu / wall for wall, cpu in runs)
    if gil_enabled():
        # About 1.0: one thread at a time runs bytecode.
        assert busy < 1.5, f"{busy:.2f} CPUs busy with the GIL enabled"
    elif (os.cpu_count() or 1) >= 2:
        assert busy > 1.3, f"free-threaded build, but only {busy:.2f} CPUs busy"
    else:
        pytest.skip("free-threaded build on one CPU: no parallelism to measure")
    out = snippet_output("threads/cpu_bound_speedup.py").stdout
    assert re.search(r"4 jobs, 4 threads: \d+\.\d+ s, \d+\.\d CPUs busy\n", out)


# --- names, enumerate(), subclassing ----------------------------------------


def test_thread_names_and_enumerate():
    out = snippet_output("threads/thread_names.py").stdout.splitlines()
    assert out[0] == "before start(): 'Thread-1 (worker)' is_alive() is False"
    assert out[1] == "running: ['MainThread', 'Thread-1 (worker)', 'loader']"
    assert out[2:5] == [
        "while running: is_alive() is True",
        "after join(): is_alive() is False",
        "main() runs in 'MainThread'",
    ]
    # The default name is "Thread-<counter> (<target's name>)" since 3.10.
    t = threading.Thread(target=thread_names.worker)
    assert re.fullmatch(r"Thread-\d+ \(worker\)", t.name)
    assert re.fullmatch(r"Thread-\d+", threading.Thread().name)


def test_subclass_keeps_result_and_error():
    ok = thread_subclass.MeanSquare([1, 2, 3], "ok")
    empty = thread_subclass.MeanSquare([], "empty")
    for t in (ok, empty):
        t.start()
    for t in (ok, empty):
        t.join(timeout=5)
        assert not t.is_alive()
    assert (ok.result, ok.error) == (4, None)
    # Caught in run(), so threading.excepthook never saw it (pytest would
    # turn an unhandled thread exception into an error).
    assert empty.result is None
    assert isinstance(empty.error, ZeroDivisionError)
