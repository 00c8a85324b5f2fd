# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # See the threads
#
# Each chart on this page is a recording of one real run of an example from
# this site. Every thread is a row, and time runs from left to right:
#
# - **running** (blue): the thread is alive and doing its work;
# - **waiting for a lock** (orange): it is inside `acquire()`, and another
#   thread holds the lock or every slot of the semaphore;
# - **holding a lock** (green, the thin bar above the row): from a successful
#   `acquire()` to the matching `release()`, labelled with the lock's name when
#   there are several;
# - **blocked** (purple): inside a queue's `get()` or `put()`, a barrier's,
#   an event's or a condition's `wait()`, or `join()`;
# - a **cross** marks a call that gave up: an `acquire(timeout=...)` that timed
#   out, or a write that overwrote another thread's update.
#
# <div class="admonition note">
# <p class="admonition-title">Recorded when this page was built</p>
# <p>The runs happen when the site is built, so the charts show what the
# threads did on that machine, that time; run the notebook again and the bars
# move, but what the examples guarantee does not. The source is
# <code>docs/notebooks/timelines.py</code>, a
# <a href="https://jupytext.readthedocs.io/">Jupytext</a> notebook; the recorder
# is the repository's <code>threadviz</code> package, whose tests check these
# guarantees on every recording.</p>
# </div>
#
# ## How the recording works
#
# The examples call `threading.Lock()`, `queue.Queue()` and the rest through
# their modules. `threadviz` loads a private copy of an example, points its
# `threading` and `queue` names at stand-ins whose primitives wrap the real
# ones and note the time before and after every `acquire()`, `release()`,
# `wait()`, `get()` and `put()`, and calls the example's own `run()` function.
# The examples themselves are unchanged; their `time` name points at a stand-in
# whose `sleep()` is 20 times shorter, so that a recording takes a moment.

# %%
import sys
from pathlib import Path

# The site build puts the repository on the path; run by hand, the notebook
# looks for it above the current folder.
if not any((Path(p) / "threadviz").is_dir() for p in sys.path if p):
    here = Path.cwd().resolve()
    sys.path.insert(
        0, str(next(p for p in [here, *here.parents] if (p / "threadviz").is_dir()))
    )

from threadviz import chart, scenarios
from threadviz.recorder import BLOCKED, HOLDING, RUNNING, WAITING, max_overlap


def show(name: str) -> scenarios.Scenario:
    """Run one example under the recorder and draw its timeline."""
    scenario = scenarios.run(name)
    chart.show(chart.render(scenario.timeline), scenario.alt, name=name)
    return scenario


# %% [markdown]
# ## Waits that overlap
#
# Three simulated downloads, each a one-second `time.sleep()`: first one
# thread runs them one after another, then three threads run one each. A
# thread that waits lets the others run, so the three waits overlap and take
# the time of one. See [Threads](../threads.md#overlapping-waits).

# %%
overlap = show("io-overlap")
runs = overlap.timeline.intervals_in(RUNNING)
one = next(i for i in runs if i.thread == "one after another")
pages = [i for i in runs if i.thread.startswith("page")]
together = max(i.end for i in pages) - min(i.start for i in pages)
print(f"one after another: {one.duration * 1000:.0f} ms")
print(f"each in a thread:  {together * 1000:.0f} ms")

# %% [markdown]
# ## A race: the unsafe counter
#
# Two threads each add 1 to a shared counter, with no lock: each reads the
# value, lets the other thread run (`time.sleep(0)`), and writes back what it
# read plus one. The red bars are the windows between a thread's read and its
# write. When the windows of the two threads overlap, the later write
# overwrites the earlier one, and an increment is lost. See
# [Race conditions](../races.md).

# %%
unsafe = show("race-unsafe")
expected = scenarios.RACE_THREADS * scenarios.RACE_INCREMENTS
print(f"counter = {unsafe.result}, expected {expected}")

# %% [markdown]
# ## The same counter with a lock
#
# With the read and the write under one lock, the green bars (holding the lock)
# of the two threads never overlap: while one thread holds the lock, the other
# waits for it (orange). No update is lost.

# %%
locked = show("race-locked")
holds = locked.timeline.intervals_in(HOLDING, "lock")
print(f"counter = {locked.result}, expected {expected}")
print(f"threads holding the lock at the same time, at most: {max_overlap(holds)}")

# %% [markdown]
# ## A deadlock, caught by a timeout
#
# Two threads take the same two locks in opposite orders. Each holds its first
# lock and waits for the other's. Neither can go on, and without a timeout
# they would wait forever; here `acquire(timeout=...)` gives up (the cross),
# the thread leaves its `with` block and releases its first lock. Often the
# other thread then gets both locks; when both time out at nearly the same
# moment, neither does. Either way, nothing hangs. See
# [Locks and deadlocks](../locks.md).

# %%
deadlock = show("deadlock")
print("got both locks:", dict(sorted(deadlock.result.items())))
timeouts = [i for i in deadlock.timeline.intervals_in(WAITING) if not i.ok]
print(f"acquires that timed out: {len(timeouts)}")

# %% [markdown]
# ## A pipeline: producer, consumers and a bounded queue
#
# One producer puts 20 items into a `queue.Queue(maxsize=5)`, then one
# sentinel per consumer; two consumers take items until each gets its
# sentinel. The producer blocks in `put()` while the queue is full, and a
# consumer blocks in `get()` while it is empty: nobody polls, and nobody
# sleeps. See [Queues and pipelines](../queues.md).

# %%
pipeline = show("pipeline")
counts = pipeline.result
once = set(counts.values()) == {1}
print(f"items consumed: {sum(counts.values())}, each exactly once: {once}")

# %% [markdown]
# ## A semaphore caps concurrency
#
# Six tasks share a `threading.Semaphore(2)`: at most two hold a slot (green,
# labelled `slots`) at any moment. The others wait in `acquire()` (orange) until
# a task releases its slot. The short `counting` holds are the lock that
# guards the example's own count of active tasks. See
# [Semaphore, Timer and Barrier](../synchronization.md).

# %%
semaphore = show("semaphore")
slots = semaphore.timeline.intervals_in(HOLDING, "slots")
print(f"peak reported by the example: {semaphore.result}")
print(f"most slots held at once in the recording: {max_overlap(slots)}")

# %% [markdown]
# ## A barrier releases its parties together
#
# Four threads call `wait()` on a `threading.Barrier(4)` as they arrive. Each
# blocks (purple) until the fourth arrives; then all four go on. The last to
# arrive hardly waits at all: it runs the barrier's action and wakes the
# others, who resume one after another as they get their turn to run.

# %%
barrier = show("barrier")
waits = barrier.timeline.intervals_in(BLOCKED, "start_line")
print(f"wait() returned {barrier.result}")
together = max(w.start for w in waits) <= min(w.end for w in waits)
print(f"every party was still waiting when the last one arrived: {together}")
