"""Behaviour the Per-thread state page promises."""

import contextvars
import re
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, ROOT, run_snippet, snippet_run
from snippets.thread_state import ident_reuse, local_connection

# --- threading.local -----------------------------------------------------------


def test_each_thread_opens_its_own_connection_once_and_main_sees_none():
    lines = snippet_run("thread_state/local_connection.py").stdout.splitlines()
    assert lines.count("worker-1: opened a connection") == 1
    assert lines.count("worker-2: opened a connection") == 1
    for worker, first in (("worker-1", 1), ("worker-2", 3)):
        mine = [line for line in lines if line.startswith(f"{worker}:")]
        assert mine[0] == f"{worker}: opened a connection"  # opened before use
        assert mine[1:] == [
            f"{worker}: {first} squared is {first**2}",
            f"{worker}: {first + 1} squared is {(first + 1) ** 2}",
        ]
    assert lines[-1] == "main: state.connection is None"


def test_get_connection_gives_one_connection_per_thread_and_reuses_it():
    # Keep the connection objects (not their id()s) so that none is freed and
    # its id reused before the comparison.
    seen: dict[str, tuple[sqlite3.Connection, sqlite3.Connection]] = {}

    def use_twice() -> None:
        try:
            first = local_connection.get_connection()
            seen[threading.current_thread().name] = (
                first,
                local_connection.get_connection(),
            )
        finally:
            local_connection.close_connection()

    threads = [threading.Thread(target=use_twice, name=f"t{i}") for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(a is b for a, b in seen.values())  # reused within a thread
    assert len({id(a) for a, _ in seen.values()}) == 3  # separate between threads
    assert local_connection.state.connection is None  # main's own, untouched


def test_subclass_init_runs_once_in_each_thread_that_uses_the_object():
    runs: list[str] = []

    class Counted(threading.local):
        def __init__(self) -> None:
            runs.append(threading.current_thread().name)

    counted = Counted()  # __init__ runs here, in the main thread

    def touch() -> None:
        _ = counted.__dict__
        _ = counted.__dict__  # a second use in the same thread: no new __init__

    t = threading.Thread(target=touch, name="worker")
    t.start()
    t.join()
    assert runs == [threading.current_thread().name, "worker"]


def test_a_connection_opened_in_main_fails_in_another_thread():
    run = snippet_run("thread_state/shared_connection.py")
    assert re.search(BROKEN_ON_PURPOSE["thread_state/shared_connection.py"], run.stdout)
    created, used = map(int, re.findall(r"thread id (\d+)", run.stdout))
    main = int(re.search(r"main: my get_ident\(\) is (\d+)", run.stdout).group(1))
    worker = int(re.search(r"the worker's ident was (\d+)", run.stdout).group(1))
    assert (created, used) == (main, worker)  # the message names the two idents


# --- pool initializer ----------------------------------------------------------


def test_pool_initializer_gives_each_worker_one_connection():
    out = snippet_run("thread_state/pool_initializer.py").stdout
    assert out.startswith("squares: [1, 4, 9, 16, 25, 36, 49, 64]\n")
    opened = int(re.search(r"connections opened: (\d+), for 8 tasks", out).group(1))
    assert 1 <= opened <= 3  # one per worker thread the pool started


def test_initializer_runs_in_each_worker_before_its_tasks():
    ran_init: set[str] = set()
    ran_task_after_init: list[bool] = []

    def init() -> None:
        ran_init.add(threading.current_thread().name)

    def task(_: int) -> None:
        ran_task_after_init.append(threading.current_thread().name in ran_init)

    with ThreadPoolExecutor(max_workers=2, initializer=init) as pool:
        list(pool.map(task, range(10)))
    assert all(ran_task_after_init)
    assert 1 <= len(ran_init) <= 2


def test_closing_a_sqlite_connection_from_another_thread_raises():
    # Why the pool example opens with check_same_thread=False: it closes the
    # workers' connections from the main thread, after the pool has shut down.
    box: list[sqlite3.Connection] = []
    opened, tried = threading.Event(), threading.Event()

    def owner() -> None:
        box.append(sqlite3.connect(":memory:"))
        opened.set()
        tried.wait()
        box[0].close()  # the thread that opened it can close it

    t = threading.Thread(target=owner)
    t.start()
    opened.wait()
    try:
        with pytest.raises(sqlite3.ProgrammingError, match="same thread"):
            box[0].close()
    finally:
        tried.set()
        t.join()


# --- contextvars ----------------------------------------------------------------

INHERITS = bool(getattr(sys.flags, "thread_inherit_context", False))


def test_a_new_thread_starts_with_an_empty_context_unless_the_flag_says_inherit():
    out = snippet_run("thread_state/context_new_thread.py").stdout
    worker = "req-42" if INHERITS else "no request"
    assert out == (
        "MainThread [req-42]: handling the request\n"
        f"worker [{worker}]: sending the reply\n"
    )


@pytest.mark.skipif(
    sys.version_info < (3, 14), reason="-X thread_inherit_context is new in 3.14"
)
@pytest.mark.parametrize(("flag", "worker"), [("0", "no request"), ("1", "req-42")])
def test_thread_inherit_context_flag_decides_what_a_new_thread_sees(flag, worker):
    run = subprocess.run(
        [sys.executable, "-X", f"thread_inherit_context={flag}",
         "snippets/thread_state/context_new_thread.py"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=30,
    )  # fmt: skip
    assert f"worker [{worker}]: sending the reply" in run.stdout


def test_copy_context_run_passes_the_variables_on_and_keeps_changes_in_the_copy():
    out = snippet_run("thread_state/context_copy.py").stdout
    assert out == (
        "MainThread [req-42]: handling the request\n"
        "worker [req-42]: sending the reply\n"
        "MainThread [req-42]: the worker has finished\n"
        "the copy now holds: changed in the worker\n"
    )


def test_submit_does_not_pass_the_context_but_copy_context_run_does():
    var = contextvars.ContextVar("var", default="default")
    token = var.set("set by the caller")
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            plain = pool.submit(var.get).result()
            copied = pool.submit(contextvars.copy_context().run, var.get).result()
    finally:
        var.reset(token)
    assert copied == "set by the caller"
    if not INHERITS:  # 3.14 free-threaded: the worker inherited its start-up context
        assert plain == "default"


# --- thread identity -------------------------------------------------------------


def test_identity_numbers_of_main_and_worker():
    out = snippet_run("thread_state/thread_identity.py").stdout
    pid = int(re.search(r"process id: (\d+)", out).group(1))
    (main_ident, main_native), (worker_ident, worker_native) = (
        tuple(map(int, m))
        for m in re.findall(r"get_ident\(\) (\d+), get_native_id\(\) (\d+)", out)
    )
    seen_ident, seen_native = map(
        int, re.search(r"worker's ident (\d+), native_id (\d+)", out).groups()
    )
    assert (seen_ident, seen_native) == (worker_ident, worker_native)
    assert main_ident != worker_ident
    assert main_native != worker_native
    if sys.platform.startswith("linux"):
        assert main_native == pid  # the main thread's TID is the process id


def test_idents_are_unique_among_live_threads():
    threads = ident_reuse.alive_at_once(8)
    assert len({t.ident for t in threads}) == 8
    assert len({t.native_id for t in threads}) == 8


def test_ident_stays_available_after_the_thread_ends():
    threads = ident_reuse.one_after_another(3)
    assert all(isinstance(t.ident, int) and t.ident != 0 for t in threads)
    assert all(not t.is_alive() for t in threads)


def test_ident_reuse_script_reports_counts_within_bounds():
    out = run_snippet("thread_state/ident_reuse.py").stdout.splitlines()
    after = re.fullmatch(
        r"5 threads one after another: distinct idents (\d), distinct native_ids (\d)",
        out[0],
    )
    assert after
    assert 1 <= int(after.group(1)) <= 5  # reuse allowed, not promised
    assert out[1] == "5 threads alive at once: distinct idents 5, distinct native_ids 5"
