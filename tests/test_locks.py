"""Behaviour the Locks and deadlocks page promises."""

import threading

import pytest

from snippets.locks import (
    deadlock_forgotten_release,
    deadlock_lock_order,
    deadlock_lock_order_fixed,
    lock_acquire_timeout,
    lock_basics,
    rlock_reentrant_helper,
)

SHORT = 0.02  # seconds: how long a demo waits before it reports a deadlock


def test_with_and_acquire_release_both_protect_the_balance():
    assert lock_basics.run(threads=4, rounds=500) == 4 * 500


def test_acquire_with_timeout_gives_up_while_another_thread_holds_the_lock():
    assert lock_acquire_timeout.run(timeout=SHORT) == [
        "before: locked() is False",
        "main holds the lock: locked() is True",
        f"worker: acquire(timeout={SHORT:.2f}) returned False",
        "after: locked() is False",
        "acquire(blocking=False) returned True",
    ]


def test_an_exception_before_release_leaves_the_lock_held():
    demo = deadlock_forgotten_release
    assert demo.run(demo.record_broken, timeout=SHORT) is False
    assert demo.run(demo.record_fixed, timeout=SHORT) is True


def test_a_helper_deadlocks_on_a_lock_its_caller_holds(monkeypatch):
    monkeypatch.setattr(rlock_reentrant_helper, "TIMEOUT", SHORT)
    with pytest.raises(TimeoutError):
        rlock_reentrant_helper.run(reentrant=False)


def test_rlock_lets_the_holder_take_it_again():
    stock = rlock_reentrant_helper.run(reentrant=True)
    assert stock == {"apples": 5, "pears": 3}


def test_rlock_does_not_let_another_thread_in(monkeypatch):
    monkeypatch.setattr(rlock_reentrant_helper, "TIMEOUT", SHORT)
    with pytest.raises(TimeoutError):
        rlock_reentrant_helper.run(reentrant=True, in_thread=True)


def test_opposite_lock_orders_deadlock_in_every_run():
    for _ in range(5):
        got_both = deadlock_lock_order.run(timeout=SHORT)
        assert set(got_both) == {"a then b", "b then a"}
        assert not all(got_both.values()), got_both


def test_a_global_lock_order_never_deadlocks():
    for _ in range(5):
        balances = deadlock_lock_order_fixed.run(rounds=100, timeout=5)
        assert balances == {"a": -100, "b": 300}


def test_both_directions_take_the_locks_in_the_same_order():
    order = []

    class LoggedLock:
        def __init__(self, name):
            self.name, self.lock = name, threading.Lock()

        def acquire(self, timeout=-1):
            order.append(self.name)
            return self.lock.acquire(timeout=timeout)

        def release(self):
            self.lock.release()

    a = deadlock_lock_order_fixed.Account("a", 100)
    b = deadlock_lock_order_fixed.Account("b", 100)
    a.lock, b.lock = LoggedLock("a"), LoggedLock("b")
    deadlock_lock_order_fixed.transfer(a, b, 3, timeout=5)
    deadlock_lock_order_fixed.transfer(b, a, 1, timeout=5)
    assert order == ["a", "b", "a", "b"]
    assert (a.balance, b.balance) == (98, 102)


def test_the_lock_order_demo_uses_the_module_attribute(threading_spy):
    """A recorder can swap `threading` and see both locks and the barrier."""
    calls = {
        deadlock_lock_order: {"timeout": SHORT},
        deadlock_lock_order_fixed: {"rounds": 5, "timeout": 5},
    }
    for module, kwargs in calls.items():
        made = threading_spy(module)
        made.clear()
        module.run(**kwargs)
        assert made.count("Lock") == 2, made
        assert "Barrier" in made, made
