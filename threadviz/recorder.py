"""An event recorder for threads: stand-ins for `threading` and `queue`.

    rec = Recorder()
    with rec.patch(race_locked_counter):  # swaps the module's `threading`
        rec.run(race_locked_counter.main)
    timeline = rec.timeline("Locked counter")

Every primitive created through `rec.threading` or `rec.queue` wraps the real
one and records intervals `(thread, state, start, end)` in seconds since the
recorder was created:

- RUNNING: a thread's life, from the start of `run()` to its end;
- WAITING: inside `acquire()` of a lock or semaphore, until it returned;
- HOLDING: from a successful `acquire()` to the matching `release()`;
- BLOCKED: inside a queue's `get()`/`put()`, a barrier's, an event's or a
  condition's `wait()`, or `Thread.join()`.

A HOLDING interval ends just *before* the real `release()`, and the next holder's
starts just *after* its real `acquire()` returned, so the intervals of a lock
never overlap, and those of a semaphore overlap at most `value` deep: the
recording is faithful to what the primitive allowed.
"""

from __future__ import annotations

import contextlib
import itertools
import linecache
import queue as _queue
import re
import sys
import threading as _threading
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

RUNNING = "running"
WAITING = "waiting"
HOLDING = "holding"
BLOCKED = "blocked"
#: Between reading shared data and writing it back, with no lock held. The
#: recorder cannot see plain attribute access; `watch_attribute` records it.
UNGUARDED = "unguarded"
STATES = (RUNNING, WAITING, HOLDING, BLOCKED, UNGUARDED)

#: `name = threading.Lock()`, `self.name: T = ...`, `a, b = ...`: the names.
_ASSIGNED = re.compile(r"\s*([\w.]+(?:\s*,\s*[\w.]+)*)\s*(?::[^=]*)?=[^=]")


@dataclass(frozen=True)
class Interval:
    """What one thread did between `start` and `end` (seconds)."""

    thread: str
    state: str
    start: float
    end: float
    obj: str = ""  # the primitive involved: "lock", "queue", ...
    ok: bool = True  # False when the call timed out or raised

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Mark:
    """A point event: an event was set, a queue item was put, ..."""

    thread: str
    time: float
    label: str
    obj: str = ""


@dataclass
class Timeline:
    """A finished recording: the data a chart is drawn from."""

    title: str
    threads: list[str]
    intervals: list[Interval]
    marks: list[Mark] = field(default_factory=list)

    @property
    def end(self) -> float:
        times = [i.end for i in self.intervals] + [m.time for m in self.marks]
        return max(times, default=0.0)

    def intervals_in(
        self, state: str | None = None, obj: str | None = None, thread: str = ""
    ) -> list[Interval]:
        """The intervals with this state, primitive and thread (any if omitted)."""
        return [
            i
            for i in self.intervals
            if (state is None or i.state == state)
            and (obj is None or i.obj == obj)
            and (not thread or i.thread == thread)
        ]

    def since(self, t0: float) -> Timeline:
        """The same timeline with time counted from t0; what ended before t0
        is left out and what started before it is cut at t0."""
        intervals = [
            Interval(i.thread, i.state, max(i.start, t0) - t0, i.end - t0, i.obj, i.ok)
            for i in self.intervals
            if i.end > t0
        ]
        marks = [
            Mark(m.thread, m.time - t0, m.label, m.obj)
            for m in self.marks
            if m.time >= t0
        ]
        return Timeline(self.title, self.threads, intervals, marks)

    def first_start(self) -> float:
        """When the first thread other than main started running."""
        starts = [i.start for i in self.intervals_in(RUNNING) if i.thread != "main"]
        return min(starts, default=0.0)

    def objects(self, state: str) -> list[str]:
        """The names of the primitives that appear with `state`, in order seen."""
        return list(dict.fromkeys(i.obj for i in self.intervals if i.state == state))


