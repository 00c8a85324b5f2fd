"""The thread recorder (threadviz) and the data of the site's timeline charts.

The recorder tests need only the standard library; the chart tests need
matplotlib, so they are marked `toolchain`, which the nox sessions on every
Python (noxfile.py) deselect.
"""

import queue
import threading
import time
import types

import pytest

from threadviz import recorder, scenarios
from threadviz.recorder import (
    BLOCKED,
    HOLDING,
    RUNNING,
    UNGUARDED,
    WAITING,
    Interval,
    Recorder,
    max_overlap,
    overlapping_pairs,
)

T = 5.0  # seconds: the timeout of every blocking call here; never reached


def start(*threads):
    for t in threads:
        t.start()


def join(*threads):
    for t in threads:
        t.join(T)
        assert not t.is_alive(), f"{t.name} did not finish"


# --- the overlap helpers --------------------------------------------------------


def iv(thread, start, end, state=HOLDING, obj="lock"):
    return Interval(thread, state, start, end, obj)


def test_max_overlap_counts_open_intervals():
    assert max_overlap([]) == 0
    assert max_overlap([iv("a", 0, 1), iv("b", 1, 2)]) == 1  # touching is not overlap
    assert max_overlap([iv("a", 0, 2), iv("b", 1, 3), iv("c", 1.5, 1.6)]) == 3


def test_overlapping_pairs_ignores_one_threads_own_intervals():
    a1, a2, b = iv("a", 0, 2), iv("a", 1, 3), iv("b", 2.5, 4)
    assert overlapping_pairs([a1, a2]) == []
    assert overlapping_pairs([a1, a2, b]) == [(a2, b)]


# --- the stand-ins record what happened ------------------------------------------


def test_lock_records_holding_and_a_timed_out_wait():
    rec = Recorder()
    lock = rec.threading.Lock()
    got = []
    with lock:  # main holds it, so the other thread's acquire must time out
        t = rec.threading.Thread(
            target=lambda: got.append(lock.acquire(timeout=0.05)), name="w"
        )
        start(t)
        join(t)
    tl = rec.timeline()
    assert got == [False]
    (failed,) = [i for i in tl.intervals_in(WAITING, "lock") if not i.ok]
    assert failed.thread == "w"
    assert failed.duration >= 0.05
    (held,) = tl.intervals_in(HOLDING, "lock")
    assert held.thread == "main"
    assert held.start <= failed.start
    assert failed.end <= held.end
    assert [i.thread for i in tl.intervals_in(RUNNING)] == ["w"]
    assert tl.threads == ["main", "w"]


def test_rlock_records_one_hold_for_nested_acquires():
    rec = Recorder()
    lock = rec.threading.RLock()
    with lock, lock, lock:
        pass
    assert len(rec.timeline().intervals_in(HOLDING, "lock")) == 1


def hammer(rec, guard, threads=4, rounds=30):
    """Threads increment a counter under `guard`, switching mid-update."""
    box = [0]

    def work():
        for _ in range(rounds):
            with guard:
                value = box[0]
                time.sleep(0)  # let another thread run here (not for timing)
                box[0] = value + 1

    workers = [rec.threading.Thread(target=work) for _ in range(threads)]
    start(*workers)
    join(*workers)
    return box[0]


def test_lock_holds_never_overlap():
    rec = Recorder()
    lock = rec.threading.Lock()
    assert hammer(rec, lock) == 4 * 30
    holds = rec.timeline().intervals_in(HOLDING, "lock")
    assert len(holds) == 4 * 30
    assert overlapping_pairs(holds) == []


def test_overlap_check_catches_a_guard_that_admits_two():
    """The check above can fail: a semaphore with 2 slots is no lock."""
    rec = Recorder()
    two = rec.threading.Semaphore(2)
    barrier = threading.Barrier(2, timeout=T)  # both inside at once, for sure

    def work():
        with two:
            barrier.wait()

    workers = [rec.threading.Thread(target=work) for _ in range(2)]
    start(*workers)
    join(*workers)
    assert overlapping_pairs(rec.timeline().intervals_in(HOLDING, "two"))


def test_semaphore_peak_equals_its_limit():
    rec = Recorder()
    limit = 3
    slots = rec.threading.Semaphore(limit)
    full = threading.Barrier(limit, timeout=T)  # each batch fills every slot

    def work():
        with slots:
            full.wait()

    workers = [rec.threading.Thread(target=work) for _ in range(3 * limit)]
    start(*workers)
    join(*workers)
    tl = rec.timeline()
    assert max_overlap(tl.intervals_in(HOLDING, "slots")) == limit
    assert len(tl.intervals_in(HOLDING, "slots")) == 3 * limit


