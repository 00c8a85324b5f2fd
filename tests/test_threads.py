"""Behaviour the home page and the Threads page promise."""

import os
import re
import subprocess
import sys
import threading
import time
import types
from collections import Counter

import pytest

from snippet_runner import gil_enabled, run_snippet, snippet_run
from snippets.threads import (
    cpu_bound_speedup,
    io_bound_overlap,
    start_thread,
    thread_names,
    thread_subclass,
)


def lines_of(name: str) -> list[str]:
    return snippet_run(name).stdout.splitlines()


def each_threads_own_lines(lines: list[str]) -> dict[str, list[str]]:
    """'A: step 1' -> {'A': ['step 1', ...]}, in the order printed."""
    own: dict[str, list[str]] = {}
    for line in lines:
        who, _, what = line.partition(": ")
        own.setdefault(who, []).append(what)
    return own


# --- the home page: two threads whose lines interleave ------------------------


def test_two_threads_print_every_line_in_some_order():
    lines = lines_of("index/two_threads.py")
    expected = [f"{who}: step {n}" for who in "AB" for n in (1, 2, 3)]
    assert Counter(lines[:-1]) == Counter(expected)
    assert lines[-1] == "both threads finished", "join() waits for both threads"
    # Each thread's own steps come in order, whatever the interleaving.
    assert each_threads_own_lines(lines[:-1]) == {
        "A": ["step 1", "step 2", "step 3"],
        "B": ["step 1", "step 2", "step 3"],
    }


@pytest.mark.parametrize("name", ["index/two_threads.py", "threads/several_threads.py"])
def test_run_it_twice_the_order_changes(name):
    """The pages say the order changes from run to run: over six runs it does."""
    orders = {run_snippet(name).stdout for _ in range(6)}
    assert len(orders) > 1, "six runs printed the same order"


# --- starting and joining -----------------------------------------------------


def test_start_thread_runs_download_in_a_named_thread(monkeypatch, capsys):
    no_wait = types.SimpleNamespace(sleep=lambda seconds: None)
    monkeypatch.setattr(start_thread, "time", no_wait)
    seen = []
    real = start_thread.download

    def spy(url, retries=1):
        seen.append((threading.current_thread().name, url, retries))
        real(url, retries)

    monkeypatch.setattr(start_thread, "download", spy)
    start_thread.main()
    assert seen == [("downloader", "https://example.com/data.csv", 3)]
    assert capsys.readouterr().out.endswith("is_alive() is False\n")


def test_args_without_its_comma_is_a_string():
    """The common-mistake box: ("abc") is a str, so the target gets 3 args."""
    got = []
    t = threading.Thread(target=lambda *args: got.append(args), args=("abc"))
    t.start()
    t.join()
    assert got == [("a", "b", "c")]


def test_thread_state_table():
    """Each cell of the table "A thread's life"."""
    release = threading.Event()
    t = threading.Thread(target=release.wait)
    # Created
    assert (t.is_alive(), t.ident) == (False, None)
    with pytest.raises(RuntimeError):
        t.join()
    # Started, running or blocked
    t.start()
    try:
        assert t.is_alive()
        assert isinstance(t.ident, int)
        assert t.ident != 0
        with pytest.raises(RuntimeError):
            t.start()  # a thread starts only once
        t.join(timeout=0.05)  # blocks until finished, here until the timeout
        assert t.is_alive()
    finally:
        release.set()
    t.join()
    # Finished
    ident = t.ident
    assert not t.is_alive()
    assert t.ident == ident is not None, "ident is kept after the end"
    t.join()
    t.join()  # returns at once, every time (a join that blocked would hang)
    with pytest.raises(RuntimeError):
        t.start()

    errors = []

    def join_self():
        try:
            threading.current_thread().join()
        except RuntimeError as exc:
            errors.append(exc)

    me = threading.Thread(target=join_self)
    me.start()
    me.join()
    assert len(errors) == 1, "a thread that joins itself gets a RuntimeError"


# --- several threads: the order varies ----------------------------------------


def test_several_threads_print_every_line_in_some_order():
    lines = lines_of("threads/several_threads.py")
    expected = [f"{who}: step {n} done" for who in "ABC" for n in (1, 2)]
    assert Counter(lines[:-1]) == Counter(expected)
    assert lines[-1] == "main: all three finished"
    assert each_threads_own_lines(lines[:-1]) == {
        who: ["step 1 done", "step 2 done"] for who in "ABC"
    }


# --- waits that overlap ---------------------------------------------------------


def seconds(line: str) -> float:
    return float(re.fullmatch(r"[a-z ]+: +(\d+\.\d+) s", line).group(1))


def test_waits_overlap_in_threads(monkeypatch, capsys):
    """Both times come from the same run of main(): three waits in threads
    take about the time of one, one after another three times as long. The
    best of three runs counts, so that a stall of a busy machine in one of
    them cannot fail the test."""
    from threadviz.scenarios import scaled_time

    wait = 0.05  # each one-second sleep, shortened: long enough to measure well
    monkeypatch.setattr(io_bound_overlap, "time", scaled_time(wait))
    ratios = []
    for _ in range(3):
        io_bound_overlap.main()
        sequential, threaded = map(seconds, capsys.readouterr().out.splitlines())
        assert sequential >= 3 * wait * 0.95, "three sleeps in a row take 3 waits"
        assert threaded >= wait * 0.95
        ratios.append(sequential / threaded)
        if ratios[-1] > 2:
            break
    assert max(ratios) > 2, f"no overlap: sequential/threaded was {ratios}"
    labels = [line.split(":")[0] for line in lines_of("threads/io_bound_overlap.py")]
    assert labels == ["one after another", "each in a thread"]


