"""The one runner every test uses to run a snippet as a real script."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
SITEHOOK = Path(__file__).resolve().parent / "sitehook"

#: Exit status that sitehook/sitecustomize.py uses for "a thread raised".
THREAD_EXCEPTION_EXIT = 3
#: Tests run the examples with every sleep multiplied by this (the start-up
#: hook in sitehook/ does the scaling; the examples call a plain time.sleep).
TEST_TIME_SCALE = "0.01"
#: Seconds before a snippet counts as hung.
DEFAULT_TIMEOUT = 10.0

#: Snippets that leave an exception in a thread unhandled on purpose, to show
#: what happens. Their own tests assert the failure; the generic run allows it.
THREAD_EXCEPTION_DEMOS: dict[str, str] = {
    "lifecycle/exception_lost.py": "shows that join() does not re-raise a "
    "thread's exception and the program still exits 0",
}

#: Snippets that show a bug on purpose (a lost update, a lost exception...),
#: mapped to a regular expression that their stdout matches when the bug shows.
#: Their own tests assert the bug; stress mode counts how often it shows.
#: Every other snippet is "fixed": in every run it must print exactly what its
#: page shows, so a fixed example that prints a check ("200 items, each
#: consumed once") is checked on every run.
BROKEN_ON_PURPOSE: dict[str, str] = {
    "lifecycle/exception_lost.py": r"join\(\) returned normally; exit status will be 0",
    "pools/map_broken.py": r"\Athe with block ended normally\n",
    "races/race_unsafe_counter.py": r"(?m)^expected: (\d+)\ngot: +(?!\1$)\d+$",
    "locks/deadlock_lock_order.py": r"both transfers hold their first lock.*\n"
    r"a -> b: gave up waiting for b",
    "queues/pipeline_event_hang.py": r"the consumer is still blocked in get\(\)",
    "thread_safety/count_broken.py": r"(?m)^expected: (.+)\ngot: +(?!\1$)\{.+$",
    "thread_safety/group_broken.py": r"(?m)^orders taken: (\d+)\n"
    r"orders kept: +(?!\1$)\d+$",
    "thread_safety/iterate_broken.py": r"dict: the report raised RuntimeError: "
    r"dictionary changed size during iteration\n"
    r"list: the report listed \['job-1', 'job-3', 'job-4'\]",
    "debugging/deadlock_dump.py": r"still running after \S+ s: a->b, b->a\n"
    r"(?:\S+ waits at line \d+: with second:.*\n){2}",
    "thread_state/shared_connection.py": r"worker: ProgrammingError: SQLite objects "
    r"created in a thread can only be used in that same thread",
    "fork/fork_held_lock.py": r"child: threads alive: \['MainThread'\]\n"
    r"child: acquire\(timeout=0\.1\) returned False",
    "asyncio_threads/to_thread.py": r"called directly: +the ticker ticked 0 times\n",
    "testing/forced_interleaving.py": r"lost exactly 1 of 2 updates in (\d+) of \1 runs"
    r"\nsleep\(0\): lost updates in \1 of \1 runs",
}


class SnippetFailed(AssertionError):
    """A snippet exited non-zero, hung, or let a thread's exception go."""


@dataclass(frozen=True)
class Run:
    path: Path
    returncode: int
    stdout: str
    stderr: str


def snippet_path(name: str | Path) -> Path:
    """Accept 'threads/start_thread.py', 'snippets/threads/...' or a Path."""
    path = Path(name)
    if not path.is_absolute():
        path = ROOT / path if path.parts[0] == "snippets" else SNIPPETS / path
    return path


def run_snippet(
    name: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    time_scale: str = TEST_TIME_SCALE,
    allow_thread_exceptions: bool = False,
    check: bool = True,
    env: dict[str, str] | None = None,
) -> Run:
    """Run `python <snippet>` in a subprocess, the way a reader would.

    With check=True (the default) it raises SnippetFailed, naming the file, on
    a non-zero exit, on a hang (with every thread's stack, from faulthandler)
    and on an exception raised in any thread.
    """
    path = snippet_path(name)
    full_env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(SITEHOOK), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
        "PYTHONIOENCODING": "utf-8",
        "SNIPPET_TIME_SCALE": time_scale,
        "SNIPPET_HANG_TIMEOUT": str(timeout),
        **(env or {}),
    }
    if allow_thread_exceptions:
        full_env["SNIPPET_ALLOW_THREAD_EXCEPTIONS"] = "1"
    # A session of its own: a process the snippet forks that is still running
    # (a hung child of a reader's answer holds the output pipes open, so that
    # communicate() times out) is killed with it and cannot outlive the test.
    with subprocess.Popen(
        [sys.executable, str(path)],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    ) as proc:
        # The backstop: the snippet's own watchdog (faulthandler) fires first,
        # dumps every thread's stack and exits; this catches what outlives it.
        backstop = timeout + max(1.0, timeout / 2)
        try:
            stdout, stderr = proc.communicate(timeout=backstop)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):  # the group is empty
                os.killpg(proc.pid, signal.SIGKILL)  # the snippet's whole group
            stdout, stderr = proc.communicate()
            stderr += f"snippet runner: killed after {backstop:g} s\n"
            if check:
                raise SnippetFailed(
                    f"{relative_to_repo(path)} hung and was killed, with every "
                    f"process it started\n--- stdout ---\n{stdout}"
                    f"--- stderr ---\n{stderr}"
                ) from None
    run = Run(path, proc.returncode, stdout, stderr)
    if check and run.returncode != 0:
        raise SnippetFailed(_explain(run, timeout))
    return run


