"""Snippets (and the tests) pass `ruff check` and `ruff format --check`."""

import subprocess
import sys

import pytest

# Lint is not version-specific; the version matrix (noxfile.py) does not install
# ruff, so there this module is skipped.
pytest.importorskip("ruff", reason="lint test: needs requirements.txt")
from snippet_runner import ROOT

PATHS = ["snippets", "tests", "hooks", "noxfile.py", "threadviz", "docs/notebooks"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, (
        f"ruff {' '.join(command)}:\n{proc.stdout}{proc.stderr}"
    )