def max_overlap(intervals: list[Interval]) -> int:
    """The most intervals that were open at the same instant.

    An interval that ends exactly when another starts does not overlap it.
    """
    edges = sorted(
        [(i.start, 1) for i in intervals] + [(i.end, -1) for i in intervals],
        key=lambda edge: (edge[0], edge[1]),  # at a tie, count the end first
    )
    depth = peak = 0
    for _, step in edges:
        depth += step
        peak = max(peak, depth)
    return peak


def overlapping_pairs(intervals: list[Interval]) -> list[tuple[Interval, Interval]]:
    """Pairs of intervals of *different* threads that overlap in time."""
    ordered = sorted(intervals, key=lambda i: i.start)
    pairs = []
    for n, a in enumerate(ordered):
        for b in ordered[n + 1 :]:
            if b.start >= a.end:
                break
            if a.thread != b.thread:
                pairs.append((a, b))
    return pairs


def thread_label(thread: _threading.Thread | None = None) -> str:
    thread = thread or _threading.current_thread()
    return "main" if thread is _threading.main_thread() else thread.name


class Recorder:
    """Collects intervals from the instrumented primitives; thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._t0 = clock()
        self._lock = _threading.Lock()  # a real lock: never recorded
        self._intervals: list[Interval] = []
        self._marks: list[Mark] = []
        self._threads: dict[str, None] = {}  # first-seen order
        self._counts: dict[str, itertools.count] = {}
        self._line_use: dict[tuple[str, int], tuple[int | None, int]] = {}
        self.threading = RecordingThreading(self)
        self.queue = RecordingQueueModule(self)

    # --- recording ------------------------------------------------------------

    def now(self) -> float:
        return self._clock() - self._t0

    def add(
        self,
        state: str,
        start: float,
        end: float,
        obj: str = "",
        ok: bool = True,
        thread: str | None = None,
    ) -> None:
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}; use one of {STATES}")
        name = thread or thread_label()
        with self._lock:
            self._threads.setdefault(name)
            self._intervals.append(Interval(name, state, start, end, obj, ok))

    def mark(self, label: str, obj: str = "") -> None:
        name = thread_label()
        with self._lock:
            self._threads.setdefault(name)
            self._marks.append(Mark(name, self.now(), label, obj))

    def add_row(self, name: str) -> None:
        """Give a thread its row, in order of first appearance."""
        with self._lock:
            self._threads.setdefault(name)

    def name_for(self, kind: str, depth: int = 2) -> str:
        """A unique name for a new primitive: the variable it is assigned to if
        the creating line says so (`lock = threading.Lock()`, or the k-th name
        of `a, b = threading.Lock(), threading.Lock()`), prefixed with the
        object's `name` for `self.lock = ...` in an object that has one
        (`a.lock`), else the kind; then `lock-2` for a second one named
        `lock`, and so on."""
        frame = sys._getframe(depth)
        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
        base = kind
        m = _ASSIGNED.match(line)
        if m and kind in line:
            targets = [t.strip().split(".")[-1] for t in m.group(1).split(",")]
            where = (frame.f_code.co_filename, frame.f_lineno)
            with self._lock:
                last_frame, k = self._line_use.get(where, (None, -1))
                k = k + 1 if last_frame == id(frame) else 0
                self._line_use[where] = (id(frame), k)
            base = targets[k % len(targets)]
            owner_name = getattr(frame.f_locals.get("self"), "name", None)
            if m.group(1).startswith("self.") and isinstance(owner_name, str):
                base = f"{owner_name}.{base}"  # `self.lock = ...`: `a.lock`
        with self._lock:
            n = next(self._counts.setdefault(base, itertools.count(1)))
        return base if n == 1 else f"{base}-{n}"

    # --- using it -------------------------------------------------------------

    @contextlib.contextmanager
    def patch(self, *modules: types.ModuleType) -> Iterator[Recorder]:
        """Point each module's `threading` and `queue` names at the recorder's
        stand-ins while the block runs; restore them afterwards."""
        saved: list[tuple[types.ModuleType, str, object]] = []
        stand_ins = {"threading": self.threading, "queue": self.queue}
        try:
            for module in modules:
                for attr, stand_in in stand_ins.items():
                    if hasattr(module, attr):
                        saved.append((module, attr, getattr(module, attr)))
                        setattr(module, attr, stand_in)
            yield self
        finally:
            for module, attr, original in reversed(saved):
                setattr(module, attr, original)

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call fn in this thread, recorded as RUNNING for its duration."""
        self.add_row(thread_label())
        start = self.now()
        try:
            return fn(*args, **kwargs)
        finally:
            self.add(RUNNING, start, self.now())

    def watch_attribute(self, cls: type, attr: str, obj: str = "") -> type:
        """A subclass of `cls` whose instance attribute `attr` records, per
        thread, each read-then-write as an UNGUARDED interval. A write that
        overwrites a value another thread wrote after this thread's read is
        recorded with ok=False and a mark "lost N": N updates vanished."""
        rec, obj = self, obj or attr
        slot = f"_watched_{attr}"
        reads: dict[str, tuple[float, Any]] = {}
        guard = _threading.Lock()  # makes the bookkeeping, not the race, atomic

        def get(instance: object) -> Any:
            with guard:
                value = instance.__dict__[slot]
                reads[thread_label()] = (rec.now(), value)
            return value

        def put(instance: object, value: Any) -> None:
            with guard:
                current = instance.__dict__.get(slot)
                instance.__dict__[slot] = value
                read = reads.pop(thread_label(), None)
            if read is None:
                return  # a write with no read first: initialisation
            start, seen = read
            if isinstance(seen, int) and isinstance(current, int):
                lost = current - seen
            else:
                lost = int(current != seen)
            rec.add(UNGUARDED, start, rec.now(), obj, ok=not lost)
            if lost:  # negative when it rolled back a lost value: it still adds up
                rec.mark(f"lost {lost}", obj)

        return type(cls.__name__, (cls,), {attr: property(get, put)})

    def timeline(self, title: str = "") -> Timeline:
        with self._lock:
            intervals = sorted(self._intervals, key=lambda i: (i.start, i.end))
            return Timeline(title, list(self._threads), intervals, list(self._marks))


