"""Run a reader's answer as `__main__`, with uneven sleeps.

The checker runs this file through the shared runner (so the runner's guards
and sleep scaling apply), with the answer's path in EXERCISE_ANSWER and a
pattern number in EXERCISE_SLEEP_PATTERN. Each thread's `time.sleep()` is then
stretched or shrunk by a factor that depends on the pattern and on the order
in which the thread was started (the main thread is 0):

    pattern 0: the main thread's sleeps 8x shorter, every other thread's 8x longer
    pattern 1: the other way round
    pattern 2: threads started 1st, 3rd, 5th... 8x shorter, the others 8x longer
    pattern 3: the other way round

A program that coordinates its threads (join, Event, Queue, Barrier...) does
the same thing under every pattern; one that relies on a sleep lasting long
enough does not.

A timeout is a wait of a given length too, so the driver treats it like a
sleep: a `timeout=` that the answer's own code passes to a blocking call
written in Python (see TIMEOUTS) is multiplied by the runner's time scale
(SNIPPET_TIME_SCALE, 0.01 in the checks) and by the calling thread's factor.
Without that, `orders.get(timeout=0.3)` would wait 100 times longer, measured
against the scaled sleeps, than it does under plain `python`, and a timeout
used as coordination would pass. (`Lock.acquire()` is written in C and keeps
its timeout.) Only calls made from the answer's file are scaled, so that a
timeout that Python's own code passes on (Queue.get to Condition.wait...) is
not scaled twice.

A call of `Event.set()` from the answer's file is followed by a short real
sleep, so that the threads it wakes run before the setter goes on: a reader
woken before the data it waits for is written sees it missing.

With EXERCISE_SWITCH_BEFORE_STORES=1 (an exercise's `switch_before_stores`),
the driver also offers a thread switch before each bytecode of the answer's
own code that stores a shared value (a `time.sleep(0)` there, through
`sys.monitoring` from 3.12 and a trace function before): CPython 3.10 to
3.13 with the GIL hand over the GIL only on calls and at the end of loop
iterations (docs/races.md, "Why counter += 1 seems to work"), never inside
`counter.value += 1`, so an unlocked read-modify-write would pass without it.

It also writes one line to stderr for each exception that escapes a thread
(the checker's way to name the thread and the error), one for each call of
`asyncio.Queue.put_nowait()` from a thread that runs no event loop, one for
each `time.sleep()` made in a thread that runs an event loop, and, at the
end, the most threads that had been started and not yet joined at one time
(3 for a program that starts three threads, then joins them; 1 for one that
joins each thread right after starting it). An
answer that installs its own `threading.excepthook` has seen its threads'
exceptions: if its hook calls the previous one (the driver's), that call only
prints the traceback.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import os
import runpy
import sys
import threading
import time

TYPE_CHECKING = False  # not from typing: its import would cost each run ~4 ms

if TYPE_CHECKING:  # only for the type checker: every import costs each run
    from collections.abc import Callable
    from types import CodeType, FrameType
    from typing import Any

SHORTER, LONGER = 0.125, 8.0
#: The real sleep after an answer's Event.set(), in seconds.
AFTER_SET = 0.005

#: The blocking calls whose timeout is scaled, by module: (the attribute path
#: in the module, the position of the timeout among the positional arguments,
#: self included). A module is patched only if the answer's source names it:
#: importing asyncio or concurrent.futures for every run would add tens of
#: milliseconds to each of the check's runs.
TIMEOUTS: dict[str, list[tuple[str, int]]] = {
    "threading": [
        ("Event.wait", 1),
        ("Condition.wait", 1),
        ("Condition.wait_for", 2),
        ("Thread.join", 1),
        ("Barrier.wait", 1),
        ("Semaphore.acquire", 2),  # BoundedSemaphore too
    ],
    "queue": [("Queue.get", 2), ("Queue.put", 3)],
    "concurrent.futures": [
        ("Future.result", 1),
        ("Future.exception", 1),
        ("wait", 1),
        ("as_completed", 1),
    ],
}


#: The bytecodes that store a value somewhere another thread can see.
STORES = frozenset(
    {"STORE_ATTR", "STORE_SUBSCR", "STORE_GLOBAL", "STORE_DEREF", "DELETE_SUBSCR"}
)


def factor(pattern: int, index: int) -> float:
    """How much longer the sleeps of the thread started `index`-th last."""
    pattern %= 4
    if pattern < 2:
        first, other = (SHORTER, LONGER) if pattern == 0 else (LONGER, SHORTER)
        return first if index == 0 else other
    odd, even = (SHORTER, LONGER) if pattern == 2 else (LONGER, SHORTER)
    return 1.0 if index == 0 else odd if index % 2 else even


def watch_put_nowait() -> None:
    """Note each call of asyncio.Queue.put_nowait() from a thread that runs no
    event loop: an asyncio.Queue is not thread-safe, and such a call may work
    by luck (if the loop happens to look at the queue again)."""
    import asyncio

    real_put_nowait = asyncio.Queue.put_nowait

    def put_nowait(self: asyncio.Queue[object], item: object) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            sys.stderr.write(
                f"exercise driver: thread {threading.current_thread().name} "
                "called asyncio.Queue.put_nowait() outside the event loop\n"
            )
        real_put_nowait(self, item)

    asyncio.Queue.put_nowait = put_nowait  # type: ignore[method-assign,assignment]


def watch_set(answer: str, real_sleep: Callable[[float], None]) -> None:
    """Sleep briefly after each Event.set() called from the answer's file, so
    that the woken threads run before the setter writes what they need."""
    real_set = threading.Event.set

    @functools.wraps(real_set)
    def set_then_yield(self: threading.Event) -> None:
        real_set(self)
        if sys._getframe(1).f_code.co_filename == answer:
            real_sleep(AFTER_SET)

    threading.Event.set = set_then_yield  # type: ignore[method-assign]


def switch_before_stores(answer: str, real_sleep: Callable[[float], None]) -> None:
    """Offer a thread switch before each bytecode of the answer's code that
    stores a value (`counter.value = ...`, `x += 1`, `cache[key] = ...`): a
    race needs a switch between a read and the write that depends on it, and
    one before every bytecode would cost several times as much."""
    import dis  # only for the exercises that ask for it

    stores: dict[CodeType, frozenset[int]] = {}

    def offsets(code: CodeType) -> frozenset[int]:
        if code not in stores:
            stores[code] = frozenset(
                i.offset for i in dis.get_instructions(code) if i.opname in STORES
            )
        return stores[code]

    if sys.version_info >= (3, 12):
        # Python 3.12+: sys.monitoring (PEP 669). Opcode events of a trace
        # function are not delivered reliably there to a frame that asks for
        # them in its "call" event (CPython issues 103615, 114480).
        monitoring = sys.monitoring
        tool = monitoring.DEBUGGER_ID
        monitoring.use_tool_id(tool, "exercise driver")

        def started(code: CodeType, offset: int) -> Any:  # noqa: ANN401
            if code.co_filename == answer:
                events = monitoring.events.INSTRUCTION
                monitoring.set_local_events(tool, code, events)
            return monitoring.DISABLE

        def instruction(code: CodeType, offset: int) -> Any:  # noqa: ANN401
            if offset not in offsets(code):
                return monitoring.DISABLE  # this bytecode: never again
            real_sleep(0)
            return None

        monitoring.register_callback(tool, monitoring.events.PY_START, started)
        monitoring.register_callback(tool, monitoring.events.INSTRUCTION, instruction)
        monitoring.set_events(tool, monitoring.events.PY_START)
        return

    def each_opcode(frame: FrameType, event: str, arg: Any) -> Any:  # noqa: ANN401
        if event == "opcode" and frame.f_lasti in offsets(frame.f_code):
            real_sleep(0)
        return each_opcode

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:  # noqa: ANN401
        if frame.f_code.co_filename != answer:
            return None  # Python's own code runs untraced
        frame.f_trace_opcodes = True
        return each_opcode

    threading.settrace(tracer)
    sys.settrace(tracer)


def main() -> None:
    answer = os.environ["EXERCISE_ANSWER"]
    pattern = int(os.environ["EXERCISE_SLEEP_PATTERN"])
    started = itertools.count(1)
    index: dict[int, int] = {}  # Thread identity -> start order
    real_start = threading.Thread.start
    real_sleep = time.sleep

    real_join = threading.Thread.join
    joined: set[int] = set()  # the identities of the threads join() was called on
    most_unjoined = 0

    def start(self: threading.Thread) -> None:
        nonlocal most_unjoined
        index[id(self)] = next(started)
        real_start(self)
        most_unjoined = max(most_unjoined, len(index.keys() - joined))

    def join(self: threading.Thread, timeout: float | None = None) -> None:
        joined.add(id(self))
        real_join(self, timeout)

    with open(answer, encoding="utf-8") as file:
        source = file.read()

    def sleep(seconds: float) -> None:
        me = threading.current_thread()
        if "asyncio" in sys.modules and "asyncio" in source:
            try:
                sys.modules["asyncio"].get_running_loop()
            except RuntimeError:
                pass  # no event loop in this thread: its sleep blocks only it
            else:
                sys.stderr.write(
                    f"exercise driver: thread {me.name} called time.sleep() "
                    "while running an event loop\n"
                )
        real_sleep(seconds * factor(pattern, index.get(id(me), 0)))

    scale = float(os.environ.get("SNIPPET_TIME_SCALE", "1"))

    def scaling_timeout(call: Callable[..., Any], at: int) -> Callable[..., Any]:
        @functools.wraps(call)
        def scaled(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            if sys._getframe(1).f_code.co_filename == answer:
                me = threading.current_thread()
                by = scale * factor(pattern, index.get(id(me), 0))
                if kwargs.get("timeout") is not None:
                    kwargs["timeout"] *= by
                elif len(args) > at and args[at] is not None:
                    args = (*args[:at], args[at] * by, *args[at + 1 :])
            return call(*args, **kwargs)

        return scaled

    # Before the timeouts are scaled: scaling wraps this join().
    threading.Thread.join = join  # type: ignore[method-assign]
    for module_name, calls in TIMEOUTS.items():
        if module_name not in source:
            continue  # the answer does not use it
        module = importlib.import_module(module_name)
        for path, at in calls:
            *owner_path, name = path.split(".")
            owner = functools.reduce(getattr, owner_path, module)
            setattr(owner, name, scaling_timeout(getattr(owner, name), at))

    if "asyncio" in source:
        watch_put_nowait()

    runner_hook = threading.excepthook

    def report(args: threading.ExceptHookArgs) -> None:
        """Name the thread and its error in one write: two threads' tracebacks,
        printed at once, can mix their lines, and the checker reads this.

        Called while `threading.excepthook` is another function, this is the
        previous hook that the answer's own hook chains to: the answer has
        seen the exception, so it is only printed, not counted as escaped."""
        if threading.excepthook is not report:
            threading.__excepthook__(args)
            return
        name = args.thread.name if args.thread else "?"
        sys.stderr.write(
            f"exercise driver: thread {name} raised "
            f"{args.exc_type.__name__}: {args.exc_value}\n"
        )
        runner_hook(args)

    threading.excepthook = report
    threading.Thread.start = start  # type: ignore[method-assign]
    time.sleep = sleep  # type: ignore[assignment]
    watch_set(answer, real_sleep)
    if os.environ.get("EXERCISE_SWITCH_BEFORE_STORES") == "1":
        switch_before_stores(answer, real_sleep)
    sys.argv = [answer]
    sys.path[0] = os.path.dirname(answer)
    try:
        runpy.run_path(answer, run_name="__main__")
    finally:
        sys.stderr.write(
            f"exercise driver: at most {most_unjoined} threads started and not "
            "yet joined\n"
        )


if __name__ == "__main__":
    main()
