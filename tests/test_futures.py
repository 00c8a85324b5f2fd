"""Behaviour the "More from concurrent.futures" page promises."""

import concurrent.futures
import logging
import re
import sys
import textwrap
import threading
from collections import Counter

import pytest

from snippet_runner import run_snippet, snippet_run
from snippets.futures import wait_fail_fast, wait_in_flight

# --- wait() --------------------------------------------------------------------


def test_in_flight_prints_every_page_once_in_finishing_order():
    lines = snippet_run("futures/wait_in_flight.py").stdout.splitlines()
    assert Counter(lines) == Counter(
        f"{page}: {len(page) * 100} bytes" for page in wait_in_flight.PAGES
    )


def test_in_flight_never_has_more_than_three_downloads_submitted(monkeypatch, capsys):
    pages = {f"page{n}": 0.001 * (n % 4) for n in range(40)}
    fetched: list[str] = []
    in_flight_sizes = []
    real_wait = concurrent.futures.wait

    def fetch(page: str, seconds: float) -> int:
        fetched.append(page)  # list.append is safe from several threads
        threading.Event().wait(seconds)
        return 1

    def spy_wait(futures, *args, **kwargs):
        in_flight_sizes.append(len(futures))
        return real_wait(futures, *args, **kwargs)

    monkeypatch.setattr(wait_in_flight, "PAGES", pages)
    monkeypatch.setattr(wait_in_flight, "fetch", fetch)
    monkeypatch.setattr(concurrent.futures, "wait", spy_wait)
    wait_in_flight.main()
    assert Counter(fetched) == Counter(list(pages))
    assert max(in_flight_sizes) == 3, "wait() never saw more than 3 futures"
    assert len(capsys.readouterr().out.splitlines()) == 40


def test_fail_fast_returns_at_the_first_exception_and_cancels_only_queued_tasks():
    out = snippet_run("futures/wait_fail_fast.py").stdout
    match = re.fullmatch(
        r"wait\(\) returned: 1 done, 4 not done\n"
        r"failed: part 1: connection reset\n"
        r"cancel\(\): (\d) queued tasks cancelled, (\d) running not\n"
        r"told to stop: (\d) running tasks stopped early\n",
        out,
    )
    assert match, out
    cancelled, running, stopped = map(int, match.groups())
    # Part 0 was running; part 2 too, if the failed task's worker took it first.
    assert (cancelled, running) in {(3, 1), (2, 2)}
    assert stopped == running


def test_fail_fast_asks_the_running_tasks_to_stop_even_when_interrupted(monkeypatch):
    """An exception while main() waits (Ctrl-C, say) still sets the stop event,
    so the with block does not wait a minute for the running downloads."""

    class Interrupted(Exception):
        pass

    def interrupted_wait(*args, **kwargs):
        raise Interrupted

    monkeypatch.setattr(concurrent.futures, "wait", interrupted_wait)
    raised: list[BaseException] = []

    def run_main() -> None:
        try:
            wait_fail_fast.main()  # in-process: a download's stop.wait(1) is real
        except BaseException as exc:  # recorded, checked below
            raised.append(exc)

    runner = threading.Thread(target=run_main, daemon=True)
    runner.start()
    runner.join(timeout=10)  # a minute-long download would outlast this
    assert not runner.is_alive(), "the with block waited for the running downloads"
    assert [type(exc) for exc in raised] == [Interrupted]


def test_wait_with_a_timeout_returns_not_done_instead_of_raising():
    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        slow = executor.submit(go.wait, 5)
        quick = executor.submit(pow, 2, 3)
        done, not_done = concurrent.futures.wait([slow, quick], timeout=0.05)
        assert done == {quick}
        assert not_done == {slow}
        assert slow.running(), "the timeout ended the waiting, not the task"
        go.set()


def test_first_exception_without_an_exception_waits_for_all():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(pow, 2, n) for n in range(4)]
        done, not_done = concurrent.futures.wait(
            futures, return_when=concurrent.futures.FIRST_EXCEPTION
        )
    assert done == set(futures)
    assert not not_done


# --- add_done_callback() -------------------------------------------------------


def test_callback_runs_in_the_worker_or_at_once_in_the_caller():
    out = snippet_run("futures/done_callback.py").stdout
    assert out == (
        "callback: result 42, run by worker_0\ncallback: result 42, run by MainThread\n"
    )


def test_a_pending_futures_callback_runs_before_the_worker_takes_its_next_task():
    order = []
    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        first = executor.submit(go.wait, 5)
        first.add_done_callback(lambda f: order.append("callback"))
        executor.submit(order.append, "next task")
        go.set()
    assert order == ["callback", "next task"]


def test_result_can_return_before_the_callbacks_have_run():
    in_callback, release = threading.Event(), threading.Event()

    def slow_callback(future: concurrent.futures.Future[int]) -> None:
        in_callback.set()
        release.wait(5)

    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        future = executor.submit(lambda: go.wait(5) and 7)
        future.add_done_callback(slow_callback)
        go.set()
        assert future.result(timeout=5) == 7
        assert in_callback.wait(5)
        assert not release.is_set(), "result() returned while the callback ran"
        release.set()


