"""Behaviour the Thread pools page promises."""

import concurrent.futures
import os
import re
import sys
import threading

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, run_snippet, snippet_run
from snippets.pools import map_broken, map_first_error, pool_deadlock

# --- map() ---------------------------------------------------------------------


def test_pool_map_returns_results_in_the_order_of_the_inputs():
    out = snippet_run("pools/pool_map.py").stdout
    assert out == "cat.png at 640 px\ndog.png at 320 px\nowl.png at 160 px\n"


def test_map_yields_in_input_order_even_when_the_calls_finish_in_reverse():
    gates = [threading.Event() for _ in range(3)]
    finished = []

    def task(n: int) -> int:
        gates[n].wait(timeout=5)
        finished.append(n)
        if n > 0:
            gates[n - 1].set()  # the later input finishes first
        return n

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        results = executor.map(task, range(3))
        gates[2].set()
        assert list(results) == [0, 1, 2]
    assert finished == [2, 1, 0]


def test_map_with_one_iterable_fails_every_task_and_says_nothing():
    name = "pools/map_broken.py"
    run = run_snippet(name)
    assert run.returncode == 0
    assert run.stderr == "", "something reported the failures after all"
    assert re.search(BROKEN_ON_PURPOSE[name], run.stdout)
    assert "making a" not in run.stdout, "the body of thumbnail() ran"
    assert run.stdout.endswith(
        "reading the first result raises TypeError: thumbnail() missing 1 "
        "required positional argument: 'width'\n"
    )


def test_every_call_of_the_broken_map_raised_type_error():
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(map_broken.thumbnail, i) for i in "abc"]
    # The with block ended normally; each error sits in its future.
    for future in futures:
        assert isinstance(future.exception(timeout=0), TypeError)


def test_a_pool_task_exception_never_reaches_threading_excepthook(monkeypatch):
    seen = []
    monkeypatch.setattr(threading, "excepthook", seen.append)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        executor.submit(lambda: 1 / 0)  # never read
    assert seen == []
    # ...whereas a plain thread's exception does reach it.
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    assert [args.exc_type for args in seen] == [ZeroDivisionError]


def test_with_block_waits_but_does_not_reraise():
    done = threading.Event()

    def fail():
        done.set()
        raise ValueError("task failed")

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(fail)
    assert done.is_set(), "shutdown(wait=True) did not wait"
    assert isinstance(future.exception(timeout=0), ValueError)
    with pytest.raises(ValueError, match="task failed"):
        future.result(timeout=0)  # result() is where it surfaces


def test_first_error_ends_the_loop_and_later_results_are_lost():
    out = snippet_run("pools/map_first_error.py").stdout
    assert out == (
        "home: 400 bytes\nmap() raised LookupError: no page called 'missing'\n"
    )
    assert map_first_error.PAGES.index("missing") < len(map_first_error.PAGES) - 1


def test_after_an_error_the_map_iterator_is_finished_and_unstarted_calls_cancelled():
    hold = threading.Event()
    running = threading.Event()  # task 1 has started: forced, not left to luck
    ran = []

    def task(n: int) -> int:
        if n == 0:
            running.wait(timeout=5)
            raise LookupError(n)
        running.set()
        hold.wait(timeout=5)  # tasks 1 (and maybe 2) hold both workers
        ran.append(n)
        return n

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        results = executor.map(task, range(6))
        with pytest.raises(LookupError):
            next(results)
        hold.set()
        assert next(results, "finished") == "finished"  # task 1's result is lost
    assert 1 in ran, "task 1 ran; its result was lost"
    assert not {3, 4, 5} & set(ran), "the calls that had not started ran anyway"


# --- submit(), Future, as_completed() ----------------------------------------


def test_submit_future_prints_every_outcome_in_completion_order():
    lines = snippet_run("pools/submit_future.py").stdout.splitlines()
    assert sorted(lines) == [
        "about: 500 bytes",
        "blog: 400 bytes",
        "home: 400 bytes",
        "missing: failed: no page called 'missing'",
    ]


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


def test_as_completed_timeout_bounds_the_whole_wait():
    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(go.wait, 5)
        with pytest.raises(TimeoutError):
            next(concurrent.futures.as_completed([future], timeout=0.01))
        assert future.running(), "the timeout stopped the waiting, not the task"
        go.set()


def test_result_timeout_and_cancel():
    out = snippet_run("pools/result_timeout.py").stdout.splitlines()
    assert out == [
        "result(timeout=0.05) raised TimeoutError",
        "done() is False",
        "cancel() on a running task returns False",
        "result() once the task finishes: 'done'",
    ]


def test_concurrent_futures_timeout_error_is_the_builtin_one():
    assert concurrent.futures.TimeoutError is TimeoutError


def test_cancel_futures_drops_only_the_queued_tasks():
    out = snippet_run("pools/cancel_futures.py").stdout.splitlines()
    assert out == ["job 0: result 0"] + [f"job {n}: cancelled" for n in range(1, 5)]


# --- max_workers -------------------------------------------------------------


def documented_cpus() -> int | None:
    """The CPU count that this version's default uses."""
    if sys.version_info >= (3, 13):
        return os.process_cpu_count()
    return os.cpu_count()


def documented_default() -> int:
    """min(32, CPUs + 4), with the CPU count that this version uses."""
    return min(32, (documented_cpus() or 1) + 4)


def test_default_pool_starts_min_32_cpus_plus_4_threads_for_blocked_tasks():
    out = snippet_run("pools/default_max_workers.py").stdout.splitlines()
    width = documented_default()
    assert out == [
        f"CPUs the default counts: {documented_cpus()}",
        f"100 blocked tasks submitted: the pool started {width} threads",
        f"all 100 tasks done, on {width} threads",
    ]
    with concurrent.futures.ThreadPoolExecutor() as executor:
        assert executor._max_workers == width  # private: checked here only


def test_default_pool_runs_that_many_tasks_at_once_and_no_more():
    width = documented_default()
    # width tasks that wait for each other all pass: they ran at once.
    barrier = threading.Barrier(width, timeout=5)
    with concurrent.futures.ThreadPoolExecutor() as executor:
        for future in [executor.submit(barrier.wait) for _ in range(width)]:
            future.result(timeout=10)
    # width + 1 such tasks never pass: the last one never starts.
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


def test_task_waiting_on_the_same_full_pool_times_out(monkeypatch):
    monkeypatch.setattr(pool_deadlock, "TIMEOUT", 0.1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        outer = executor.submit(pool_deadlock.start_service, executor)
        assert outer.result(timeout=5) == (
            "timed out waiting for load_config: the pool was full"
        )
    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as services,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as loaders,
    ):
        outer = services.submit(pool_deadlock.start_service, loaders)
        assert outer.result(timeout=5) == "started with config"
    out = snippet_run("pools/pool_deadlock.py").stdout
    assert out.startswith("same pool:     timed out")
