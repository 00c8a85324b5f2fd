import fcntl
import json
import os
import re
import sys
import textwrap
import threading

import pytest

from snippet_runner import ROOT, RUN_CACHE, gil_enabled
from snippets.testing.leak_check import leaked_threads

#: The oldest supported Python: `requires-python` in pyproject.toml, the one
#: place that states it (read without tomllib, which older Pythons lack).
FLOOR = re.search(
    r'^requires-python = ">=([\d.]+)"$',
    (ROOT / "pyproject.toml").read_text("utf-8"),
    re.MULTILINE,
)[1]
if sys.version_info < tuple(map(int, FLOOR.split("."))):
    pytest.exit(
        f"The test suite needs Python {FLOOR} or newer; "
        f"this is {sys.version.split()[0]}",
        returncode=4,
    )

# --- no silent skips in CI ----------------------------------------------------
# In CI (the CI variable is set by .ci/run and by GitHub) a missing dependency
# means a broken install: pytest.importorskip fails there instead of skipping,
# whether at module level, in a fixture or in a test, and a missing browser
# fails the browser tests (REQUIRE_BROWSER). Skips that the Python version or
# the platform forces (skipif markers) are untouched. The nox sessions on
# every Python do not install the toolchain, so they leave out the tests that
# need it (noxfile.py: TOOLCHAIN_TESTS, and the `toolchain` marker).
if os.environ.get("CI"):
    _importorskip = pytest.importorskip

    def _import_or_fail(modname, *args, **kwargs):
        try:
            return _importorskip(modname, *args, **kwargs)
        except pytest.skip.Exception as skip:
            raise pytest.fail.Exception(
                f"CI is set, so a missing dependency is a failure, not a skip: "
                f"{skip.msg}. Install requirements.txt.",
                pytrace=False,
            ) from None

    pytest.importorskip = _import_or_fail
    os.environ.setdefault("REQUIRE_BROWSER", "1")

#: How long a test's threads get to finish after the test before they count as
#: leaked. A thread that was joined is gone at once; this only absorbs a thread
#: that was told to stop and is on its last line.
LEAK_GRACE = float(os.environ.get("THREAD_LEAK_GRACE", "2"))


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fail any test that leaves a thread running (tests/conftest.py)."""
    before = set(threading.enumerate())
    yield
    if leaked := leaked_threads(before, LEAK_GRACE):
        names = ", ".join(
            f"{t.name} ({'daemon' if t.daemon else 'non-daemon'})" for t in leaked
        )
        pytest.fail(
            f"the test left {len(leaked)} thread(s) running after {LEAK_GRACE:g} s: "
            f"{names}. Stop and join every thread a test starts.",
            pytrace=False,
        )


@pytest.fixture
def threading_spy(monkeypatch):
    """Swap `module.threading` (and `module.queue`, where the module has it)
    for a stand-in that logs each primitive made.

    `threading_spy(module, ...)` returns the list of names made (`"Lock"`,
    `"Thread"`, `"Queue"`...). It proves what the timeline recorder
    (threadviz) relies on: the snippets create their primitives through the
    module attribute.
    """
    made: list[str] = []

    class Spy:
        def __init__(self, real_module):
            self._real_module = real_module

        def __getattr__(self, name):
            real = getattr(self._real_module, name)
            is_exception = isinstance(real, type) and issubclass(real, BaseException)
            if not (name[0].isupper() and callable(real)) or is_exception:
                return real

            def make(*args, **kwargs):
                made.append(name)
                return real(*args, **kwargs)

            return make

    def spy(*modules):
        for module in modules:
            for attr in ("threading", "queue"):
                if hasattr(module, attr):
                    monkeypatch.setattr(module, attr, Spy(getattr(module, attr)))
        return made

    return spy


@pytest.fixture
def write_program(tmp_path):
    """`write_program(source)`: the source, dedented, in tmp_path/program.py."""

    def write(source: str):
        path = tmp_path / "program.py"
        path.write_text(textwrap.dedent(source))
        return path

    return write


# --- the site, built once per test run ---------------------------------------


def _run_folder(config, tmp_path_factory):
    """A folder that every process of this test run shares: under
    pytest-xdist each worker's temporary folder is inside the controller's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