# --- locks and semaphores ----------------------------------------------------


class _Holds:
    """Who holds a primitive since when; nested holds count as one."""

    def __init__(self, rec: Recorder, obj: str) -> None:
        self.rec, self.obj = rec, obj
        self._since: dict[str, list[float]] = {}
        self._depth: dict[str, int] = {}
        self._lock = _threading.Lock()

    def begin(self, at: float, reentrant: bool = False) -> None:
        me = thread_label()
        with self._lock:
            depth = self._depth.get(me, 0)
            if reentrant and depth:
                self._depth[me] = depth + 1
                return
            self._depth[me] = depth + 1
            self._since.setdefault(me, []).append(at)

    def end(self, at: float, reentrant: bool = False) -> None:
        me = thread_label()
        with self._lock:
            depth = self._depth.get(me, 0)
            if not depth:
                return  # released by a thread that did not acquire it
            self._depth[me] = depth - 1
            if reentrant and depth > 1:
                return
            start = self._since[me].pop()
        self.rec.add(HOLDING, start, at, self.obj)

    def suspend(self, at: float) -> int:
        """End the current thread's hold (a condition wait); return its depth."""
        me = thread_label()
        with self._lock:
            depth = self._depth.pop(me, 0)
            starts = self._since.pop(me, [])
        if starts:
            self.rec.add(HOLDING, starts[0], at, self.obj)
        return depth

    def resume(self, at: float, depth: int) -> None:
        if depth:
            me = thread_label()
            with self._lock:
                self._depth[me] = depth
                self._since[me] = [at]


class _RecLock:
    """A Lock (or RLock) that records waiting for it and holding it."""

    _kind = "Lock"

    def __init__(self, rec: Recorder, real: Any, name: str) -> None:
        self._rec, self._real, self.name = rec, real, name
        self._holds = _Holds(rec, name)
        self._reentrant = isinstance(real, type(_threading.RLock()))

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        start = self._rec.now()
        ok = self._real.acquire(blocking, timeout)
        end = self._rec.now()
        self._rec.add(WAITING, start, end, self.name, ok)
        if ok:
            self._holds.begin(end, self._reentrant)
        return ok

    def release(self) -> None:
        self._holds.end(self._rec.now(), self._reentrant)
        self._real.release()

    def locked(self) -> bool:
        return self._real.locked()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"<recording {self._real!r} {self.name!r}>"


