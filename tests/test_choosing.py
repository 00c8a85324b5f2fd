"""Behaviour the Choosing a tool page promises."""

import asyncio
import re
import sys
import threading
import time

import pytest
from snippet_runner import DOCS, snippet_output

from snippets.choosing import asyncio_waits, process_pool_cpu


def test_asyncio_overlaps_many_waits_in_one_thread(monkeypatch):
    monkeypatch.setattr(asyncio_waits, "WAIT", 0.1)
    threads_before = threading.active_count()
    start = time.perf_counter()
    results = asyncio.run(asyncio_waits.fetch_all(500))
    elapsed = time.perf_counter() - start
    assert results == list(range(500))
    assert elapsed < 1.0, f"500 waits of 0.1 s took {elapsed:.2f} s"  # not 50 s
    assert threading.active_count() == threads_before
    out = snippet_output("choosing/asyncio_waits.py").stdout
    assert "results in order: True\nthreads used: 1\n" in out


def test_process_pool_runs_cpu_work_in_other_processes():
    out = snippet_output("choosing/process_pool_cpu.py").stdout
    counts = [process_pool_cpu.count_primes(n)[0] for n in (10_000, 20_000)]
    assert counts == [1229, 2262]
    assert f"primes below 10000: {counts[0]}\nprimes below 20000: {counts[1]}\n" in out
    assert out.endswith("all ran outside the main process: True\n")


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14 has InterpreterPoolExecutor"
)
def test_interpreter_pool_says_it_needs_3_14():
    out = snippet_output("choosing/interpreter_pool.py").stdout
    assert out == "InterpreterPoolExecutor needs Python 3.14 or newer\n"


@pytest.mark.skipif(
    sys.version_info < (3, 14), reason="InterpreterPoolExecutor is new in 3.14"
)
def test_interpreter_pool_counts_primes():
    out = snippet_output("choosing/interpreter_pool.py").stdout
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
