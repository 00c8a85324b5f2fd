"""Behaviour the Queues and pipelines page promises."""

import queue
import re
import sys
import threading
from collections import Counter

import pytest
from snippet_runner import BROKEN_ON_PURPOSE, snippet_output

from snippets.queues import (
    pipeline_event_hang,
    pipeline_many_producers,
    pipeline_sentinel,
    pipeline_shutdown,
    pipeline_task_done,
)


def test_the_notes_consumer_is_left_waiting_in_get(monkeypatch):
    monkeypatch.setattr(pipeline_event_hang, "GRACE", 0.05)
    stuck, saved = pipeline_event_hang.run()
    assert stuck
    assert saved >= 1  # it did consume before the stop (the wake-up item too)


def test_the_notes_pipeline_script_reports_the_hang():
    run = snippet_output("queues/pipeline_event_hang.py")
    assert re.search(BROKEN_ON_PURPOSE["queues/pipeline_event_hang.py"], run.stdout)


@pytest.mark.parametrize(("items", "consumers"), [(20, 1), (20, 2), (200, 4)])
def test_sentinels_stop_every_consumer_after_every_item(items, consumers):
    assert pipeline_sentinel.run(items, consumers) == Counter(range(items))


def test_the_sentinel_pipeline_uses_the_module_attributes(monkeypatch):
    """A recorder can swap `threading` and `queue` and see what is made."""
    made = []

    def spy(real_module):
        class Spy:
            def __getattr__(self, name):
                real = getattr(real_module, name)

                def make(*args, **kwargs):
                    made.append(name)
                    return real(*args, **kwargs)

                return make if name in {"Thread", "Queue"} else real

        return Spy()

    monkeypatch.setattr(pipeline_sentinel, "threading", spy(threading))
    monkeypatch.setattr(pipeline_sentinel, "queue", spy(queue))
    assert pipeline_sentinel.run(10, 3) == Counter(range(10))
    assert sorted(made) == ["Queue"] + ["Thread"] * 4


@pytest.mark.parametrize(
    ("producers", "consumers", "per_producer"), [(3, 2, 10), (4, 3, 50)]
)
def test_several_producers_and_consumers(producers, consumers, per_producer):
    counts = pipeline_many_producers.run(producers, consumers, per_producer)
    assert counts == Counter(range(producers * per_producer))


def test_join_returns_when_every_item_is_processed():
    assert pipeline_task_done.run(batches=3, per_batch=10, workers=3) == [10, 20, 30]


@pytest.mark.skipif(
    sys.version_info < (3, 13), reason="Queue.shutdown() is new in Python 3.13"
)
@pytest.mark.parametrize(("items", "consumers"), [(20, 2), (100, 4)])
def test_shutdown_stops_every_consumer_after_every_item(items, consumers):
    assert pipeline_shutdown.run(items, consumers) == Counter(range(items))


@pytest.mark.skipif(
    sys.version_info >= (3, 13), reason="tests the message for Python < 3.13"
)
def test_shutdown_demo_explains_itself_before_313():
    run = snippet_output("queues/pipeline_shutdown.py")
    assert run.stdout.startswith("Queue.shutdown() needs Python 3.13 or newer")
