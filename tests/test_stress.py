"""Stress mode: every snippet, many times, with a 1 us switch interval.

Skipped unless pytest gets `--stress` (50 runs) or `--stress=N`:

    python -m pytest tests/test_stress.py --stress          # 50 runs each
    STRESS_RUNS=5 python -m nox -s stress                   # on every Python

The figures (runs, failures, how often each broken-on-purpose snippet showed
its bug) are printed as a table at the end of the run. See tests/stress.py.
"""

import pytest
from stress import MAX_FAILURES, Shown, stress_registered_snippet, stress_snippet

from snippet_runner import DEFAULT_TIMEOUT, all_snippets


def pytest_generate_tests(metafunc):
    if "name" not in metafunc.fixturenames:
        return
    runs = metafunc.config.getoption("--stress")
    # A generous limit per snippet: stress_snippet stops after MAX_FAILURES
    # failed runs, and the runner cuts off each hang after DEFAULT_TIMEOUT s.
    limit = pytest.mark.timeout(60 + 2 * runs + MAX_FAILURES * DEFAULT_TIMEOUT)
    metafunc.parametrize("name", [pytest.param(n, marks=limit) for n in all_snippets()])


@pytest.fixture
def stress_runs(request):
    runs = request.config.getoption("--stress")
    if not runs:
        pytest.skip("stress mode is off: run pytest with --stress or --stress=N")
    return runs


def test_snippet_under_stress(name, stress_runs, request, record_property):
    result = stress_registered_snippet(name, stress_runs)
    record_property("stress", result.figures())
    if result.failures:
        pytest.fail(
            f"snippets/{name}: {len(result.failures)} of {result.runs} runs failed "
            f"under stress; the first:\n{result.failures[0]}",
            pytrace=False,
        )
    if result.broken:
        min_rate = request.config.getoption("--stress-min-bug-rate")
        assert result.bug_rate >= min_rate, (
            f"snippets/{name} is broken on purpose, but showed its bug in only "
            f"{result.bug_shown} of {result.runs} runs ({result.bug_rate:.0%}, "
            f"needs {min_rate:.0%}): the page promises readers will see it"
        )


# --- stress mode itself must be able to fail (these run by default) ---------

FLAKY = """
import os
import sys

def main() -> None:
    # Prints the wrong total in every third run, as a lost update would.
    counter = sys.argv[0] + ".count"
    n = int(open(counter).read()) if os.path.exists(counter) else 0
    open(counter, "w").write(str(n + 1))
    print("total 200" if n % 3 else "total 199")

if __name__ == "__main__":
    main()
"""

SWITCH_INTERVAL = """
import os
import sys

def main() -> None:
    print(sys.getswitchinterval(), sys.flags.dev_mode)

if __name__ == "__main__":
    main()
"""


def test_stress_runs_with_a_tiny_switch_interval_and_dev_mode(write_program):
    result = stress_snippet(
        write_program(SWITCH_INTERVAL), 1, expected=(Shown("page", "1e-06 True\n"),)
    )
    assert result.failures == []


def test_stress_fails_a_fixed_snippet_that_prints_a_wrong_line(write_program):
    result = stress_snippet(
        write_program(FLAKY), 6, expected=(Shown("page.md", "total 200\n"),)
    )
    assert result.runs == 6
    assert len(result.failures) == 2  # runs 1 and 4
    assert (
        "page.md shows\ntotal 200\nbut the program printed\ntotal 199"
        in (result.failures[0])
    )


def test_stress_counts_how_often_a_broken_snippet_shows_its_bug(write_program):
    result = stress_snippet(write_program(FLAKY), 6, bug_pattern=r"total 199")
    assert (result.failures, result.bug_shown, result.bug_rate) == ([], 2, 2 / 6)


def test_stress_stops_after_a_few_failures(write_program):
    result = stress_snippet(write_program("raise SystemExit(1)\n"), 50)
    assert (result.runs, len(result.failures)) == (MAX_FAILURES, MAX_FAILURES)
    assert "exited with status 1" in result.failures[0]
