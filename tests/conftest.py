import os
import sys
import threading
import time

import pytest

if sys.version_info < (3, 11):  # noqa: UP036 - the point is a clear message on old Pythons
    pytest.exit(
        "The test suite needs Python 3.11 or newer; this is " + sys.version.split()[0],
        returncode=4,
    )

#: How long a test's threads get to finish after the test before they count as
#: leaked. A thread that was joined is gone at once; this only absorbs a thread
#: that was told to stop and is on its last line.
LEAK_GRACE = float(os.environ.get("THREAD_LEAK_GRACE", "2"))


def leaked_threads(
    before: set[threading.Thread], grace: float = LEAK_GRACE
) -> list[threading.Thread]:
    """Threads alive now that were not in `before`, polling for up to `grace` s."""
    deadline = time.monotonic() + grace
    while True:
        new = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not new or time.monotonic() >= deadline:
            return new
        time.sleep(0.01)


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fail any test that leaves a thread running (tests/conftest.py)."""
    before = set(threading.enumerate())
    yield
    if leaked := leaked_threads(before):
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
    """Swap `module.threading` for a stand-in that logs each primitive made.

    `threading_spy(module, ...)` returns the list of names made (`"Lock"`,
    `"Thread"`, ...). It proves what the timeline recorder (threadviz) relies
    on: the snippets create their primitives through the module attribute.
    """
    made: list[str] = []

    class Spy:
        def __getattr__(self, name):
            real = getattr(threading, name)
            is_exception = isinstance(real, type) and issubclass(real, BaseException)
            if not (name[0].isupper() and callable(real)) or is_exception:
                return real

            def make(*args, **kwargs):
                made.append(name)
                return real(*args, **kwargs)

            return make

    def spy(*modules):
        for module in modules:
            monkeypatch.setattr(module, "threading", Spy())
        return made

    return spy


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
        f"Python {sys.version.split()[0]}, "
        f"GIL enabled: {getattr(sys, '_is_gil_enabled', lambda: True)()}"
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
