"""Behaviour the Locks and deadlocks page promises."""

import re
import threading

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, snippet_run
from snippets.locks import (
    deadlock_forgotten_release,
    deadlock_lock_order,
    deadlock_lock_order_fixed,
    lock_basics,
)

SHORT = 0.05  # seconds: how long a test waits for a lock it should not get


def test_with_and_acquire_release_both_protect_the_balance():
    assert lock_basics.run(threads=4, rounds=500) == 4 * 500


def test_acquire_with_timeout_gives_up_while_another_thread_holds_the_lock():
    out = snippet_run("locks/lock_acquire_timeout.py").stdout.splitlines()
    assert out == [
        "before: locked() is False",
        "main holds the lock: locked() is True",
        "worker: acquire(timeout=0.1) returned False",
        "after: locked() is False",
        "acquire(blocking=False) returned True",
    ]


# --- a lock that is never released ---------------------------------------------


def raise_from(record):
    ledger = deadlock_forgotten_release.Ledger()
    with pytest.raises(ValueError, match="must not be negative"):
        record(ledger, -5)
    return ledger


def test_an_exception_before_release_leaves_the_lock_held():
    ledger = raise_from(deadlock_forgotten_release.record_broken)
    assert ledger.lock.locked()
    assert ledger.lock.acquire(timeout=SHORT) is False


def test_with_releases_the_lock_when_the_block_raises():
    ledger = raise_from(deadlock_forgotten_release.record_fixed)
    assert not ledger.lock.locked()
    ledger.lock.acquire(blocking=False)  # the next record() gets the lock


def test_both_record_functions_record_a_good_amount():
    for record in (
        deadlock_forgotten_release.record_broken,
        deadlock_forgotten_release.record_fixed,
    ):
        ledger = deadlock_forgotten_release.Ledger()
        record(ledger, 5)
        assert ledger.amounts == [5]
        assert not ledger.lock.locked()


def test_forgotten_release_script_shows_the_lock_still_held_then_released():
    out = snippet_run("locks/deadlock_forgotten_release.py").stdout
    broken, fixed = out.split("record_fixed")
    assert "returned False" in broken
    assert "returned True" not in broken
    assert "returned True" in fixed


# --- two locks in opposite orders ----------------------------------------------


def test_opposite_lock_orders_deadlock_until_one_transfer_gives_up():
    run = snippet_run("locks/deadlock_lock_order.py")
    assert run.stdout.splitlines() == [
        "both transfers hold their first lock: a -> b holds a, b -> a holds b",
        "a -> b: gave up waiting for b after 0.1 s",
        "b -> a: got a too, done",
    ]
    assert re.search(BROKEN_ON_PURPOSE["locks/deadlock_lock_order.py"], run.stdout)


def test_the_transfer_that_gives_up_moves_no_money(capsys):
    a = deadlock_lock_order.Account("a", 100)
    b = deadlock_lock_order.Account("b", 100)
    a_locked, b_locked = threading.Event(), threading.Event()
    b_locked.set()  # as if the other transfer held b...
    with b.lock:  # ...and it does
        went_through = deadlock_lock_order.transfer(a, b, 30, SHORT, a_locked, b_locked)
    assert went_through is False
    assert a_locked.is_set()
    assert not a.lock.locked()  # giving up released the first lock
    assert (a.balance, b.balance) == (100, 100)
    assert "gave up" in capsys.readouterr().out


def test_a_global_lock_order_never_deadlocks():
    for _ in range(5):
        balances = deadlock_lock_order_fixed.run(times=100)
        assert balances == {"a": 1000 - 300 + 100, "b": 1000 + 300 - 100}


def test_both_directions_take_the_locks_in_the_same_order():
    order = []

    class LoggedLock:
        def __init__(self, name):
            self.name, self.lock = name, threading.Lock()

        def __enter__(self):
            order.append(self.name)
            return self.lock.__enter__()

        def __exit__(self, *exc):
            return self.lock.__exit__(*exc)

    a = deadlock_lock_order_fixed.Account("a", 100)
    b = deadlock_lock_order_fixed.Account("b", 100)
    a.lock, b.lock = LoggedLock("a"), LoggedLock("b")
    deadlock_lock_order_fixed.transfer(a, b, 3)
    deadlock_lock_order_fixed.transfer(b, a, 1)
    assert order == ["a", "b", "a", "b"]
    assert (a.balance, b.balance) == (98, 102)


def test_the_lock_order_demos_use_the_module_attribute(threading_spy):
    """A recorder can swap `threading` and see both locks (and the events)."""
    made = threading_spy(deadlock_lock_order)
    assert deadlock_lock_order.run() == {"a -> b": False, "b -> a": True}
    assert sorted(made) == ["Event", "Event", "Lock", "Lock", "Thread", "Thread"]
    made.clear()
    threading_spy(deadlock_lock_order_fixed)
    deadlock_lock_order_fixed.run(times=5)
    assert sorted(made) == ["Lock", "Lock", "Thread", "Thread"]


# --- a lock its holder takes again ----------------------------------------------


def test_a_lock_waits_for_its_own_holder_and_an_rlock_does_not():
    out = snippet_run("locks/rlock_acquire_twice.py").stdout.splitlines()
    assert out == [
        "Lock:  the holder's second acquire(timeout=0.1) returned False",
        "RLock: the holder's second acquire(timeout=0.1) returned True",
    ]


def acquire_in_another_thread(lock, timeout=SHORT):
    got = []
    worker = threading.Thread(target=lambda: got.append(lock.acquire(timeout=timeout)))
    worker.start()
    worker.join()
    return got[0]


def test_an_rlock_does_not_let_another_thread_in():
    rlock = threading.RLock()
    with rlock, rlock:  # held twice by this thread
        assert acquire_in_another_thread(rlock) is False
    assert acquire_in_another_thread(rlock) is True  # count back to zero: free


def test_only_the_owner_may_release_an_rlock_but_any_thread_a_lock():
    rlock, lock = threading.RLock(), threading.Lock()
    rlock.acquire()
    lock.acquire()
    errors = []

    def release_both():
        try:
            rlock.release()
        except RuntimeError as exc:
            errors.append(exc)
        lock.release()  # no error: a Lock has no owner

    worker = threading.Thread(target=release_both)
    worker.start()
    worker.join()
    assert len(errors) == 1
    assert not lock.locked()
    rlock.release()