def _explain(run: Run, timeout: float) -> str:
    name = relative_to_repo(run.path)
    if "Timeout (" in run.stderr and "Thread 0x" in run.stderr:
        what = f"hung for {timeout:g} s; every thread's stack follows"
    elif run.returncode == THREAD_EXCEPTION_EXIT:
        what = "raised an exception in a thread (plain Python would have exited 0)"
    else:
        what = f"exited with status {run.returncode}"
    return f"{name} {what}\n--- stdout ---\n{run.stdout}--- stderr ---\n{run.stderr}"


#: A folder that the processes of one test run share (tests/conftest.py sets
#: it): snippet_run() keeps each snippet's run there for the other processes.
RUN_CACHE = "SNIPPET_RUN_CACHE"


@functools.cache
def snippet_run(name: str) -> Run:
    """One checked default run per snippet, shared by every test that asks: in
    this process, and with $SNIPPET_RUN_CACHE in every process of the test run
    (pytest-xdist's workers), the first to ask runs it under a file lock."""
    folder = os.environ.get(RUN_CACHE)
    if not folder:
        return _checked_run(name)
    import fcntl  # POSIX only, as is the rest of the test tooling
    import json

    record = Path(folder) / (name.replace("/", "--") + ".json")
    record.parent.mkdir(parents=True, exist_ok=True)
    with open(record.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if record.is_file():
            returncode, stdout, stderr = json.loads(record.read_text("utf-8"))
            return Run(snippet_path(name), returncode, stdout, stderr)
        run = _checked_run(name)  # a failed run raises, and is not kept
        record.write_text(json.dumps([run.returncode, run.stdout, run.stderr]))
        return run


def _checked_run(name: str) -> Run:
    return run_snippet(
        name, allow_thread_exceptions=name in THREAD_EXCEPTION_DEMOS, check=True
    )


#: A number with a decimal point: a measurement (a time, a speed-up).
MEASUREMENT = re.compile(r"\d+\.\d+")
#: Any number at all, for output whose counts vary from run to run.
ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def same_output(
    expected: str, actual: str, *, ordered: bool = True, exact_counts: bool = True
) -> bool:
    """Compare printed output. A number with a decimal point is a measurement
    (a time, a speed-up) and matches any other such number. With
    ordered=False the lines are compared as a multiset (threads' lines whose
    order varies); with exact_counts=False every number matches any number
    (a representative run of a race whose count varies)."""
    number = MEASUREMENT if exact_counts else ANY_NUMBER

    def norm(text: str) -> list[str]:
        lines = [number.sub("<n>", line.rstrip()) for line in text.strip().splitlines()]
        return lines if ordered else sorted(lines)

    return norm(expected) == norm(actual)


#: Words in an output block's title that relax the comparison. The title is
#: what the reader sees, so a page cannot relax a check without saying so.
UNORDERED = "order varies"  # the lines are compared as a multiset
COUNTS_VARY = "numbers vary"  # every number matches any number


def page_output_matches(expected: str, actual: str, title: str = "") -> bool:
    """Whether `actual` is what a page's output block, titled `title`, shows."""
    return same_output(
        expected,
        actual,
        ordered=UNORDERED not in title,
        exact_counts=COUNTS_VARY not in title,
    )


def relative_to_repo(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def gil_enabled() -> bool:
    """Whether this interpreter runs Python code with the GIL: the one probe
    the tests, the notebooks and the nox sessions use. sys._is_gil_enabled()
    is new in 3.13; before that the GIL is always on."""
    return bool(getattr(sys, "_is_gil_enabled", lambda: True)())


def all_snippets() -> list[str]:
    return sorted(p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py"))
