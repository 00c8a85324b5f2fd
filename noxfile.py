"""Every check of the project, as nox sessions: CI (.ci/run and the GitHub
workflow) runs these sessions and nothing else (README, "How the project is
checked").

    python -m nox -l                       # the sessions, and what each does
    python -m nox                          # suite; tests and stress on every Python
    python -m nox -s tests -p 3.12         # one session on one version
    STRESS_RUNS=5 python -m nox -s stress  # a short stress pass (default 50)

Two kinds of session:

- `tests` and `stress` run on every CPython of PYTHONS, each in a virtual
  environment of its own with only the test tools (and, for stress mode, the
  Markdown parser that finds each page's expected output), installed from the
  lock with their hashes; never the site toolchain, since the snippets need
  only the standard library. They leave out the test modules that need the
  toolchain (TOOLCHAIN_TESTS, and the tests marked `toolchain`) instead of
  letting them skip, so that CI has no "missing dependency" skip.
- The others check the site, which does not depend on the Python version. They
  run in the environment that `python -m nox` runs in, which
  `python -m pip install -r requirements.txt` made (venv_backend "none"): one
  install of the toolchain, not one per session.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "requirements.txt"
#: The versions the examples promise to work on; "t" is a free-threaded build.
#: The one list: the workflow's matrix must equal it (tests/test_ci.py), and
#: its first entry is the floor, `requires-python` in pyproject.toml.
PYTHONS = ["3.11", "3.12", "3.13", "3.13t", "3.14", "3.14t"]
#: The test modules that need the site toolchain (MkDocs, ruff, mypy,
#: matplotlib, Playwright, PyYAML), which `tests` and `stress` do not install.
#: A module missing here fails those sessions in CI, loudly (tests/conftest.py).
TOOLCHAIN_TESTS = [
    "tests/test_browser.py",
    "tests/test_ci.py",
    "tests/test_docs.py",
    "tests/test_lint.py",
    "tests/test_notebooks.py",
    "tests/test_overrides.py",
]
#: The tooling that the type checker holds to zero errors (the snippets' type
#: hints are checked by tests/test_lint.py).
#: The lock tool (README, "How the project is checked"); not in the lock itself.
LOCK_TOOL = "uv==0.13.9"

nox.options.sessions = ["suite", "tests", "stress"]
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


# --- the lock ---------------------------------------------------------------


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock_entries() -> list[tuple[str, str, set[str]]]:
    """requirements.txt as (package, entry, the packages it is required by):
    the entry is the pin with its marker and hashes, as the lock writes it."""
    entries: list[tuple[str, str, set[str]]] = []
    for entry in re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8")):
        if not (pin := re.match(r"([A-Za-z0-9_.-]+)==", entry)):
            continue  # the header
        via = entry.partition("# via")[2]
        parents = re.findall(r"^[\s#]*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$", via, re.M)
        entries.append((_name(pin[1]), entry.strip(), {_name(p) for p in parents}))
    return entries


def locked(session: nox.Session, *names: str) -> Path:
    """A requirements file with `names` and everything they need, copied from
    the lock with their hashes, for `pip install --require-hashes -r`."""
    entries = _lock_entries()
    missing = {_name(n) for n in names} - {name for name, _, _ in entries}
    if missing:
        session.error(f"requirements.txt locks none of {sorted(missing)}")
    needed = {_name(n) for n in names}
    while more := {n for n, _, via in entries if via & needed} - needed:
        needed |= more
    path = Path(session.create_tmp()) / "locked.txt"
    path.write_text("\n".join(e for n, e, _ in entries if n in needed) + "\n")
    return path


def install_locked(session: nox.Session, *names: str) -> None:
    session.install("--require-hashes", "-r", str(locked(session, *names)))


TEST_TOOLS = ["pytest", "pytest-timeout", "pytest-xdist"]
PAGE_PARSER = ["markdown", "pyyaml", "pymdown-extensions", "pytest-codeblocks"]


def _show_interpreter(session: nox.Session) -> None:
    session.run(
        "python",
        "-c",
        "import sys; from snippet_runner import gil_enabled; "
        "print(sys.version); print('GIL enabled:', gil_enabled())",
        silent=False,
    )


# --- on every Python ----------------------------------------------------------


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The snippet-level tests: every snippet runs, and does what its page says."""
    install_locked(session, *TEST_TOOLS)
    _show_interpreter(session)
    ignored = [f"--ignore={path}" for path in TOOLCHAIN_TESTS]
    session.run(
        "python", "-m", "pytest", *ignored, "-m", "not toolchain", *session.posargs
    )


