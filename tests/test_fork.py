"""Behaviour the fork() in a threaded program page promises."""

import os
import re
import subprocess
import sys

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, ROOT, snippet_run

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="os.fork() is POSIX-only"
)

WARNING = re.compile(
    r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded, "
    r"use of fork\(\) may lead to deadlocks in the child\."
)


def test_the_child_has_one_thread_and_a_lock_it_can_never_get():
    run = snippet_run("fork/fork_held_lock.py")
    assert re.search(BROKEN_ON_PURPOSE["fork/fork_held_lock.py"], run.stdout)
    assert run.stdout == (
        "parent: the writer thread holds the lock; forking\n"
        "child: threads alive: ['MainThread']\n"
        "child: acquire(timeout=0.1) returned False\n"
        "parent: the child exited with status 1\n"
    )  # and each line once: the flush before fork() kept the child from repeating


def test_register_at_fork_hands_the_child_a_free_lock():
    assert snippet_run("fork/register_at_fork.py").stdout == (
        "parent: the writer thread holds the lock; forking\n"
        "child: threads alive: ['MainThread']\n"
        "child: acquire(timeout=0.1) returned True\n"
        "parent: the child exited with status 0\n"
    )


def test_without_a_flush_the_child_prints_the_parents_buffered_text_again(tmp_path):
    program = tmp_path / "no_flush.py"
    program.write_text(
        "import os, sys\n"
        "print('printed once, by the parent')\n"  # still in the buffer: a pipe
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    sys.stdout.flush()\n"
        "    os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    run = subprocess.run(
        [sys.executable, str(program)], capture_output=True, text=True, env=env,
        check=True, timeout=30,
    )  # fmt: skip
    assert run.stdout == "printed once, by the parent\n" * 2


# --- the 3.12 warning ----------------------------------------------------------


def python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONWARNINGS", "PYTHONDEVMODE")
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env,
        check=True, timeout=30,
    )  # fmt: skip


#: The same program, with os.fork() called from an imported module, not __main__.
IMPORTED = (
    "import sys; sys.path.insert(0, 'snippets/fork'); "
    "import fork_held_lock; fork_held_lock.main()"
)


def test_the_warning_shows_when_os_fork_is_called_from_main():
    run = python("snippets/fork/fork_held_lock.py")
    if sys.version_info >= (3, 12):
        assert WARNING.search(run.stderr)
        assert "fork_held_lock.py:" in run.stderr  # points at the os.fork() line
        assert "pid = os.fork()" in run.stderr
    else:
        assert "DeprecationWarning" not in run.stderr


def test_the_warning_is_hidden_when_os_fork_is_called_from_an_imported_module():
    hidden = python("-c", IMPORTED)
    shown = python("-W", "default", "-c", IMPORTED)
    assert hidden.stdout == shown.stdout
    assert "DeprecationWarning" not in hidden.stderr
    if sys.version_info >= (3, 12):
        assert WARNING.search(shown.stderr)
    else:
        assert "DeprecationWarning" not in shown.stderr
