"""Behaviour the Race conditions page promises."""

import re

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, snippet_run
from snippets.races import race_locked_counter, race_unsafe_counter

RUNS = 5


def printed_counts(stdout: str) -> tuple[int, int]:
    expected = re.search(r"^expected: +(\d+)$", stdout, re.MULTILINE)
    got = re.search(r"^got: +(\d+)$", stdout, re.MULTILINE)
    assert expected, stdout
    assert got, stdout
    return int(expected[1]), int(got[1])


def test_unsafe_counter_loses_updates_in_every_run():
    results = [race_unsafe_counter.run(threads=2, increments=1000) for _ in range(RUNS)]
    assert all(value < 2000 for value in results), results


def test_unsafe_counter_loses_updates_with_more_threads():
    for _ in range(RUNS):
        assert race_unsafe_counter.run(threads=3, increments=1000) < 3000


def test_locked_counter_is_exact_in_every_run():
    for threads in (2, 3):
        for _ in range(RUNS):
            assert race_locked_counter.run(threads, 200) == threads * 200


def test_unsafe_script_prints_fewer_than_expected():
    run = snippet_run("races/race_unsafe_counter.py")
    expected, got = printed_counts(run.stdout)
    assert expected == 2000
    assert got < expected, run.stdout
    assert re.search(BROKEN_ON_PURPOSE["races/race_unsafe_counter.py"], run.stdout)


def test_locked_script_prints_the_exact_count():
    run = snippet_run("races/race_locked_counter.py")
    assert printed_counts(run.stdout) == (2000, 2000)


def test_the_bug_pattern_tells_a_lost_update_from_none():
    pattern = BROKEN_ON_PURPOSE["races/race_unsafe_counter.py"]
    assert re.search(pattern, "expected: 2000\ngot:      1013\n")
    assert not re.search(pattern, "expected: 2000\ngot:      2000\n")


@pytest.mark.parametrize("module", [race_unsafe_counter, race_locked_counter])
def test_primitives_come_from_the_module_attribute(module, threading_spy):
    """A recorder can swap `module.threading` and see every primitive made."""
    made = threading_spy(module)
    module.run(threads=2, increments=10)
    assert made.count("Thread") == 2
    assert ("Lock" in made) == (module is race_locked_counter)
    assert set(made) <= {"Thread", "Lock", "Event"}, made
