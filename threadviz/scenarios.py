"""Run the site's own examples under the recorder.

Each scenario loads a private copy of a snippet (so that tests importing the
same snippet are not affected), points its `threading` and `queue` names at a
Recorder's stand-ins, calls the snippet's own function and returns the
Timeline together with what the snippet returned.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import itertools
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .recorder import Recorder, Timeline

ROOT = Path(__file__).resolve().parent.parent

#: The sleeps in the snippets are multiplied by this while recording: long
#: enough to dwarf the recorder's own overhead, short enough for a fast build.
TIME_SCALE = 0.05

_unique = itertools.count()


def scaled_time(time_scale: float) -> types.ModuleType:
    """A stand-in for the `time` module whose sleep() lasts `time_scale` times
    as long (the snippets call a plain time.sleep with realistic durations)."""
    stand_in = types.ModuleType("time")
    stand_in.__dict__.update(vars(time))

    def sleep(seconds: float) -> None:
        time.sleep(seconds * time_scale)

    stand_in.sleep = sleep  # type: ignore[attr-defined]
    return stand_in


def load(snippet: str, time_scale: float = TIME_SCALE) -> types.ModuleType:
    """A fresh, private copy of snippets/<snippet>, its sleeps scaled."""
    path = ROOT / "snippets" / snippet
    name = f"_threadviz_{path.stem}_{next(_unique)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if isinstance(getattr(module, "time", None), types.ModuleType):
        module.time = scaled_time(time_scale)
    return module


@dataclass
class Scenario:
    """One recorded run of one example."""

    name: str  # the image's file name: images/timelines/<name>-light.png
    snippet: str  # relative to snippets/
    title: str
    alt: str  # the image's alt text
    record: Callable[[Recorder, types.ModuleType], Any]
    timeline: Timeline | None = None
    result: Any = None
    facts: dict[str, Any] = field(default_factory=dict)

    def run(self) -> Scenario:
        module = load(self.snippet)
        rec = Recorder()
        with rec.patch(module):
            self.result = rec.run(self.record, rec, module)
        self.timeline = rec.timeline(self.title)
        return self


# --- the examples: what to call, with which arguments -------------------------
# Few iterations: the chart must stay readable, and every bar is a real event.

RACE_THREADS, RACE_INCREMENTS = 2, 6


def _race_unsafe(rec: Recorder, module: types.ModuleType) -> int:
    module.Counter = rec.watch_attribute(module.Counter, "value", "counter.value")
    return module.run(RACE_THREADS, RACE_INCREMENTS)


def _race_locked(rec: Recorder, module: types.ModuleType) -> int:
    return module.run(RACE_THREADS, RACE_INCREMENTS)


def _call_run(rec: Recorder, module: types.ModuleType) -> Any:
    return module.run()


PIPELINE_ITEMS, PIPELINE_CONSUMERS = 20, 2


def _pipeline(rec: Recorder, module: types.ModuleType) -> Any:
    with contextlib.redirect_stdout(io.StringIO()):  # its threads print each item
        return module.run(PIPELINE_ITEMS, PIPELINE_CONSUMERS)


SEMAPHORE_TASKS, SEMAPHORE_LIMIT = 6, 2


def _semaphore(rec: Recorder, module: types.ModuleType) -> Any:
    with contextlib.redirect_stdout(io.StringIO()):  # its tasks print as they go
        return module.run(SEMAPHORE_TASKS, SEMAPHORE_LIMIT)


BARRIER_PARTIES = 4


def _barrier(rec: Recorder, module: types.ModuleType) -> Any:
    with contextlib.redirect_stdout(io.StringIO()):  # its runners print as they go
        indexes = module.run(BARRIER_PARTIES)
    return indexes, None  # the notebook prints result[0]: the sorted indexes


IO_PAGES = [1, 2, 3]


def _io_overlap(rec: Recorder, module: types.ModuleType) -> None:
    # The sequential downloads run in a thread of their own, so that they get a
    # row (the chart starts when the first thread other than main does).
    one = module.threading.Thread(
        target=module.one_after_another, args=(IO_PAGES,), name="one after another"
    )
    one.start()
    one.join()
    module.each_in_a_thread(IO_PAGES)


SCENARIOS: dict[str, Callable[[], Scenario]] = {
    "race-unsafe": lambda: Scenario(
        "race-unsafe",
        "races/race_unsafe_counter.py",
        "Unsafe counter: read and write with no lock",
        "Timeline of two threads incrementing a counter with no lock: their "
        "read-to-write windows overlap, and a write marked with a cross "
        "overwrote the other thread's update.",
        _race_unsafe,
    ),
    "race-locked": lambda: Scenario(
        "race-locked",
        "races/race_locked_counter.py",
        "Locked counter: one thread at a time holds the lock",
        "Timeline of two threads incrementing a counter under a lock: the "
        "lock-holding bars of the two threads never overlap, and while one "
        "holds the lock the other waits for it.",
        _race_locked,
    ),
    "deadlock": lambda: Scenario(
        "deadlock",
        "locks/deadlock_lock_order.py",
        "Deadlock: each thread holds one lock and waits for the other",
        "Timeline of two threads taking two locks in opposite orders: each "
        "holds its first lock and waits for the other's, until one acquire "
        "times out (cross) and gives up its lock.",
        _call_run,
    ),
    "pipeline": lambda: Scenario(
        "pipeline",
        "queues/pipeline_sentinel.py",
        "Pipeline: a producer and two consumers share a bounded queue",
        "Timeline of a producer and two consumers: the producer blocks on put() "
        "while the queue is full, the consumers block on get() while it is "
        "empty, and each consumer stops at its sentinel.",
        _pipeline,
    ),
    "semaphore": lambda: Scenario(
        "semaphore",
        "synchronization/semaphore_limit.py",
        f"Semaphore({SEMAPHORE_LIMIT}): at most {SEMAPHORE_LIMIT} tasks at once",
        f"Timeline of {SEMAPHORE_TASKS} tasks under a semaphore with "
        f"{SEMAPHORE_LIMIT} slots: at any moment at most {SEMAPHORE_LIMIT} hold a "
        "slot, and the others wait until one is released.",
        _semaphore,
    ),
    "barrier": lambda: Scenario(
        "barrier",
        "synchronization/barrier_start.py",
        f"Barrier({BARRIER_PARTIES}): released together when the last arrives",
        f"Timeline of {BARRIER_PARTIES} threads waiting at a barrier: each blocks "
        "from the moment it arrives, and all are released together when the "
        "last one arrives.",
        _barrier,
    ),
    "io-overlap": lambda: Scenario(
        "io-overlap",
        "threads/io_bound_overlap.py",
        "Three one-second waits: one after another, then each in a thread",
        "Timeline of three simulated downloads: first one thread "
        "runs them one after another, a bar three waits long; then three "
        "threads each run one, and their bars overlap, so all three finish in "
        "the time of one wait.",
        _io_overlap,
    ),
}


def names() -> list[str]:
    return list(SCENARIOS)


def get(name: str) -> Scenario:
    """A fresh, not yet run, Scenario."""
    return SCENARIOS[name]()


def run(name: str) -> Scenario:
    return get(name).run()


def snippet_files() -> list[Path]:
    """The snippet files the scenarios run: what their output depends on."""
    return sorted({ROOT / "snippets" / get(n).snippet for n in SCENARIOS})
