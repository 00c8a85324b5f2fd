"""Behaviour the Debugging stuck threads page promises."""

import logging
import re
import signal
import subprocess
import sys
import threading

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, SNIPPETS, snippet_run
from snippets.debugging import named_threads_log

DEADLOCK = "debugging/deadlock_dump.py"


def line_of(snippet: str, text: str) -> int:
    """The number of the one line of `snippet` that contains `text`."""
    lines = (SNIPPETS / snippet).read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found} of {snippet}"
    return found[0]


# --- the deadlocked program's dump ----------------------------------------------


def test_deadlock_demo_names_both_threads_and_the_line_where_each_waits():
    out = snippet_run(DEADLOCK).stdout
    assert re.search(BROKEN_ON_PURPOSE[DEADLOCK], out), out
    waits = line_of(DEADLOCK, "with second:")
    lines = out.splitlines()
    assert lines[0] == "still running after 0.2 s: a->b, b->a"
    assert sorted(lines[1:]) == [
        f"{name} waits at line {waits}: with second:"
        "  # waits forever: the other thread holds this lock"
        for name in ("a->b", "b->a")
    ]


def faulthandler_threads(stderr: str) -> dict[str, list[str]]:
    """faulthandler's dump, as {thread header: its frames, innermost first}."""
    threads: dict[str, list[str]] = {}
    header = None
    for line in stderr.splitlines():
        if re.match(r"(Current thread|Thread) 0x[0-9a-f]+", line):
            header = line
            threads[header] = []
        elif header and line.startswith("  File "):
            threads[header].append(line)
    return threads


def test_faulthandler_dump_shows_both_stuck_threads_at_their_with_line():
    stderr = snippet_run(DEADLOCK).stderr
    threads = faulthandler_threads(stderr)
    waits = line_of(DEADLOCK, "with second:")
    at_with = [
        header
        for header, frames in threads.items()
        if frames and frames[0].endswith(f'deadlock_dump.py", line {waits} in transfer')
    ]
    assert len(at_with) == 2, stderr
    assert all(h.startswith("Thread 0x") for h in at_with)  # not the main thread
    current = [h for h in threads if h.startswith("Current thread")]
    assert len(current) == 1, stderr
    assert " in main" in threads[current[0]][0]
    # The most recent call comes first. Up to 3.13 a thread is shown by its
    # identifier only; from 3.14, start() sets the operating system's thread
    # name, and faulthandler shows it in brackets.
    names = sorted(re.findall(r"\[(a->b|b->a)\]", " ".join(at_with)))
    if sys.version_info >= (3, 14) and sys.platform == "linux":
        assert names == ["a->b", "b->a"], stderr
    elif sys.version_info < (3, 14):
        assert names == [], stderr


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="POSIX only")
def test_kill_usr1_dumps_every_thread_of_a_running_program():
    """faulthandler.register(SIGUSR1): the signal dumps the stacks, and the
    program goes on."""
    program = (
        "import faulthandler, signal, sys, threading\n"
        "faulthandler.register(signal.SIGUSR1, all_threads=True)\n"
        "stop = threading.Event()\n"
        "def stuck_worker():\n"
        "    stop.wait()\n"
        "t = threading.Thread(target=stuck_worker)\n"
        "t.start()\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "stop.set()\n"
        "t.join()\n"
        "print('still running after the dump', flush=True)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", program],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline() == "ready\n"
        proc.send_signal(signal.SIGUSR1)
        out, err = proc.communicate("go\n", timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out == "still running after the dump\n"
    threads = faulthandler_threads(err)
    assert len(threads) == 2, err
    assert any(" in stuck_worker" in line for f in threads.values() for line in f)


# --- names in logs and in a stack dump -----------------------------------------


def test_log_lines_carry_the_thread_name_one_line_per_record():
    out = snippet_run("debugging/named_threads_log.py").stdout.splitlines()
    assert out[:3] == [
        "download-1: fetching https://example.com/a",
        "download-2: fetching https://example.com/b",
        "MainThread: both downloads are waiting; every thread's stack is on stderr",
    ]
    assert sorted(out[3:]) == ["download-1: done", "download-2: done"]


def test_stack_dump_names_every_thread_and_shows_where_it_is():
    stderr = snippet_run("debugging/named_threads_log.py").stderr
    sections = re.split(r"^Thread '([^']*)':\n", stderr, flags=re.MULTILINE)[1:]
    stacks = dict(zip(sections[::2], sections[1::2], strict=True))
    assert set(stacks) == {"MainThread", "download-1", "download-2"}
    for name in ("download-1", "download-2"):
        assert ", in download\n" in stacks[name]
        assert ", in _bootstrap\n" in stacks[name]  # the oldest call comes first
    assert ", in thread_stacks\n" in stacks["MainThread"]


def test_thread_stacks_covers_every_running_thread_in_process():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, name="waiting-for-stop")
    t.start()
    try:
        dump = named_threads_log.thread_stacks()
    finally:
        stop.set()
        t.join()
    assert "Thread 'waiting-for-stop':\n" in dump
    assert f"Thread '{threading.current_thread().name}':\n" in dump


def test_logging_writes_each_record_in_one_piece_from_many_threads(tmp_path):
    """Handlers take a lock around each record: lines never merge."""
    path = tmp_path / "log.txt"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(threadName)s: %(message)s"))
    log = logging.getLogger("test_debugging.many")
    log.propagate = False
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def worker() -> None:
        for i in range(200):
            log.info("record %d", i)

    threads = [threading.Thread(target=worker, name=f"w{n}") for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log.removeHandler(handler)
    handler.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 * 200
    assert all(re.fullmatch(r"w\d: record \d+", line) for line in lines)


# --- the convoy-effect measurement of the measure notebook ----------------------


def test_wake_up_delays_measures_each_wait_and_restores_the_switch_interval():
    """The notebook's convoy figures: one delay per wait, the switch interval
    restored, and the CPU-bound thread stopped. (How large the delays are
    depends on the machine: the notebook reports them, no test asserts them.)"""
    from threadviz import measure

    before = sys.getswitchinterval()
    alone = measure.wake_up_delays(5)
    busy = measure.wake_up_delays(5, cpu_thread=True, switch_interval=0.001)
    assert sys.getswitchinterval() == before
    assert len(alone) == len(busy) == 5
    assert all(d > -0.0005 for d in alone + busy)  # a wait never ends early
    assert not [t for t in threading.enumerate() if t.name == "cpu-bound"]
    median, p95 = measure.median_and_p95(alone + busy)
    assert median <= p95
