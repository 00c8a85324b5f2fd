"""Behaviour the Choosing a tool page promises."""

import asyncio
import os
import re
import subprocess
import sys
import textwrap
import time

import pytest

from snippet_runner import DOCS, snippet_run
from snippets.choosing import asyncio_waits, process_pool_cpu


def test_asyncio_overlaps_many_waits_in_one_thread(monkeypatch):
    """A hundred waits take about as long as one: a ratio of two runs made
    here, never a time against a fixed budget (one after another they would
    take a hundred times as long)."""
    real_sleep = asyncio.sleep
    monkeypatch.setattr(asyncio, "sleep", lambda seconds: real_sleep(seconds * 0.05))

    def timed(count: int) -> float:
        start = time.perf_counter()
        assert asyncio.run(asyncio_waits.fetch_all(count)) == list(range(count))
        return time.perf_counter() - start

    one, hundred = timed(1), timed(100)
    assert hundred < 25 * one, f"no overlap: 1 wait {one:.3f} s, 100 {hundred:.3f} s"
    monkeypatch.undo()
    out = snippet_run("choosing/asyncio_waits.py").stdout
    assert out.endswith("results: 0, 1, ..., 999\nthreads in this process: 1\n")


def test_process_pool_runs_cpu_work_in_other_processes():
    out = snippet_run("choosing/process_pool_cpu.py").stdout
    counts = [process_pool_cpu.count_primes(n)[0] for n in (10_000, 20_000)]
    assert counts == [1229, 2262]
    assert f"primes below 10000: {counts[0]}\nprimes below 20000: {counts[1]}\n" in out
    assert out.endswith("all ran outside the main process: True\n")


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14 has InterpreterPoolExecutor"
)
def test_interpreter_pool_says_it_needs_3_14():
    out = snippet_run("choosing/interpreter_pool.py").stdout
    assert out == "InterpreterPoolExecutor needs Python 3.14 or newer\n"


@pytest.mark.skipif(
    sys.version_info < (3, 14), reason="InterpreterPoolExecutor is new in 3.14"
)
def test_interpreter_pool_counts_primes():
    out = snippet_run("choosing/interpreter_pool.py").stdout
    assert out.startswith("primes below 10000: 1229\nprimes below 20000: 2262\n")


def test_decision_table_links_every_tool_to_the_official_docs():
    page = (DOCS / "choosing.md").read_text(encoding="utf-8")
    for anchor in (
        "library/threading.html",
        "library/asyncio.html",
        "library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor",
        "library/concurrent.futures.html#concurrent.futures.InterpreterPoolExecutor",
    ):
        assert re.search(
            rf"\]\(https://docs\.python\.org/3/{re.escape(anchor)}\)", page
        ), f"choosing.md does not link to {anchor}"


# --- claims about processes, checked on the Python that runs the tests ---------


def run_python(tmp_path, source: str, *options: str) -> subprocess.CompletedProcess:
    script = tmp_path / "program.py"
    script.write_text(textwrap.dedent(source))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONPATH")
    }
    return subprocess.run(
        [sys.executable, *options, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )


def test_a_process_pool_without_the_main_guard_breaks(tmp_path):
    proc = run_python(
        tmp_path,
        """
        import concurrent.futures
        import multiprocessing

        def square(n):
            return n * n

        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
            print(list(pool.map(square, range(4))))
        """,
    )
    assert proc.returncode != 0
    assert "finished its bootstrapping phase" in proc.stderr
    assert "BrokenProcessPool" in proc.stderr


FORK_WITH_A_THREAD = """
    import concurrent.futures
    import multiprocessing
    import threading

    def square(n):
        return n * n

    if __name__ == "__main__":
        go = threading.Event()
        thread = threading.Thread(target=go.wait)
        thread.start()
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
            print(pool.submit(square, 3).result())
        go.set()
        thread.join()
    """


@pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows")
def test_forking_a_threaded_process_warns_only_when_deprecation_warnings_show(
    tmp_path,
):
    plain = run_python(tmp_path, FORK_WITH_A_THREAD)
    shown = run_python(tmp_path, FORK_WITH_A_THREAD, "-W", "default")
    assert plain.returncode == shown.returncode == 0
    assert plain.stdout == shown.stdout == "9\n"
    assert "DeprecationWarning" not in plain.stderr  # hidden by default
    if sys.version_info >= (3, 12):
        assert "DeprecationWarning" in shown.stderr
        assert "multiprocessing" in shown.stderr  # not attributed to __main__
    else:
        assert "DeprecationWarning" not in shown.stderr