def test_timeline_of_overlapping_waits():
    """The recorded chart on the page shows what the prose says."""
    from threadviz import scenarios
    from threadviz.recorder import RUNNING

    s = scenarios.run("io-overlap")
    runs = s.timeline.intervals_in(RUNNING)
    one = next(i for i in runs if i.thread == "one after another")
    pages = [i for i in runs if i.thread.startswith("page ")]
    assert len(pages) == len(scenarios.IO_PAGES) == 3
    assert all(one.end <= p.start for p in pages), "sequential first, then threads"
    assert max(p.start for p in pages) < min(p.end for p in pages), "all overlap"
    # How much shorter the threads' window is than the sequential run is left
    # to test_waits_overlap_in_threads: one recording is too few to compare
    # durations on a busy machine (thread start-up there can take a wait's time).


# --- the GIL ------------------------------------------------------------------


def test_cpu_bound_threads_keep_one_cpu_busy_with_the_gil():
    """With the GIL, 4 threads of pure-Python work keep at most one CPU busy.

    CPU seconds divided by wall-clock seconds is the number of CPUs the threads
    kept busy. Unlike a speed-up it does not grow when another program slows
    the one-thread run down, so the assertion holds on a loaded machine.
    """

    def busy_cpus() -> float:
        threads = [
            threading.Thread(target=cpu_bound_speedup.count_down, args=(150_000,))
            for _ in range(4)
        ]
        start, cpu_start = time.perf_counter(), time.process_time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return (time.process_time() - cpu_start) / (time.perf_counter() - start)

    busy = max(busy_cpus() for _ in range(3))
    if gil_enabled():
        # About 1.0: one thread at a time runs bytecode.
        assert busy < 1.5, f"{busy:.2f} CPUs busy with the GIL enabled"
    elif (os.cpu_count() or 1) >= 2:
        assert busy > 1.3, f"free-threaded build, but only {busy:.2f} CPUs busy"
    else:
        pytest.skip("free-threaded build on one CPU: no parallelism to measure")
    lines = lines_of("threads/cpu_bound_speedup.py")
    assert [line.split(":")[0] for line in lines] == [
        "one after another",
        "each in a thread",
    ]
    assert all(seconds(line) > 0 for line in lines)


# --- names, enumerate(), subclassing ----------------------------------------


def test_thread_names_and_enumerate():
    out = lines_of("threads/thread_names.py")
    assert out[0] == "MainThread: is_alive() True, threads alive: ['MainThread']"
    # The first thread is gone from enumerate() once joined.
    assert out[-2] == "loader: is_alive() True, threads alive: ['MainThread', 'loader']"
    # The default name is "Thread-<counter> (<target's name>)" since 3.10.
    t = threading.Thread(target=thread_names.show_threads)
    assert re.fullmatch(r"Thread-\d+ \(show_threads\)", t.name)
    assert re.fullmatch(r"Thread-\d+", threading.Thread().name)


def test_subclass_keeps_result_and_error():
    ok = thread_subclass.MeanSquare([1, 2, 3], "ok")
    empty = thread_subclass.MeanSquare([], "empty")
    for t in (ok, empty):
        t.start()
    for t in (ok, empty):
        t.join()
    assert (ok.result, ok.error) == (4, None)
    # Caught in run(), so threading.excepthook never saw it (pytest would
    # turn an unhandled thread exception into an error).
    assert empty.result is None
    assert isinstance(empty.error, ZeroDivisionError)


# --- print() from several threads ---------------------------------------------

PRINTING_THREADS = """
import sys
import threading

sys.setswitchinterval(1e-5)  # switch threads often: the split shows sooner
start_line = threading.Barrier(2)

def work(name):
    start_line.wait()  # both threads print at the same time
    for n in range(LINES):
        PRINT

threads = [threading.Thread(target=work, args=(name,)) for name in "AB"]
for t in threads:
    t.start()
for t in threads:
    t.join()
"""


def whole_lines(print_call: str, lines: int = 10_000) -> tuple[int, int]:
    """Two threads print `lines` lines each: (whole lines, all lines)."""
    source = PRINTING_THREADS.replace("LINES", str(lines)).replace("PRINT", print_call)
    out = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return sum(bool(re.fullmatch(r"[AB]: \d+", line)) for line in out), len(out)


def test_print_can_glue_two_threads_lines_together():
    """The common-mistake box: a plain print() writes the text and the newline
    separately; one write of the whole line keeps every line whole."""
    # "Sooner or later": in most runs hundreds of lines are split, in a few
    # only a handful, so allow a few runs.
    runs = (whole_lines('print(f"{name}: {n}")') for _ in range(5))
    assert any(whole < total for whole, total in runs), "no line was ever split"
    assert whole_lines('print(f"{name}: {n}\\n", end="")') == (20_000, 20_000)
