"""Behaviour the Semaphore, Timer and Barrier page promises."""

import threading
import time

import pytest

from snippets.synchronization import (
    barrier_broken,
    barrier_start,
    condition_bounded_buffer,
    semaphore_bounded,
    semaphore_limit,
    timer_fire_cancel,
)


@pytest.mark.parametrize(("tasks", "limit"), [(6, 2), (9, 3)])
def test_semaphore_peak_equals_the_limit_and_never_exceeds_it(tasks, limit):
    # A barrier of `limit` parties passes only when `limit` tasks are inside
    # the semaphore at once: the peak must reach the limit, with no sleeps.
    together = threading.Barrier(limit, timeout=5)
    peak = semaphore_limit.run(tasks, limit, work=lambda _: together.wait())
    assert peak == limit


def test_semaphore_never_lets_more_than_the_limit_in():
    # A barrier of limit + 1 parties can only pass if the semaphore lets one
    # task too many in; with a correct semaphore it times out and breaks.
    limit = 2
    one_too_many = threading.Barrier(limit + 1, timeout=0.2)
    outcomes = []

    def work(_):
        try:
            one_too_many.wait()
            outcomes.append("passed")
        except threading.BrokenBarrierError:
            outcomes.append("broken")

    peak = semaphore_limit.run(limit + 1, limit, work=work)
    assert peak == limit
    assert outcomes == ["broken"] * (limit + 1)


def test_semaphore_demo_default_work_stays_within_the_limit(monkeypatch):
    monkeypatch.setattr(semaphore_limit, "TIME_SCALE", 0.01)
    assert 1 <= semaphore_limit.run(6, 2) <= 2


def test_an_extra_release_grows_a_semaphore_but_a_bounded_one_raises():
    free, error = semaphore_bounded.run(limit=2)
    assert free == 3
    assert error == "ValueError: Semaphore released too many times"
    with pytest.raises(ValueError, match="released too many times"):
        threading.BoundedSemaphore(1).release()


def test_timer_fires_once_after_the_delay_and_is_not_a_daemon():
    calls, took, daemon = timer_fire_cancel.fire_once(delay=0.02)
    assert calls == 1
    assert took >= 0.015  # not early (timer clocks may round a little)
    assert daemon is False
    assert issubclass(threading.Timer, threading.Thread)


def test_cancel_while_waiting_prevents_the_call():
    start = time.monotonic()
    calls, alive = timer_fire_cancel.cancel_while_waiting(delay=60)
    assert calls == 0
    assert alive is False
    assert time.monotonic() - start < 10  # it did not wait out the 60 s


@pytest.mark.parametrize("parties", [3, 5])
def test_barrier_indices_are_a_permutation_and_the_action_runs_once(parties):
    indexes, log = barrier_start.run(parties)
    assert indexes == list(range(parties))
    assert log.count("action") == 1
    action = log.index("action")
    assert sorted(log[:action]) == [f"runner {n} ready" for n in range(parties)]
    assert log[action + 1 :] == ["released"] * parties


def test_barrier_uses_the_module_attribute(threading_spy):
    made = threading_spy(barrier_start, semaphore_limit)
    barrier_start.run(2)
    assert sorted(made) == ["Barrier", "Thread", "Thread"]
    made.clear()
    semaphore_limit.run(2, 1, work=lambda _: None)
    assert sorted(made) == ["Lock", "Semaphore", "Thread", "Thread"]


def test_a_missing_party_or_abort_breaks_the_barrier_instead_of_hanging():
    start = time.monotonic()
    outcomes = barrier_broken.run(timeout=0.05)
    assert outcomes == {
        "third party never came": ["BrokenBarrierError"] * 2,
        "third party called abort()": ["BrokenBarrierError"] * 2,
    }
    assert time.monotonic() - start < 5  # abort() did not wait for its timeout


def test_condition_buffer_delivers_in_order_within_capacity():
    received, peak = condition_bounded_buffer.run(items=200, capacity=3)
    assert received == list(range(200))
    assert 1 <= peak <= 3