def test_queue_get_on_empty_queue_is_blocked_and_fails():
    rec = Recorder()
    q = rec.queue.Queue()
    with pytest.raises(queue.Empty):
        q.get(timeout=0.02)
    q.put(1)
    assert q.get(timeout=T) == 1
    failed_get, put, get = rec.timeline().intervals_in(BLOCKED, "q")
    assert not failed_get.ok
    assert failed_get.duration >= 0.02
    assert put.ok
    assert get.ok
    assert [m.label for m in rec.timeline().marks] == ["put", "get"]


def test_barrier_releases_parties_only_after_the_last_arrives():
    rec = Recorder()
    gate = rec.threading.Barrier(3, timeout=T)
    workers = [rec.threading.Thread(target=gate.wait) for _ in range(3)]
    start(*workers)
    join(*workers)
    waits = rec.timeline().intervals_in(BLOCKED, "gate")
    assert len(waits) == 3
    assert max(w.start for w in waits) <= min(w.end for w in waits)


def test_condition_wait_is_blocked_and_pauses_the_hold():
    rec = Recorder()
    cond = rec.threading.Condition()
    inside = threading.Event()
    ready = []

    def waiter():
        with cond:
            inside.set()  # main can take cond only once wait() releases it
            assert cond.wait_for(lambda: ready, timeout=T)

    t = rec.threading.Thread(target=waiter, name="waiter")
    start(t)
    assert inside.wait(T)
    with cond:
        ready.append(1)
        cond.notify_all()
    join(t)
    tl = rec.timeline()
    (wait,) = tl.intervals_in(BLOCKED, "cond", thread="waiter")
    assert wait.ok
    holds = tl.intervals_in(HOLDING, "cond")
    assert [h.thread for h in holds] == ["waiter", "main", "waiter"]
    assert overlapping_pairs(holds) == []  # waiting released the lock


def test_event_wait_and_join_are_blocked():
    rec = Recorder()
    done = rec.threading.Event()
    t = rec.threading.Thread(target=done.set, name="setter")
    start(t)
    assert done.wait(T)
    join(t)
    tl = rec.timeline()
    assert tl.intervals_in(BLOCKED, "done", thread="main")
    assert tl.intervals_in(BLOCKED, "join setter", thread="main")
    assert [(m.thread, m.label) for m in tl.marks] == [("setter", "set")]


def test_names_come_from_the_assignment():
    rec = Recorder()
    threading = rec.threading  # as a snippet would see it
    a, b = threading.Lock(), threading.Lock()
    lock = threading.Lock()
    again = [threading.Lock() for _ in range(2)]
    assert [a.name, b.name, lock.name] == ["a", "b", "lock"]
    assert [x.name for x in again] == ["again", "again-2"]


def test_a_named_objects_lock_is_named_after_it():
    rec = Recorder()
    threading = rec.threading

    class Account:
        def __init__(self, name: str) -> None:
            self.name = name
            self.lock = threading.Lock()

    assert [Account("a").lock.name, Account("b").lock.name] == ["a.lock", "b.lock"]


def test_patch_swaps_the_modules_and_restores_them():
    module = types.ModuleType("example")
    module.threading, module.queue = threading, queue
    rec = Recorder()
    with rec.patch(module):
        assert module.threading is rec.threading
        assert module.queue is rec.queue
        assert module.threading.current_thread is threading.current_thread
        assert module.queue.Empty is queue.Empty
    assert module.threading is threading
    assert module.queue is queue


def test_watched_attribute_counts_exactly_the_lost_updates():
    """Two threads read, meet at a barrier, then write: one update is lost."""
    rec = Recorder()

    class Box:
        def __init__(self):
            self.value = 0

    box = rec.watch_attribute(Box, "value")()
    between = threading.Barrier(2, timeout=T)

    def work():
        v = box.value
        between.wait()
        box.value = v + 1

    workers = [rec.threading.Thread(target=work) for _ in range(2)]
    start(*workers)
    join(*workers)
    tl = rec.timeline()
    windows = tl.intervals_in(UNGUARDED, "value")
    assert box.value == 1
    assert len(overlapping_pairs(windows)) == 1
    assert [i.ok for i in windows].count(False) == 1
    assert lost(tl) == 2 - box.value


def lost(tl):
    return sum(int(m.label.split()[1]) for m in tl.marks if m.label.startswith("lost"))


# --- the site's examples, recorded ----------------------------------------------


