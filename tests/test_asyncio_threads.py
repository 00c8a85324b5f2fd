"""Behaviour the "Threads and asyncio" page promises."""

import asyncio
import concurrent.futures
import contextvars
import importlib.util
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, run_snippet, snippet_run

# --- to_thread(), run_in_executor() --------------------------------------------


def test_a_blocking_call_stops_the_loop():
    name = "asyncio_threads/to_thread.py"
    out = snippet_run(name).stdout
    assert re.search(BROKEN_ON_PURPOSE[name], out)
    # How often the ticker ticks during the to_thread() call depends on how
    # soon this machine runs the loop again, so the count is not checked here:
    # the next test checks the claim itself without depending on timing.
    assert re.fullmatch(
        r"called directly:      the ticker ticked 0 times\n"
        r"in asyncio.to_thread: the ticker ticked \d+ times\n",
        out,
    ), out


def test_to_thread_leaves_the_loop_free_to_run_other_tasks():
    other_task_ran = threading.Event()

    def blocking() -> bool:
        # Returns only once another task on the loop has run. Called directly
        # in a coroutine, this would wait out its timeout (the loop is blocked).
        return other_task_ran.wait(timeout=5)

    async def other_task() -> None:
        other_task_ran.set()

    async def main() -> bool:
        task = asyncio.create_task(other_task())
        result = await asyncio.to_thread(blocking)
        await task
        return result

    assert asyncio.run(main()), "the loop did not run another task during to_thread()"


def test_to_thread_runs_on_the_default_executor_and_copies_the_context():
    request = contextvars.ContextVar("request", default="none")

    def where() -> tuple[str, str]:
        return threading.current_thread().name, request.get()

    async def main() -> tuple[str, str]:
        request.set("r-42")
        return await asyncio.to_thread(where)

    thread_name, seen = asyncio.run(main())
    assert thread_name.startswith("asyncio_")
    assert seen == "r-42"


def test_run_in_executor_does_not_copy_the_context():
    """Per call, on every build. The worker is started first, outside the
    request: from 3.14 a free-threaded build's new thread inherits the context
    of the thread that starts it (sys.flags.thread_inherit_context), which
    would make a worker started by this very call see "r-42"."""
    request = contextvars.ContextVar("request", default="none")

    async def main(pool: ThreadPoolExecutor) -> str:
        request.set("r-42")
        return await asyncio.get_running_loop().run_in_executor(pool, request.get)

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(int).result()  # start the one worker, with no request set
        assert asyncio.run(main(pool)) == "none"


def test_a_timeout_cancels_the_await_but_not_the_thread():
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def blocking() -> None:
        started.set()
        release.wait(5)
        finished.set()

    async def main() -> None:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(asyncio.to_thread(blocking), timeout=0.05)
        assert started.is_set()
        assert not finished.is_set(), "the thread is still running"
        release.set()

    asyncio.run(main())
    assert finished.is_set(), "asyncio.run() waited for the thread"


def test_run_in_executor_runs_the_queries_in_order_two_at_a_time():
    lines = snippet_run("asyncio_threads/run_in_executor.py").stdout.splitlines()
    assert lines[:4] == [f"SELECT {c} LIMIT 3: 3 rows" for c in "abcd"]
    match = re.fullmatch(r"4 queries of 1 s, 2 at a time, took (\d+\.\d) s", lines[4])
    assert match, lines[4]