class _RecSemaphore:
    """A Semaphore or BoundedSemaphore that records waits and holders."""

    def __init__(self, rec: Recorder, real: Any, name: str) -> None:
        self._rec, self._real, self.name = rec, real, name
        self._holds = _Holds(rec, name)

    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        start = self._rec.now()
        ok = self._real.acquire(blocking, timeout)
        end = self._rec.now()
        self._rec.add(WAITING, start, end, self.name, ok)
        if ok:
            self._holds.begin(end)
        return ok

    def release(self, n: int = 1) -> None:
        at = self._rec.now()
        for _ in range(n):
            self._holds.end(at)
        self._real.release(n)

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


# --- things a thread blocks on -----------------------------------------------


def _blocking(
    rec: Recorder, obj: str, call: Callable[[], Any], ok: Callable[[Any], bool]
) -> Any:
    """Run a blocking call, recorded as BLOCKED; a raised exception (Empty,
    Full, BrokenBarrierError) is recorded as ok=False and re-raised."""
    start = rec.now()
    try:
        result = call()
    except BaseException:
        rec.add(BLOCKED, start, rec.now(), obj, ok=False)
        raise
    rec.add(BLOCKED, start, rec.now(), obj, ok=ok(result))
    return result


def _always(_: object) -> bool:
    return True


def _truthy(result: object) -> bool:
    return bool(result)


class _RecEvent:
    def __init__(self, rec: Recorder, name: str) -> None:
        self._rec, self.name = rec, name
        self._real = _threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return _blocking(
            self._rec, self.name, lambda: self._real.wait(timeout), _truthy
        )

    def set(self) -> None:
        self._rec.mark("set", self.name)
        self._real.set()

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


class _RecBarrier:
    def __init__(self, rec: Recorder, real: _threading.Barrier, name: str) -> None:
        self._rec, self._real, self.name = rec, real, name

    def wait(self, timeout: float | None = None) -> int:
        return _blocking(
            self._rec, self.name, lambda: self._real.wait(timeout), _always
        )

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


class _RecCondition:
    """A Condition whose lock records holds, and whose waits record BLOCKED."""

    def __init__(self, rec: Recorder, lock: Any, name: str) -> None:
        self._rec, self.name = rec, name
        if lock is None:
            lock = _RecLock(rec, _threading.RLock(), name)
        self._lock = lock
        real_lock = lock._real if isinstance(lock, _RecLock) else lock
        self._real = _threading.Condition(real_lock)

    def acquire(self, *args: Any) -> bool:
        return self._lock.acquire(*args)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self._lock.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._lock.__exit__(*exc)

    def wait(self, timeout: float | None = None) -> bool:
        holds = self._lock._holds if isinstance(self._lock, _RecLock) else None
        start = self._rec.now()
        depth = holds.suspend(start) if holds else 0
        try:
            ok = self._real.wait(timeout)
        finally:
            end = self._rec.now()
            if holds:
                holds.resume(end, depth)
        self._rec.add(BLOCKED, start, end, self.name, ok)
        return ok

    def wait_for(
        self, predicate: Callable[[], Any], timeout: float | None = None
    ) -> Any:
        # The same loop as threading.Condition.wait_for, through our wait().
        end_time = None
        wait_time = timeout
        result = predicate()
        while not result:
            if wait_time is not None:
                if end_time is None:
                    end_time = time.monotonic() + wait_time
                else:
                    wait_time = end_time - time.monotonic()
                    if wait_time <= 0:
                        break
            self.wait(wait_time)
            result = predicate()
        return result

    def notify(self, n: int = 1) -> None:
        self._real.notify(n)

    def notify_all(self) -> None:
        self._real.notify_all()


