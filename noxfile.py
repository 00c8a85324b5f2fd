"""Run the snippet tests on every CPython found here, and stress the snippets.

    python -m nox                      # tests and stress on every Python found
    python -m nox -s tests -p 3.12     # one session on one version
    STRESS_RUNS=5 python -m nox -s stress   # a short stress pass (default 50)

The snippets need only the standard library, so each session installs only the
test tools (and, for stress mode, the Markdown parser that finds each page's
expected output), pinned as in requirements.txt; never the site toolchain.
The tests that need MkDocs or ruff skip themselves with a reason when those
are missing (see `pytest.importorskip` in tests/test_docs.py and
tests/test_lint.py); `.ci/run` runs them in its own full environment.
"""

import os
import re
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
#: The versions the examples promise to work on; "t" is a free-threaded build.
PYTHONS = ["3.11", "3.12", "3.13", "3.14", "3.14t"]

nox.options.sessions = ["tests", "stress"]
nox.options.download_python = "never"  # nothing is fetched but PyPI packages
# A version that is not installed is skipped locally and an error on CI (nox
# reads the CI variable), so CI cannot pass by silently testing less.

# pyenv keeps each version in its own folder and answers `python3.12` only for
# the versions it has activated, so put every installed 3.x on PATH for nox.
_pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
os.environ["PATH"] = os.pathsep.join(
    [str(p) for p in sorted(_pyenv.glob("3.*/bin"), reverse=True)]
    + [os.environ.get("PATH", "")]
)


def pins(*names: str) -> list[str]:
    """The exact `name==version` lines for `names` from requirements.txt."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    found = {
        m.group(1).lower(): m.group(0)
        for m in re.finditer(r"^([A-Za-z0-9_.-]+)==[^\s#]+", text, re.MULTILINE)
    }
    missing = [n for n in names if n.lower() not in found]
    if missing:
        raise ValueError(f"requirements.txt pins none of {missing}")
    return [found[n.lower()] for n in names]


TEST_TOOLS = pins("pytest", "pytest-timeout", "pytest-xdist")
PAGE_PARSER = pins("markdown", "pyyaml", "pymdown-extensions", "pytest-codeblocks")


def _show_interpreter(session: nox.Session) -> None:
    session.run(
        "python",
        "-c",
        "import sys; print(sys.version); "
        "print('GIL enabled:', getattr(sys, '_is_gil_enabled', lambda: True)())",
        silent=False,
    )


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The snippet-level tests: every snippet runs, and does what its page says."""
    session.install(*TEST_TOOLS)
    _show_interpreter(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHONS)
def stress(session: nox.Session) -> None:
    """Every snippet STRESS_RUNS times (50 by default) under a tiny switch interval.

    Extra arguments go to pytest, e.g. `-- -k races`.
    """
    session.install(*TEST_TOOLS, *PAGE_PARSER)
    _show_interpreter(session)
    runs = os.environ.get("STRESS_RUNS", "50")
    session.run(
        "python", "-m", "pytest", "tests/test_stress.py", f"--stress={runs}",
        *session.posargs,
    )  # fmt: skip
