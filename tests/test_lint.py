"""Snippets (and the tests) pass `ruff check` and `ruff format --check`."""

import subprocess
import sys

import pytest
from snippet_runner import ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "snippets", "tests", "hooks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, (
        f"ruff {' '.join(command)}:\n{proc.stdout}{proc.stderr}"
    )
