"""Behaviour the Queues and pipelines page promises."""

import queue
import re
import sys
from collections import Counter

import pytest

from snippet_runner import BROKEN_ON_PURPOSE, snippet_run
from snippets.queues import (
    pipeline_many_producers,
    pipeline_sentinel,
    pipeline_shutdown,
    pipeline_task_done,
)


def saved_items(stdout: str) -> Counter[int]:
    return Counter(int(n) for n in re.findall(r"^consumer: saved (\d+)$", stdout, re.M))


def test_the_check_then_get_pipeline_leaves_its_consumer_blocked():
    run = snippet_run("queues/pipeline_event_hang.py")
    assert re.search(BROKEN_ON_PURPOSE["queues/pipeline_event_hang.py"], run.stdout)
    lines = run.stdout.splitlines()
    # The producer stopped after main set the event, and the consumer was
    # still blocked after it: only the extra put() let it end.
    assert lines.index("producer: saw the event and stopped") < lines.index(
        "main: the consumer is still blocked in get() on an empty queue"
    )
    assert lines[-1] == "consumer: saved a number"


@pytest.mark.parametrize(("items", "consumers"), [(10, 1), (20, 2), (200, 4)])
def test_sentinels_stop_every_consumer_after_every_item(items, consumers, capsys):
    assert pipeline_sentinel.run(items, consumers) == Counter(range(items))
    out = capsys.readouterr().out
    assert saved_items(out) == Counter(range(items))
    assert out.count("consumer: got the sentinel, stopping") == consumers


def test_the_sentinel_program_prints_each_item_once_and_each_stop():
    out = snippet_run("queues/pipeline_sentinel.py").stdout
    assert saved_items(out) == Counter(range(10))
    assert out.count("got the sentinel") == 2


def test_the_sentinel_pipeline_uses_the_module_attributes(threading_spy):
    """A recorder can swap `threading` and `queue` and see what is made."""
    made = threading_spy(pipeline_sentinel)
    assert pipeline_sentinel.run(10, 3) == Counter(range(10))
    assert sorted(made) == ["Queue"] + ["Thread"] * 4


@pytest.mark.parametrize(
    ("producers", "consumers", "per_producer"), [(3, 2, 4), (4, 3, 50)]
)
def test_several_producers_and_consumers(producers, consumers, per_producer, capsys):
    counts = pipeline_many_producers.run(producers, consumers, per_producer)
    assert counts == Counter(range(producers * per_producer))
    lines = capsys.readouterr().out.splitlines()
    sentinels = next(n for n, line in enumerate(lines) if line.startswith("main:"))
    stops = [n for n, line in enumerate(lines) if "got the sentinel" in line]
    assert len(stops) == consumers
    assert min(stops) > sentinels  # no consumer stopped before main sent them


def test_join_returns_when_every_item_is_processed():
    assert pipeline_task_done.run(batches=3, per_batch=10, workers=3) == [10, 20, 30]


def test_the_task_done_program_prints_each_batch_fully_processed():
    assert snippet_run("queues/pipeline_task_done.py").stdout.splitlines() == [
        "batch 0: q.join() returned; 10 items processed so far",
        "batch 1: q.join() returned; 20 items processed so far",
    ]


def test_one_task_done_too_many_raises_value_error():
    q: queue.Queue[int] = queue.Queue()
    q.put(1)
    q.get()
    q.task_done()
    with pytest.raises(ValueError, match="task_done"):
        q.task_done()


@pytest.mark.skipif(
    sys.version_info < (3, 13), reason="Queue.shutdown() is new in Python 3.13"
)
@pytest.mark.parametrize(("items", "consumers"), [(10, 2), (100, 4)])
def test_shutdown_stops_every_consumer_after_every_item(items, consumers, capsys):
    assert pipeline_shutdown.run(items, consumers) == Counter(range(items))
    out = capsys.readouterr().out
    assert saved_items(out) == Counter(range(items))
    assert out.count("the queue is shut down, stopping") == consumers


@pytest.mark.skipif(
    sys.version_info >= (3, 13), reason="tests the message for Python < 3.13"
)
def test_shutdown_demo_explains_itself_before_313():
    run = snippet_run("queues/pipeline_shutdown.py")
    assert run.stdout.startswith("Queue.shutdown() needs Python 3.13 or newer")
