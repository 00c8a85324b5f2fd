"""Behaviour the Events page promises."""

import threading
import time

import pytest

from snippets.events import event_keep_working, event_release_many


def test_wait_with_timeout_returns_false_while_the_flag_is_clear(monkeypatch):
    monkeypatch.setattr(event_release_many, "TIME_SCALE", 0.01)
    early, _ = event_release_many.run(runners=2)
    assert early is False


@pytest.mark.parametrize("runners", [3, 8])
def test_one_set_releases_every_waiting_thread(runners, monkeypatch):
    monkeypatch.setattr(event_release_many, "TIME_SCALE", 0.01)
    _, released = event_release_many.run(runners)
    assert released == sorted(f"runner {n}" for n in range(runners))


def test_a_worker_keeps_working_until_the_event_is_set(monkeypatch):
    monkeypatch.setattr(event_keep_working, "TICK", 0.001)
    rounds, alive = event_keep_working.run()
    assert rounds >= 3
    assert alive is False


def test_the_pause_ends_at_once_when_the_event_is_set(monkeypatch):
    """The worker pauses with wait(TICK): even with a TICK of a minute, set()
    stops it at once."""
    monkeypatch.setattr(event_keep_working, "TICK", 60)
    stop, warmed_up = threading.Event(), threading.Event()
    rounds: list[int] = []
    t = threading.Thread(
        target=event_keep_working.worker, args=(stop, warmed_up, rounds)
    )
    start = time.monotonic()
    t.start()
    stop.set()
    t.join(timeout=10)
    assert not t.is_alive()
    assert time.monotonic() - start < 10
    assert rounds == [0]