def recorded(name):
    scenario = scenarios.get(name)
    if not (scenarios.ROOT / "snippets" / scenario.snippet).is_file():
        pytest.skip(f"snippets/{scenario.snippet} is not written yet")
    return scenario.run()


def test_unsafe_counter_timeline_accounts_for_every_lost_update():
    s = recorded("race-unsafe")
    expected = scenarios.RACE_THREADS * scenarios.RACE_INCREMENTS
    windows = s.timeline.intervals_in(UNGUARDED, "counter.value")
    assert len(windows) == expected
    assert lost(s.timeline) == expected - s.result
    # a write loses an update only if another thread's window overlapped it
    for window in (w for w in windows if not w.ok):
        others = [o for o in windows if o.thread != window.thread]
        assert any(o.start < window.end and window.start < o.end for o in others)


def test_locked_counter_timeline_no_two_threads_hold_the_lock_at_once():
    s = recorded("race-locked")
    holds = s.timeline.intervals_in(HOLDING, "lock")
    assert s.result == scenarios.RACE_THREADS * scenarios.RACE_INCREMENTS
    assert len(holds) == s.result
    assert len({h.thread for h in holds}) == scenarios.RACE_THREADS
    assert overlapping_pairs(holds) == []


def test_deadlock_timeline_shows_each_thread_holding_what_the_other_wants():
    s = recorded("deadlock")
    assert not all(s.result.values()), "the deadlock should have been caught"
    timed_out = [i for i in s.timeline.intervals_in(WAITING) if not i.ok]
    assert timed_out
    for wait in timed_out:
        holders = [
            h
            for h in s.timeline.intervals_in(HOLDING, wait.obj)
            if h.thread != wait.thread and h.start <= wait.start and h.end > wait.start
        ]
        assert holders, f"nobody held {wait.obj} while {wait.thread} waited for it"
        mine = s.timeline.intervals_in(HOLDING, thread=wait.thread)
        assert any(h.start <= wait.start and h.end >= wait.end for h in mine)


def test_pipeline_timeline_every_item_through_the_queue_once():
    s = recorded("pipeline")
    items, consumers = scenarios.PIPELINE_ITEMS, scenarios.PIPELINE_CONSUMERS
    assert sorted(s.result.elements()) == list(range(items))
    labels = [m.label for m in s.timeline.marks if m.obj == "q"]
    assert labels.count("put") == labels.count("get") == items + consumers
    getters = {
        i.thread
        for i in s.timeline.intervals_in(BLOCKED, "q")
        if "consumer" in i.thread
    }
    assert len(getters) == consumers


def test_semaphore_timeline_peak_holders_equal_the_limit():
    s = recorded("semaphore")
    holds = s.timeline.intervals_in(HOLDING, "slots")
    assert len(holds) == scenarios.SEMAPHORE_TASKS
    assert max_overlap(holds) == scenarios.SEMAPHORE_LIMIT == s.result


def test_barrier_timeline_all_parties_released_after_the_last_arrived():
    s = recorded("barrier")
    waits = s.timeline.intervals_in(BLOCKED, "start_line")
    assert len(waits) == scenarios.BARRIER_PARTIES
    assert all(w.ok for w in waits)
    assert max(w.start for w in waits) <= min(w.end for w in waits)


def test_scenarios_do_not_touch_the_imported_snippets():
    """The recorder patches a private copy: a test's import stays real."""
    recorded("race-locked")
    from snippets.races import race_locked_counter

    recorded("race-locked")
    assert race_locked_counter.threading is threading


# --- charts --------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.toolchain
def test_chart_is_a_pair_of_small_pngs():
    pytest.importorskip("matplotlib", reason="charts need matplotlib")
    from threadviz import chart

    rec = Recorder()
    hammer(rec, rec.threading.Lock(), threads=3, rounds=5)
    pngs = chart.render(rec.timeline("test"))
    assert set(pngs) == {"light", "dark"}
    assert pngs["light"] != pngs["dark"]
    for png in pngs.values():
        assert png.startswith(PNG)
        assert len(png) <= 60_000
    html = chart.img_tags(pngs, 'a "chart"')
    assert html.count("<img") == 2
    assert 'data-threadviz-theme="dark"' in html
    assert "&quot;chart&quot;" in html


@pytest.mark.toolchain
def test_states_all_have_a_colour_and_a_label():
    pytest.importorskip("matplotlib", reason="charts need matplotlib")
    from threadviz import chart

    assert set(chart.STATE_COLOURS) == set(chart.STATE_LABELS) == set(recorder.STATES)