@pytest.fixture(scope="session", autouse=True)
def shared_snippet_runs(request, tmp_path_factory):
    """Every process of the test run shares one run of each snippet (the
    behaviour tests, the page-output tests and the clean-run tests all read
    it): snippet_runner.snippet_run() keeps them in this folder."""
    folder = _run_folder(request.config, tmp_path_factory) / "snippet-runs"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(RUN_CACHE, str(folder))
        yield


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory):
    """The site, built once per test run with `mkdocs build --strict`, and
    shared by every test that needs it, in every pytest-xdist worker: the
    first worker to ask builds it under a file lock, the others wait for it
    and read how the build ended. Returns a sitetools.build.Build.

    A strict build that fails on a warning has still written the whole site
    (MkDocs counts the warnings at the end), so only tests/test_docs.py's
    test_strict_build_passes fails then; the tests that read the site fail
    only when it was not written.
    """
    pytest.importorskip("mkdocs", reason="site test: needs requirements.txt")
    from sitetools.build import Build, build_site

    folder = _run_folder(request.config, tmp_path_factory)
    record = folder / "site-build.json"
    with open(folder / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not record.is_file():
            build = build_site(folder / "site", strict=True, check=False)
            record.write_text(json.dumps([build.returncode, build.log]))
    returncode, log = json.loads(record.read_text())
    return Build(folder / "site", returncode, log)


#: The per-test limit of a test that needs the site: the first one builds it,
#: executing the notebooks when their cache is cold (pyproject.toml: timeout).
SITE_TEST_TIMEOUT = 300


def pytest_collection_modifyitems(config, items):
    """Give every test that needs the site time to build it."""
    for item in items:
        needs_site = "built_site" in getattr(item, "fixturenames", ())
        if needs_site and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(SITE_TEST_TIMEOUT))


@pytest.fixture(scope="session")
def site(built_site):
    """The built site's folder; fails when the build wrote no site."""
    if not built_site.written:
        pytest.fail(f"mkdocs build wrote no site:\n{built_site.log}", pytrace=False)
    return built_site.site


# --- stress mode (tests/test_stress.py) -------------------------------------

DEFAULT_STRESS_RUNS = 50


def pytest_addoption(parser):
    parser.addoption(
        "--update-output",
        action="store_true",
        help="rewrite each page's expected-output blocks from a real run of "
        "its snippet (tests/test_docs.py), instead of failing on a difference",
    )
    group = parser.getgroup("stress", "stress mode (tests/test_stress.py)")
    group.addoption(
        "--stress",
        type=int,
        nargs="?",
        const=DEFAULT_STRESS_RUNS,
        default=0,
        metavar="RUNS",
        help="run every snippet RUNS times (default %(const)s) with a 1 us switch "
        "interval and PYTHONDEVMODE=1; without it the stress tests are skipped",
    )
    group.addoption(
        "--stress-min-bug-rate",
        type=float,
        default=0.99,
        metavar="RATE",
        help="share of runs in which each broken-on-purpose snippet must show its "
        "bug (default %(default)s)",
    )


def pytest_terminal_summary(terminalreporter, config):
    """Print the stress figures as a Markdown table, for the testing page."""
    rows = [
        dict(prop[1])
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for prop in getattr(report, "user_properties", ())
        if prop[0] == "stress"
    ]
    if not rows:
        return
    terminalreporter.section("stress figures")
    terminalreporter.write_line(
        f"Python {sys.version.split()[0]}, GIL enabled: {gil_enabled()}"
    )
    terminalreporter.write_line(
        "| Snippet | Runs | Failures | Broken on purpose: bug shown |"
    )
    terminalreporter.write_line("| --- | ---: | ---: | ---: |")
    for row in sorted(rows, key=lambda r: r["snippet"]):
        bug = (
            f"{row['bug_shown']}/{row['runs']} ({row['bug_shown'] / row['runs']:.0%})"
            if row["broken"] and row["runs"]
            else "—"
        )
        terminalreporter.write_line(
            f"| `{row['snippet']}` | {row['runs']} | {row['failures']} | {bug} |"
        )
