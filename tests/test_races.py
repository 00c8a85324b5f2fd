"""Behaviour the Race conditions page promises."""

import re

import pytest
from snippet_runner import BROKEN_ON_PURPOSE, snippet_output

from snippets.races import race_locked_counter, race_unsafe_counter

RUNS = 5


def test_unsafe_counter_loses_updates_in_every_run():
    results = [race_unsafe_counter.run(threads=2, increments=100) for _ in range(RUNS)]
    assert all(value < 200 for value in results), results


def test_locked_counter_is_exact_in_every_run():
    for threads in (2, 3):
        for _ in range(RUNS):
            assert race_locked_counter.run(threads, 100) == threads * 100


def test_unsafe_script_prints_the_bug():
    run = snippet_output("races/race_unsafe_counter.py")
    assert re.search(BROKEN_ON_PURPOSE["races/race_unsafe_counter.py"], run.stdout)


@pytest.mark.parametrize("module", [race_unsafe_counter, race_locked_counter])
def test_primitives_come_from_the_module_attribute(module, threading_spy):
    """A recorder can swap `module.threading` and see every primitive made."""
    made = threading_spy(module)
    module.run(threads=2, increments=10)
    assert made.count("Thread") == 2
    assert "Barrier" in made
    assert ("Lock" in made) == (module is race_locked_counter)