class RecordingThreading:
    """Stands in for the `threading` module; anything not recorded (names,
    exceptions, `current_thread`...) is the real module's."""

    def __init__(self, rec: Recorder) -> None:
        self._rec = rec
        self.Thread = _thread_class(rec, _threading.Thread)
        self.Timer = _thread_class(rec, _threading.Timer)

    def Lock(self) -> _RecLock:
        return _RecLock(self._rec, _threading.Lock(), self._rec.name_for("Lock"))

    def RLock(self) -> _RecLock:
        return _RecLock(self._rec, _threading.RLock(), self._rec.name_for("RLock"))

    def Semaphore(self, value: int = 1) -> _RecSemaphore:
        name = self._rec.name_for("Semaphore")
        return _RecSemaphore(self._rec, _threading.Semaphore(value), name)

    def BoundedSemaphore(self, value: int = 1) -> _RecSemaphore:
        name = self._rec.name_for("BoundedSemaphore")
        return _RecSemaphore(self._rec, _threading.BoundedSemaphore(value), name)

    def Event(self) -> _RecEvent:
        return _RecEvent(self._rec, self._rec.name_for("Event"))

    def Barrier(
        self,
        parties: int,
        action: Callable[[], None] | None = None,
        timeout: float | None = None,
    ) -> _RecBarrier:
        name = self._rec.name_for("Barrier")
        real = _threading.Barrier(parties, action, timeout)
        return _RecBarrier(self._rec, real, name)

    def Condition(self, lock: Any = None) -> _RecCondition:
        return _RecCondition(self._rec, lock, self._rec.name_for("Condition"))

    def __getattr__(self, attr: str) -> Any:
        return getattr(_threading, attr)


def _thread_class(rec: Recorder, base: type[_threading.Thread]) -> type:
    class RecordingThread(base):  # type: ignore[valid-type, misc]
        """A Thread whose run() is recorded as RUNNING, and join() as BLOCKED."""

        def start(self) -> None:
            rec.add_row(self.name)  # rows in the order the threads were started
            super().start()

        def run(self) -> None:
            start = rec.now()
            try:
                super().run()
            finally:
                rec.add(RUNNING, start, rec.now())

        def join(self, timeout: float | None = None) -> None:
            _blocking(
                rec,
                f"join {self.name}",
                lambda: super(RecordingThread, self).join(timeout),
                _always,
            )

    RecordingThread.__name__ = RecordingThread.__qualname__ = base.__name__
    return RecordingThread


# --- queues ------------------------------------------------------------------


class _RecQueue:
    """A queue whose blocking put()/get() (and join()) record BLOCKED."""

    def __init__(self, rec: Recorder, real: Any, name: str) -> None:
        self._rec, self._real, self.name = rec, real, name

    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        _blocking(
            self._rec, self.name, lambda: self._real.put(item, block, timeout), _always
        )
        self._rec.mark("put", self.name)

    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        item = _blocking(
            self._rec, self.name, lambda: self._real.get(block, timeout), _always
        )
        self._rec.mark("get", self.name)
        return item

    def put_nowait(self, item: Any) -> None:
        self.put(item, block=False)

    def get_nowait(self) -> Any:
        return self.get(block=False)

    def join(self) -> None:
        _blocking(self._rec, self.name, self._real.join, _always)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


class RecordingQueueModule:
    """Stands in for the `queue` module."""

    def __init__(self, rec: Recorder) -> None:
        self._rec = rec

    def _make(self, cls: type, kind: str, *args: Any) -> _RecQueue:
        return _RecQueue(self._rec, cls(*args), self._rec.name_for(kind, depth=3))

    def Queue(self, maxsize: int = 0) -> _RecQueue:
        return self._make(_queue.Queue, "Queue", maxsize)

    def LifoQueue(self, maxsize: int = 0) -> _RecQueue:
        return self._make(_queue.LifoQueue, "LifoQueue", maxsize)

    def PriorityQueue(self, maxsize: int = 0) -> _RecQueue:
        return self._make(_queue.PriorityQueue, "PriorityQueue", maxsize)

    def SimpleQueue(self) -> _RecQueue:
        return self._make(_queue.SimpleQueue, "SimpleQueue")

    def __getattr__(self, attr: str) -> Any:
        return getattr(_queue, attr)