def test_run_in_executor_shuts_its_pool_down_outside_the_event_loop(monkeypatch):
    # Waiting for a pool's threads (shutdown(wait=True), the end of a with
    # block) is a blocking call: it must not run on the event loop's thread.
    path = Path(__file__).parent.parent / "snippets/asyncio_threads/run_in_executor.py"
    spec = importlib.util.spec_from_file_location("run_in_executor_under_test", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shut_down_inside_the_loop: list[bool] = []

    class RecordingPool(concurrent.futures.ThreadPoolExecutor):
        def shutdown(self, wait: bool = True, **kwargs: bool) -> None:
            try:
                asyncio.get_running_loop()
                shut_down_inside_the_loop.append(True)
            except RuntimeError:
                shut_down_inside_the_loop.append(False)
            super().shutdown(wait, **kwargs)

    def quick_query(sql: str, *, limit: int) -> str:  # the keyword is required
        return f"{sql} LIMIT {limit}"

    monkeypatch.setattr(module.concurrent.futures, "ThreadPoolExecutor", RecordingPool)
    monkeypatch.setattr(module, "query", quick_query)
    module.main()
    assert shut_down_inside_the_loop == [False]


# --- from a thread to the loop -------------------------------------------------


def test_call_soon_threadsafe_delivers_every_reading_in_order():
    out = snippet_run("asyncio_threads/call_soon_threadsafe.py").stdout
    assert out.splitlines() == [f"event loop: reading {n}" for n in (10, 20, 30)]


def test_run_coroutine_threadsafe_returns_results_and_reraises_exceptions():
    out = snippet_run("asyncio_threads/run_coroutine_threadsafe.py").stdout
    assert out == "home: 400 bytes\nmissing: failed: no page called 'missing'\n"


def test_run_coroutine_threadsafe_future_can_cancel_the_coroutine():
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever)
    runner.start()
    cancelled = threading.Event()

    async def hang() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    try:
        future = asyncio.run_coroutine_threadsafe(hang(), loop)
        with pytest.raises(TimeoutError):
            future.result(timeout=0.05)
        assert future.cancel()
        assert cancelled.wait(5), "the task on the loop was cancelled"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        runner.join()
        loop.close()


def test_get_running_loop_fails_in_a_plain_thread():
    errors = []

    def probe() -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    assert len(errors) == 1


# --- the wrong way -------------------------------------------------------------


def test_debug_mode_raises_for_call_soon_from_another_thread():
    out = snippet_run("asyncio_threads/call_soon_wrong_thread.py").stdout
    assert out == (
        "call_soon() from a thread raised RuntimeError: Non-thread-safe operation "
        "invoked on an event loop other than the current one\n"
        "call_soon_threadsafe() from the thread woke the event loop\n"
    )


def test_without_debug_mode_call_soon_from_a_thread_raises_nothing(capsys):
    from snippets.asyncio_threads import call_soon_wrong_thread

    async def main() -> None:
        loop = asyncio.get_running_loop()
        done = asyncio.Event()
        thread = threading.Thread(
            target=call_soon_wrong_thread.notify, args=(loop, done)
        )
        thread.start()
        await done.wait()
        await asyncio.to_thread(thread.join)

    asyncio.run(main(), debug=False)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(("threadsafe", "timer_delay"), [(False, 0.3), (True, 5.0)])
def test_call_soon_from_another_thread_does_not_wake_the_idle_loop(
    threadsafe: bool, timer_delay: float
):
    """call_soon() from a thread: the callback waits for the loop's next timer.
    call_soon_threadsafe(): it runs at once, long before that timer. Checked by
    order (had the timer fired when main() woke up?), not by a duration."""

    async def main() -> bool:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        timer_fired = threading.Event()

        def from_thread() -> None:
            time.sleep(0.05)  # by now the loop is idle, waiting for its timer
            schedule = loop.call_soon_threadsafe if threadsafe else loop.call_soon
            schedule(future.set_result, None)

        thread = threading.Thread(target=from_thread)
        thread.start()
        timer = loop.call_later(timer_delay, timer_fired.set)  # the only other wake-up
        await future
        timer.cancel()
        thread.join()
        return timer_fired.is_set()

    assert asyncio.run(main(), debug=False) is not threadsafe


def test_in_debug_mode_set_result_from_a_thread_leaves_the_future_half_updated():
    async def main() -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        called, errors = [], []
        future.add_done_callback(called.append)

        def from_thread() -> None:
            try:
                future.set_result(1)
            except RuntimeError as exc:
                errors.append(exc)

        thread = threading.Thread(target=from_thread)
        thread.start()
        await asyncio.to_thread(thread.join)
        await asyncio.sleep(0.05)  # time enough for a scheduled callback to run
        assert len(errors) == 1
        assert future.done(), "the future was marked done before the check"
        assert called == [], "its callbacks were never scheduled"

    asyncio.run(main(), debug=True)


@pytest.mark.parametrize(
    "env", [{"PYTHONASYNCIODEBUG": "1"}, {"PYTHONDEVMODE": "1"}], ids=["env", "dev"]
)
def test_debug_mode_is_on_with_the_environment_variable_or_dev_mode(tmp_path, env):
    script = tmp_path / "debug_on.py"
    script.write_text(
        "import asyncio\n\n"
        "async def main():\n"
        "    return asyncio.get_running_loop().get_debug()\n\n"
        "print(asyncio.run(main()))\n"
    )
    assert run_snippet(script, env=env).stdout == "True\n"
