"""Behaviour the Thread pools page promises."""

import concurrent.futures
import re
import threading

import pytest
from snippet_runner import BROKEN_ON_PURPOSE, run_snippet, snippet_output

from snippets.pools import (
    default_max_workers,
    map_broken,
    map_fixed,
    pool_deadlock,
    submit_future,
)

# --- the note's executor.map() bug -------------------------------------------


def test_note_map_call_fails_every_task_and_says_nothing():
    name = "pools/map_broken.py"
    run = run_snippet(name)
    assert run.returncode == 0
    assert run.stderr == "", "something reported the failures after all"
    assert re.search(BROKEN_ON_PURPOSE[name], run.stdout)
    assert "printed to stderr meanwhile: ''" in run.stdout
    missing = "TypeError: thread_function() missing 1 required positional argument"
    assert run.stdout.count(missing) == 3


def test_note_map_call_raises_type_error_once_results_are_read(monkeypatch):
    monkeypatch.setattr(map_broken, "TIME_SCALE", 0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        results = executor.map(map_broken.thread_function, range(3))
    # The with block ended normally; the error was in the results all along.
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        next(results)


def test_fixed_map_passes_one_iterable_per_parameter(monkeypatch):
    monkeypatch.setattr(map_fixed, "TIME_SCALE", 0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        results = list(executor.map(map_fixed.thread_function, range(3), "abc"))
    assert results == ["a0", "b1", "c2"]
    assert snippet_output("pools/map_fixed.py").stdout == "a0\nb1\nc2\n"


def test_reading_map_results_reraises_a_task_exception():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        results = executor.map(lambda d: 10 // d, [5, 0, 2])
        assert next(results) == 2
        with pytest.raises(ZeroDivisionError):
            next(results)


# --- submit(), Future, as_completed() ----------------------------------------


def test_with_block_waits_but_does_not_reraise():
    done = threading.Event()

    def fail():
        done.set()
        raise ValueError("task failed")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(fail)
    assert done.is_set(), "shutdown(wait=True) did not wait"
    assert future.done()
    assert isinstance(future.exception(timeout=0), ValueError)
    with pytest.raises(ValueError, match="task failed"):
        future.result(timeout=0)  # result() is where it surfaces


def test_fetch_all_reports_results_and_the_failure(monkeypatch):
    monkeypatch.setattr(submit_future, "TIME_SCALE", 0)
    outcomes = submit_future.fetch_all(submit_future.PAGES, timeout=5)
    assert outcomes == {
        "about": "500 bytes",
        "blog": "400 bytes",
        "home": "400 bytes",
        "missing": "failed: no page called 'missing'",
    }


def test_as_completed_times_out(monkeypatch):
    monkeypatch.setattr(submit_future, "TIME_SCALE", 1)
    with pytest.raises(TimeoutError):
        submit_future.fetch_all({"slow": 0.3}, timeout=0.01)


def test_as_completed_yields_in_finishing_order_not_submission_order():
    gates = [threading.Event() for _ in range(3)]
    release_order = [2, 0, 1]
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        futures = {executor.submit(gate.wait, 5): n for n, gate in enumerate(gates)}
        gates[release_order[0]].set()
        seen = []
        for future in concurrent.futures.as_completed(futures, timeout=5):
            seen.append(futures[future])
            if len(seen) < 3:
                gates[release_order[len(seen)]].set()  # only now may the next end
    assert seen == release_order


def test_result_timeout_and_cancel():
    out = snippet_output("pools/result_timeout.py").stdout.splitlines()
    assert out == [
        "result(timeout=0.05) raised TimeoutError",
        "done() is False",
        "cancel() on a running task returns False",
        "result() once the task finishes: 'done'",
    ]


def test_cancel_futures_drops_only_the_queued_tasks():
    out = snippet_output("pools/cancel_futures.py").stdout.splitlines()
    assert out == ["job 0: result 0"] + [f"job {n}: cancelled" for n in range(1, 5)]


# --- max_workers -------------------------------------------------------------


def test_default_max_workers_formula_and_width():
    width = default_max_workers.default_max_workers()
    with concurrent.futures.ThreadPoolExecutor() as executor:
        assert executor._max_workers == width  # private: checked here only
    # The barrier passes only if `width` tasks run at once; the pool creates
    # no more than `width` threads.
    assert default_max_workers.threads_used(2 * width, width) == width


def test_default_pool_is_not_wider_than_the_formula():
    """width + 1 tasks that wait for each other: the last one never starts."""
    width = default_max_workers.default_max_workers()
    barrier = threading.Barrier(width + 1, timeout=5)
    with concurrent.futures.ThreadPoolExecutor() as executor:
        futures = [executor.submit(barrier.wait) for _ in range(width + 1)]
        try:
            done, _ = concurrent.futures.wait(futures, timeout=0.3)
            last_started = futures[-1].running() or futures[-1].done()
        finally:
            barrier.abort()  # release the waiting tasks
    assert not done, "width + 1 tasks ran at once"
    assert not last_started


# --- deadlock ----------------------------------------------------------------


def test_task_waiting_on_the_same_full_pool_times_out():
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        outer = executor.submit(pool_deadlock.start_service, executor, 0.1)
        assert outer.result(timeout=5) == (
            "timed out waiting for load_config: the pool was full"
        )
    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as services,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as loaders,
    ):
        outer = services.submit(pool_deadlock.start_service, loaders, 5)
        assert outer.result(timeout=5) == "started with config"
