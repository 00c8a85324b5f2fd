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
        vars(module)["time"] = scaled_time(time_scale)
    return module


@dataclass
class Scenario:
    """One recorded run of one example: its snippet's `run(*args)`, or
    `record(recorder, module)` where the run needs more than a call."""

    name: str  # the image's file name: images/timelines/<name>-light.png
    snippet: str  # relative to snippets/
    title: str
    alt: str  # the image's alt text
    args: tuple[Any, ...] = ()  # what the snippet's run() is called with
    quiet: bool = False  # True: its threads print as they go; keep that out
    record: Callable[[Recorder, types.ModuleType], Any] | None = None
    timeline: Timeline | None = None
    result: Any = None
    facts: dict[str, Any] = field(default_factory=dict)

    def run(self) -> Scenario:
        module = load(self.snippet)
        rec = Recorder()
        with rec.patch(module):
            self.result = rec.run(self._call, rec, module)
        self.timeline = rec.timeline(self.title)
        return self

    def _call(self, rec: Recorder, module: types.ModuleType) -> Any:
        if self.record is not None:
            return self.record(rec, module)
        output = io.StringIO() if self.quiet else None
        with contextlib.redirect_stdout(output) if output else contextlib.nullcontext():
            return module.run(*self.args)


# --- the examples: what to call, with which arguments -------------------------
# Few iterations: the chart must stay readable, and every bar is a real event.

RACE_THREADS, RACE_INCREMENTS = 2, 6
PIPELINE_ITEMS, PIPELINE_CONSUMERS = 20, 2
SEMAPHORE_TASKS, SEMAPHORE_LIMIT = 6, 2
BARRIER_PARTIES = 4
IO_PAGES = [1, 2, 3]


def _race_unsafe(rec: Recorder, module: types.ModuleType) -> int:
    """Mark each write to the counter, to show which ones lost an update."""
    counter = rec.watch_attribute(module.Counter, "value", "counter.value")
    vars(module)["Counter"] = counter
    return module.run(RACE_THREADS, RACE_INCREMENTS)


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
        record=_race_unsafe,
    ),
    "race-locked": lambda: Scenario(
        "race-locked",
        "races/race_locked_counter.py",
        "Locked counter: one thread at a time holds the lock",
        "Timeline of two threads incrementing a counter under a lock: the "
        "lock-holding bars of the two threads never overlap, and while one "
        "holds the lock the other waits for it.",
        args=(RACE_THREADS, RACE_INCREMENTS),
    ),
    "deadlock": lambda: Scenario(
        "deadlock",
        "locks/deadlock_lock_order.py",
        "Deadlock: each thread holds one lock and waits for the other",
        "Timeline of two threads taking two locks in opposite orders: each "
        "holds its first lock and waits for the other's, until one acquire "
        "times out (cross) and gives up its lock.",
    ),
    "pipeline": lambda: Scenario(
        "pipeline",
        "queues/pipeline_sentinel.py",
        "Pipeline: a producer and two consumers share a bounded queue",
        "Timeline of a producer and two consumers: the producer blocks on put() "
        "while the queue is full, the consumers block on get() while it is "
        "empty, and each consumer stops at its sentinel.",
        args=(PIPELINE_ITEMS, PIPELINE_CONSUMERS),
        quiet=True,
    ),
    "semaphore": lambda: Scenario(
        "semaphore",
        "synchronization/semaphore_limit.py",
        f"Semaphore({SEMAPHORE_LIMIT}): at most {SEMAPHORE_LIMIT} tasks at once",
        f"Timeline of {SEMAPHORE_TASKS} tasks under a semaphore with "
        f"{SEMAPHORE_LIMIT} slots: at any moment at most {SEMAPHORE_LIMIT} hold a "
        "slot, and the others wait until one is released.",
        args=(SEMAPHORE_TASKS, SEMAPHORE_LIMIT),
        quiet=True,
    ),
    "barrier": lambda: Scenario(
        "barrier",
        "synchronization/barrier_start.py",
        f"Barrier({BARRIER_PARTIES}): released together when the last arrives",
        f"Timeline of {BARRIER_PARTIES} threads waiting at a barrier: each blocks "
        "from the moment it arrives, and all are released together when the "
        "last one arrives.",
        args=(BARRIER_PARTIES,),
        quiet=True,
    ),
    "io-overlap": lambda: Scenario(
        "io-overlap",
        "threads/io_bound_overlap.py",
        "Three one-second waits: one after another, then each in a thread",
        "Timeline of three simulated downloads: first one thread "
        "runs them one after another, a bar three waits long; then three "
        "threads each run one, and their bars overlap, so all three finish in "
        "the time of one wait.",
        record=_io_overlap,
    ),
}


def get(name: str) -> Scenario:
    """A fresh, not yet run, Scenario."""
    return SCENARIOS[name]()


def run(name: str) -> Scenario:
    return get(name).run()


def snippet_files() -> list[Path]:
    """The snippet files the scenarios run: what their output depends on."""
    return sorted({ROOT / "snippets" / get(n).snippet for n in SCENARIOS})


def main() -> None:
    """`python -m threadviz.scenarios`: the snippet files the scenarios run,
    one a line, relative to the repository. The MkDocs hook that keys the
    notebooks' execution cache asks this way: MkDocs runs hooks in a process
    that may not have the repository on its import path."""
    for path in snippet_files():
        print(path.relative_to(ROOT).as_posix())


if __name__ == "__main__":
    main()
