"""Every Python file passes `ruff check` and `ruff format --check`; the
snippets' type hints and the tooling packages pass mypy; and the pages,
snippets and tooling are spelled right."""

import subprocess
import sys

import pytest

# Lint is not version-specific; the version matrix (noxfile.py) does not install
# ruff, so there this module is skipped.
pytest.importorskip("ruff", reason="lint test: needs requirements.txt")
from snippet_runner import BROKEN_ON_PURPOSE, ROOT, SNIPPETS, all_snippets

PATHS = [
    "snippets",
    "exercises",
    "snippet_runner",
    "sitetools",
    "tests",
    "hooks",
    "noxfile.py",
    "threadviz",
    "docs/notebooks",
]
#: What codespell reads: everything a reader or a maintainer reads.
SPELLED = [
    "docs",
    "snippets",
    "exercises",
    "snippet_runner",
    "README.md",
    "tests",
    "threadviz",
    "sitetools",
    "hooks",
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


def test_tooling_type_hints_pass_mypy():
    """The tooling listed in [tool.mypy] files (pyproject.toml), with the same
    settings as the snippets."""
    pytest.importorskip("mypy", reason="lint test: needs requirements.txt")
    proc = run("mypy", "--no-error-summary")
    assert proc.returncode == 0, f"mypy:\n{proc.stdout}{proc.stderr}"


def test_every_python_file_is_linted():
    """PATHS covers every tracked Python file: a new folder cannot slip by."""
    proc = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode != 0:
        pytest.skip(f"not a git checkout: {proc.stderr.strip()}")
    missed = [
        f
        for f in proc.stdout.splitlines()
        if not any(f == p or f.startswith(p.rstrip("/") + "/") for p in PATHS)
    ]
    assert not missed, f"Python files outside tests/test_lint.py's PATHS: {missed}"


def test_spelling():
    pytest.importorskip("codespell_lib", reason="lint test: needs requirements.txt")
    proc = run("codespell_lib", *SPELLED)
    assert proc.returncode == 0, f"codespell:\n{proc.stdout}{proc.stderr}"
