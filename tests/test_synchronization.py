"""Behaviour the Semaphore, Timer and Barrier page promises."""

import concurrent.futures
import queue
import re
import threading
import time

import pytest

from snippet_runner import snippet_run
from snippets.synchronization import (
    barrier_start,
    condition_bounded_buffer,
    semaphore_bounded,
    semaphore_limit,
)

# --- Semaphore --------------------------------------------------------------


@pytest.mark.parametrize(("tasks", "limit"), [(6, 2), (9, 3)])
def test_semaphore_peak_equals_the_limit_and_never_exceeds_it(
    monkeypatch, tasks, limit
):
    # A barrier of `limit` parties passes only when `limit` tasks are inside
    # the semaphore at once: the peak must reach the limit, with no sleeps.
    together = threading.Barrier(limit, timeout=5)
    monkeypatch.setattr(semaphore_limit, "download", lambda _: together.wait())
    peak = semaphore_limit.run(tasks, limit)
    assert peak == limit


def test_semaphore_never_lets_more_than_the_limit_in(monkeypatch):
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

    monkeypatch.setattr(semaphore_limit, "download", work)
    peak = semaphore_limit.run(limit + 1, limit)
    assert peak == limit
    assert outcomes == ["broken"] * (limit + 1)


def test_the_download_program_never_has_more_than_two_downloading():
    """Each task prints while it holds its slot, so in the printed order at
    most two tasks are between "downloading" and "done"."""
    lines = snippet_run("synchronization/semaphore_limit.py").stdout.splitlines()
    active = peak = 0
    for line in lines:
        active += 1 if line.endswith("downloading") else -1
        peak = max(peak, active)
    assert 1 <= peak <= 2
    assert sorted(lines) == sorted(
        f"task {n}: {what}" for n in range(6) for what in ("downloading", "done")
    )


def test_an_extra_release_what_lock_semaphore_and_bounded_semaphore_do():
    lines = snippet_run("synchronization/semaphore_bounded.py").stdout.splitlines()
    assert lines == [
        "Lock acquired by main, released by another thread: True",
        "Lock(), one release() too many: RuntimeError: release unlocked lock",
        "Semaphore(2), one release() too many: no error",
        "BoundedSemaphore(2), one release() too many: ValueError: "
        "Semaphore released too many times",
        "Semaphore(2) now has 3 free slots",
    ]


def test_a_lock_has_no_owner_but_an_rlock_does():
    lock = threading.Lock()
    lock.acquire()
    releaser = threading.Thread(target=lock.release)
    releaser.start()
    releaser.join()
    assert not lock.locked()

    rlock = threading.RLock()
    errors = []

    def release_rlock():
        try:
            rlock.release()
        except RuntimeError as exc:
            errors.append(str(exc))

    with rlock:
        other = threading.Thread(target=release_rlock)
        other.start()
        other.join()
    assert errors == ["cannot release un-acquired lock"]


def test_free_slots_counts_without_taking_any():
    slots = threading.Semaphore(3)
    assert semaphore_bounded.free_slots(slots) == 3
    assert semaphore_bounded.free_slots(slots) == 3


# --- Timer --------------------------------------------------------------------


def test_timer_fires_once_is_a_thread_and_cancel_prevents_the_call():
    lines = snippet_run("synchronization/timer_fire_cancel.py").stdout.splitlines()
    assert lines[0] == "reminder: stand up and stretch"
    assert re.fullmatch(
        r"main: the 2 s timer fired after \d+\.\d\d s; daemon is False", lines[1]
    )
    assert lines[2] == "main: cancelled the 60 s timer; is_alive() is False"
    assert len(lines) == 3  # the cancelled timer never reminded
    assert issubclass(threading.Timer, threading.Thread)


def test_a_timer_does_not_fire_early():
    fired = []
    timer = threading.Timer(0.05, lambda: fired.append(time.monotonic()))
    start = time.monotonic()
    timer.start()
    timer.join()
    assert len(fired) == 1
    assert fired[0] - start >= 0.045


def test_cancel_while_waiting_returns_at_once():
    calls = []
    timer = threading.Timer(60, calls.append, args=("called",))
    timer.start()
    timer.cancel()
    timer.join(timeout=30)  # half the 60 s: still alive means it is waiting
    assert not timer.is_alive(), "cancel() did not end the timer's wait"
    assert calls == []


# --- Barrier ------------------------------------------------------------------


@pytest.mark.parametrize("parties", [3, 5])
def test_barrier_releases_after_the_last_arrives_action_once(parties, capsys):
    assert barrier_start.run(parties) == list(range(parties))
    lines = capsys.readouterr().out.splitlines()
    action = lines.index("start line: everyone is here, go!")
    assert sorted(lines[:action]) == [f"runner {n}: ready" for n in range(parties)]
    assert sorted(lines[action + 1 :]) == [
        f"runner {n}: running" for n in range(parties)
    ]


