"""Snippets (and the tests) pass `ruff check` and `ruff format --check`, the
snippets' type hints pass mypy, and the pages and snippets are spelled right."""

import subprocess
import sys

import pytest

# Lint is not version-specific; the version matrix (noxfile.py) does not install
# ruff, so there this module is skipped.
pytest.importorskip("ruff", reason="lint test: needs requirements.txt")
from snippet_runner import BROKEN_ON_PURPOSE, ROOT, SNIPPETS, all_snippets

PATHS = [
    "snippets",
    "snippet_runner",
    "tests",
    "hooks",
    "scripts",
    "noxfile.py",
    "threadviz",
    "docs/notebooks",
]
#: What codespell reads: everything a reader or a maintainer reads.
SPELLED = [
    "docs",
    "snippets",
    "snippet_runner",
    "README.md",
    "tests",
    "threadviz",
    "hooks",
    "scripts",
]


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    proc = run("ruff", *command, *PATHS)
    assert proc.returncode == 0, (
        f"ruff {' '.join(command)}:\n{proc.stdout}{proc.stderr}"
    )


def test_snippet_type_hints_pass_mypy():
    """Broken-on-purpose demos aside: some break a call on purpose."""
    pytest.importorskip("mypy", reason="lint test: needs requirements.txt")
    checked = [str(SNIPPETS / s) for s in all_snippets() if s not in BROKEN_ON_PURPOSE]
    proc = run("mypy", "--no-error-summary", *checked)
    assert proc.returncode == 0, f"mypy:\n{proc.stdout}{proc.stderr}"


def test_spelling():
    pytest.importorskip("codespell_lib", reason="lint test: needs requirements.txt")
    proc = run("codespell_lib", *SPELLED)
    assert proc.returncode == 0, f"codespell:\n{proc.stdout}{proc.stderr}"
