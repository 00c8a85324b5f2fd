"""Behaviour the "Which operations are thread-safe" page promises."""

import re
import sys

from snippet_runner import BROKEN_ON_PURPOSE, snippet_run
from snippets.thread_safety import (
    atomic_operations,
    count_broken,
    count_fixed,
    group_broken,
    group_fixed,
)

RUNS = 5
EXPECTED_COUNTS = {"GET": 2000, "POST": 1000}


def test_single_operations_lose_nothing_even_with_a_switch_every_microsecond():
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        results, squares, queued, taken_by = atomic_operations.run()
    finally:
        sys.setswitchinterval(interval)
    total = atomic_operations.THREADS * atomic_operations.ITEMS
    assert sorted(results) == list(range(total))
    assert squares == {n: n * n for n in range(total)}
    assert sorted(queued) == list(range(total))
    taken = [n for taken in taken_by for n in taken]
    assert sorted(taken) == list(range(total)), "each job taken exactly once"


def test_popleft_takes_the_jobs_in_the_order_they_were_queued():
    _, _, queued, taken_by = atomic_operations.run()
    position = {n: i for i, n in enumerate(queued)}
    for taken in taken_by:
        assert [position[n] for n in taken] == sorted(position[n] for n in taken)


def test_read_modify_write_on_a_dict_loses_updates_in_every_run():
    """Some update is lost in every run (which key loses how many varies: on
    a loaded machine one thread can count all the POSTs alone)."""
    for _ in range(RUNS):
        counts = count_broken.run(threads=2)
        assert sum(counts.values()) < sum(EXPECTED_COUNTS.values()), counts


def test_counter_under_a_lock_is_exact_in_every_run():
    for threads in (2, 3):
        for _ in range(RUNS):
            assert count_fixed.run(threads) == {
                "GET": 1000 * threads,
                "POST": 500 * threads,
            }


def test_check_then_act_loses_orders_in_every_run():
    for _ in range(RUNS):
        orders = group_broken.run()
        assert sum(map(len, orders.values())) < 2 * len(group_broken.CUSTOMERS)


def test_setdefault_keeps_every_order_of_every_customer():
    for _ in range(RUNS):
        orders = group_fixed.run()
        assert sorted(orders) == sorted(group_fixed.CUSTOMERS)
        for customer, kept in orders.items():
            assert sorted(kept) == [
                f"north: order for {customer}",
                f"south: order for {customer}",
            ]


def test_iterating_a_dict_while_it_grows_raises_and_a_list_skips_silently():
    run = snippet_run("thread_safety/iterate_broken.py")
    assert run.stdout == (
        "dict: the report raised RuntimeError: "
        "dictionary changed size during iteration\n"
        "list: the report listed ['job-1', 'job-3', 'job-4']\n"
    )
    assert re.search(BROKEN_ON_PURPOSE["thread_safety/iterate_broken.py"], run.stdout)


def test_iterating_a_copy_taken_under_the_lock_sees_the_state_at_the_copy():
    run = snippet_run("thread_safety/iterate_fixed.py")
    assert "RuntimeError" not in run.stdout
    assert "list: the report listed ['job-1', 'job-2', 'job-3', 'job-4']" in run.stdout
    assert "after the reports: 4 readings, jobs ['job-2', 'job-3', 'job-4']" in (
        run.stdout
    )


def test_broken_scripts_print_what_their_bug_pattern_matches():
    for name in ("count_broken.py", "group_broken.py"):
        run = snippet_run(f"thread_safety/{name}")
        assert re.search(BROKEN_ON_PURPOSE[f"thread_safety/{name}"], run.stdout), (
            run.stdout
        )


def test_bug_patterns_tell_a_lost_update_from_none():
    counts = BROKEN_ON_PURPOSE["thread_safety/count_broken.py"]
    same = (
        "expected: {'GET': 2000, 'POST': 1000}\ngot:      {'GET': 2000, 'POST': 1000}\n"
    )
    assert not re.search(counts, same)
    assert re.search(
        counts, same.replace("got:      {'GET': 2000", "got:      {'GET': 1999")
    )
    orders = BROKEN_ON_PURPOSE["thread_safety/group_broken.py"]
    assert not re.search(orders, "orders taken: 1000\norders kept:  1000\n")
    assert re.search(orders, "orders taken: 1000\norders kept:  503\n")