@nox.session(python=PYTHONS)
def stress(session: nox.Session) -> None:
    """Every snippet STRESS_RUNS times (50 by default) under a tiny switch interval.

    Extra arguments go to pytest, e.g. `-- -k races`.
    """
    install_locked(session, *TEST_TOOLS, *PAGE_PARSER)
    _show_interpreter(session)
    runs = os.environ.get("STRESS_RUNS", "50")
    session.run(
        "python", "-m", "pytest", "tests/test_stress.py", f"--stress={runs}",
        *session.posargs,
    )  # fmt: skip


# --- the site, in the environment nox runs in ---------------------------------

#: The interpreter that runs nox: the environment the site sessions use.
PYTHON = sys.executable

#: The README's test command, which `suite` runs word for word.
SUITE_COMMAND = "python -m pip install -r requirements.txt && python -m pytest"


@nox.session(venv_backend="none")
def suite(session: nox.Session) -> None:
    """The README's test command: the lock installed, then the whole suite
    (every snippet and page, lint, the strict build, the browser tests)."""
    install, test = (c.split() for c in SUITE_COMMAND.split(" && "))
    session.run(PYTHON, *install[1:])
    session.run(PYTHON, *test[1:], *session.posargs)


@nox.session(venv_backend="none")
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, mypy on the snippets, codespell."""
    session.run(PYTHON, "-m", "pytest", "tests/test_lint.py", *session.posargs)


@nox.session(venv_backend="none")
def typecheck(session: nox.Session) -> None:
    """mypy on the tooling ([tool.mypy] files in pyproject.toml), at zero errors."""
    session.run(PYTHON, "-m", "mypy", *session.posargs)


_built: list[Path] = []  # the site, once built in this nox run


def _site(session: nox.Session) -> Path:
    """`mkdocs build --strict` into site/, once per nox run (build,
    screenshots and lighthouse share it)."""
    if not _built:
        session.run(PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site")
        _built.append(ROOT / "site")
    return _built[0]


@nox.session(venv_backend="none")
def build(session: nox.Session) -> None:
    """The strict build, into site/ (what the workflow publishes)."""
    _site(session)


@nox.session(venv_backend="none")
def browser(session: nox.Session) -> None:
    """The browser tests, required: a missing Chromium fails them."""
    session.run(
        PYTHON, "-m", "pytest", "tests/test_browser.py", *session.posargs,
        env={"REQUIRE_BROWSER": "1"},
    )  # fmt: skip


@nox.session(venv_backend="none")
def screenshots(session: nox.Session) -> None:
    """Every page at 1280 and 390 px wide, both palettes, into reports/."""
    site = _site(session)
    session.run(PYTHON, "-m", "sitetools.screenshots", "--site", str(site))


@nox.session(venv_backend="none")
def lighthouse(session: nox.Session) -> None:
    """Lighthouse on three pages, ours against stock Material, into reports/.
    LIGHTHOUSE_RUNS sets the runs per page (the script's default: 3); extra
    arguments go to the script."""
    site = _site(session)
    runs = os.environ.get("LIGHTHOUSE_RUNS")
    session.run(
        PYTHON, "-m", "sitetools.lighthouse", "--site", str(site),
        *(["--runs", runs] if runs else []), *session.posargs,
    )  # fmt: skip


@nox.session(venv_backend="none")
def zizmor(session: nox.Session) -> None:
    """zizmor, offline, on the workflow and the Dependabot configuration:
    0 findings, with its strictest persona (pedantic)."""
    zizmor = str(Path(PYTHON).parent / "zizmor")
    session.run(zizmor, "--offline", "--persona=pedantic", ".github", *session.posargs)


# --- maintenance ----------------------------------------------------------------


@nox.session(python=PYTHONS[0])
def lock(session: nox.Session) -> None:
    """Regenerate requirements.txt from requirements.in, with hashes, for
    every Python of requires-python (pyproject.toml) and every platform."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    floor = project["project"]["requires-python"].removeprefix(">=")
    session.install(LOCK_TOOL)
    session.run(
        "uv", "pip", "compile", "requirements.in", "--universal",
        f"--python-version={floor}", "--generate-hashes",
        "--custom-compile-command=python -m nox -s lock",
        "--output-file=requirements.txt", *session.posargs,
    )  # fmt: skip