def test_a_callback_that_raises_is_logged_and_ignored():
    run = snippet_run("futures/callback_raises.py")
    assert run.returncode == 0
    assert run.stdout == (
        "notify: the task returned 1024\n"
        "result() returns 1024; the with block ended normally\n"
    )
    assert "exception calling callback for <Future at 0x" in run.stderr
    assert "state=finished returned int>" in run.stderr
    assert run.stderr.rstrip().endswith("OSError: disk full")


def test_the_callback_exception_goes_to_the_concurrent_futures_logger(caplog):
    def fail(future: concurrent.futures.Future[None]) -> None:
        raise OSError("disk full")

    with caplog.at_level(logging.ERROR, logger="concurrent.futures"):
        future: concurrent.futures.Future[None] = concurrent.futures.Future()
        future.set_result(None)
        future.add_done_callback(fail)  # already done: called at once, no raise
    (record,) = caplog.records
    assert record.name == "concurrent.futures"
    assert record.exc_info is not None
    assert record.exc_info[0] is OSError


# --- initializer, BrokenThreadPool ---------------------------------------------


def test_initializer_runs_once_per_worker_thread_not_per_task():
    lines = snippet_run("futures/initializer.py").stdout.splitlines()
    assert Counter(lines) == Counter(
        ["db_0: connected to inventory.db", "db_1: connected to inventory.db"]
        + [f"query {n}: 3 rows" for n in range(6)]
    )


def test_initializer_runs_in_each_worker_before_its_first_task():
    initialized, ran_on = [], []
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=3, initializer=lambda: initialized.append(threading.get_ident())
    ) as executor:
        for _ in range(30):
            executor.submit(lambda: ran_on.append(threading.get_ident()))
    assert len(initialized) == len(set(initialized)) <= 3
    assert set(ran_on) <= set(initialized)


def test_a_failing_initializer_breaks_the_pool():
    run = snippet_run("futures/broken_pool.py")
    message = "A thread initializer failed, the thread pool is not usable anymore"
    assert run.stdout == (
        f"result() raised BrokenThreadPool: {message}\n"
        f"submit() raised BrokenThreadPool: {message}\n"
    )
    assert "Exception in initializer:" in run.stderr
    assert "ConnectionRefusedError: cannot connect to inventory.db" in run.stderr


def test_broken_thread_pool_is_a_broken_executor_and_a_runtime_error():
    from concurrent.futures.thread import BrokenThreadPool

    assert issubclass(BrokenThreadPool, concurrent.futures.BrokenExecutor)
    assert issubclass(BrokenThreadPool, RuntimeError)


# --- map(buffersize=...) -------------------------------------------------------


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="tests the message for Python < 3.14"
)
def test_map_buffersize_says_it_needs_3_14():
    out = snippet_run("futures/map_buffersize.py").stdout
    assert out == "map(buffersize=...) needs Python 3.14 or newer\n"


@pytest.mark.skipif(
    sys.version_info < (3, 14), reason="map(buffersize=...) is new in Python 3.14"
)
def test_map_buffersize_reads_the_input_as_the_results_are_read():
    out = snippet_run("futures/map_buffersize.py").stdout.splitlines()
    assert out == [
        "read input 0",
        "read input 1",
        "read input 2",
        "result 0: 0",
        "read input 3",
        "result 1: 1",
        "read input 4",
        "result 2: 4",
        "read input 5",
        "result 3: 9",
    ]


# --- pools at exit -------------------------------------------------------------


def test_submit_after_shutdown_raises_runtime_error():
    out = snippet_run("futures/submit_after_shutdown.py").stdout
    assert out == (
        "inside the with block: 2 ** 10 = 1024\n"
        "after it, submit() raised RuntimeError: "
        "cannot schedule new futures after shutdown\n"
    )


def test_a_pool_never_shut_down_finishes_its_tasks_before_atexit_functions():
    out = snippet_run("futures/pool_at_exit.py").stdout.splitlines()
    assert out == [
        "main() returns, without shutting the pool down",
        "sent batch 1",
        "sent batch 2",
        "atexit, the same pool: submit() raised RuntimeError: "
        "cannot schedule new futures after shutdown",
        "atexit, a new pool: submit() raised RuntimeError: "
        "cannot schedule new futures after interpreter shutdown",
    ]


def test_a_thread_still_running_after_main_cannot_submit(tmp_path):
    """The prose's other case: a non-daemon thread that submits after the main
    thread has finished. Joining the main thread returns only once the pools'
    exit handler has run."""
    script = tmp_path / "late_thread.py"
    script.write_text(
        textwrap.dedent(
            """\
            import concurrent.futures
            import threading

            def late(executor):
                threading.main_thread().join()
                try:
                    executor.submit(print, "ran")
                except RuntimeError as exc:
                    print(exc)

            executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
            threading.Thread(target=late, args=(executor,)).start()
            """
        )
    )
    out = run_snippet(script).stdout
    assert out == "cannot schedule new futures after interpreter shutdown\n"