def test_barrier_uses_the_module_attribute(threading_spy, monkeypatch, capsys):
    made = threading_spy(barrier_start, semaphore_limit)
    barrier_start.run(2)
    assert sorted(made) == ["Barrier", "Thread", "Thread"]
    made.clear()
    monkeypatch.setattr(semaphore_limit, "download", lambda _: None)
    semaphore_limit.run(2, 1)
    assert sorted(made) == ["Lock", "Semaphore", "Thread", "Thread"]


def test_a_missing_party_times_out_and_abort_breaks_the_barrier_at_once():
    # The aborted barrier has no timeout: had abort() not broken it, the
    # snippet would hang, and the runner's watchdog would fail it.
    lines = snippet_run("synchronization/barrier_broken.py").stdout.splitlines()
    both = "['BrokenBarrierError', 'BrokenBarrierError']"
    assert lines == [
        f"timeout: wait() raised {both}; broken is True",
        f"abort(): wait() raised {both}; broken is True",
    ]


def test_abort_wakes_parties_already_waiting():
    barrier = threading.Barrier(3)
    errors = []

    def party():
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            errors.append("broken")

    threads = [threading.Thread(target=party) for _ in range(2)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 5
    while barrier.n_waiting < 2 and time.monotonic() < deadline:
        time.sleep(0.001)
    barrier.abort()
    for t in threads:
        t.join(timeout=5)
    assert errors == ["broken", "broken"]


# --- Condition ----------------------------------------------------------------


def test_condition_buffer_delivers_in_order_within_capacity(capsys):
    received, peak = condition_bounded_buffer.run(items=200, capacity=3)
    assert received == list(range(200))
    assert 1 <= peak <= 3
    assert capsys.readouterr().out.splitlines() == [f"got {n}" for n in range(200)]


def test_notify_without_the_lock_raises_at_once():
    changed = threading.Condition()
    with pytest.raises(RuntimeError, match="cannot notify on un-acquired lock"):
        changed.notify()
    with pytest.raises(RuntimeError, match="cannot wait on un-acquired lock"):
        changed.wait(timeout=0.01)


# --- How each blocking call reports a timeout (the page's table) ---------------

T = 0.01


def test_thread_join_returns_none_on_timeout():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    assert t.join(timeout=T) is None
    assert t.is_alive()
    stop.set()
    t.join()


def test_acquire_and_event_wait_return_false_on_timeout():
    lock, rlock, sem = threading.Lock(), threading.RLock(), threading.Semaphore(0)
    lock.acquire()
    held = threading.Event()
    done = threading.Event()

    def hold_rlock():
        with rlock:
            held.set()
            done.wait()

    holder = threading.Thread(target=hold_rlock)
    holder.start()
    held.wait()
    assert lock.acquire(timeout=T) is False
    assert rlock.acquire(timeout=T) is False
    assert sem.acquire(timeout=T) is False
    assert threading.Event().wait(timeout=T) is False
    done.set()
    holder.join()


def test_condition_wait_false_and_wait_for_returns_the_predicate_value():
    changed = threading.Condition()
    with changed:
        assert changed.wait(timeout=T) is False
        assert changed.wait_for(lambda: 0, timeout=T) == 0
        assert changed.wait_for(lambda: [], timeout=T) == []


def test_queue_get_and_put_raise_on_timeout():
    q: queue.Queue[int] = queue.Queue(maxsize=1)
    with pytest.raises(queue.Empty):
        q.get(timeout=T)
    q.put(1)
    with pytest.raises(queue.Full):
        q.put(2, timeout=T)


def test_barrier_wait_raises_and_breaks_the_barrier_on_timeout():
    barrier = threading.Barrier(2)
    with pytest.raises(threading.BrokenBarrierError):
        barrier.wait(timeout=T)
    assert barrier.broken


def test_future_result_and_as_completed_raise_timeout_error():
    assert concurrent.futures.TimeoutError is TimeoutError  # since Python 3.11
    release = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(release.wait)
        with pytest.raises(TimeoutError):
            future.result(timeout=T)
        with pytest.raises(TimeoutError):
            list(concurrent.futures.as_completed([future], timeout=T))
        release.set()


def test_queue_join_and_executor_shutdown_take_no_timeout():
    import inspect

    assert list(inspect.signature(queue.Queue.join).parameters) == ["self"]
    shutdown = inspect.signature(concurrent.futures.Executor.shutdown).parameters
    assert "timeout" not in shutdown
