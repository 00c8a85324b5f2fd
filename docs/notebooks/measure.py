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
# # Measure it yourself
#
# How much faster do threads make a program? It depends on what the threads
# spend their time doing. This page measures two kinds of work with 1, 2, 4, 8
# and 16 threads:
#
# - **I/O-bound** work: each job waits, as a program waits for a network reply
#   or a disk. Here the wait is a `time.sleep()`.
# - **CPU-bound** work: each job computes in pure Python. The same work also
#   runs in a pool of *processes*, for comparison.
#
# <div class="admonition note">
# <p class="admonition-title">
# These numbers come from the machine that built this page</p>
# <p>This page is a Jupyter notebook that was run when the site was built.
# Every number and every curve below was measured then, on that machine;
# nothing is typed in by hand. Run it on your machine and your numbers will
# differ. The source is <code>docs/notebooks/measure.py</code> in the
# repository, a notebook in the <a href="https://jupytext.readthedocs.io/">Jupytext</a>
# percent format: open it in Jupyter, or run it with <code>python</code>.</p>
# </div>

# %%
import sys
from pathlib import Path

# The workloads live in the repository's threadviz package (a process pool's
# workers must be able to import them). The site build puts it on the path;
# run by hand, the notebook looks for it above the current folder.
if not any((Path(p) / "threadviz").is_dir() for p in sys.path if p):
    here = Path.cwd().resolve()
    sys.path.insert(
        0, str(next(p for p in [here, *here.parents] if (p / "threadviz").is_dir()))
    )

from threadviz import chart, measure

for what, value in measure.machine().items():
    print(f"{what:>28}: {value}")

# %% [markdown]
# The last lines matter most. On the default ("GIL") build of CPython, the
# *global interpreter lock* lets only one thread run Python bytecode at a time.
# A *free-threaded* build (see [PEP 703](https://peps.python.org/pep-0703/);
# experimental in 3.13, supported from 3.14) has no such lock, and there
# `GIL enabled` prints `False`.
#
# ## The work
#
# Sixteen jobs of each kind, shared among pools of 1, 2, 4, 8 and 16 workers.
# Each measurement is the fastest of a few runs, the one least disturbed by
# whatever else the machine was doing; the pool is started before the clock
# starts.

# %%
WAIT = 0.005  # seconds each I/O job waits
LOOPS = 100_000  # iterations of each CPU job
REPEATS = 2

io_threads = measure.with_threads(
    measure.sleep_job, [WAIT] * measure.JOBS, repeats=REPEATS
)
cpu_threads = measure.with_threads(
    measure.count_job, [LOOPS] * measure.JOBS, repeats=REPEATS
)
cpu_processes, process_startup = measure.with_processes(
    measure.count_job, [LOOPS] * measure.JOBS, repeats=REPEATS
)

print("workers   I/O threads   CPU threads   CPU processes   (seconds)")
for n in measure.WORKERS:
    print(
        f"{n:>7}   {io_threads[n]:>11.3f}   {cpu_threads[n]:>11.3f}"
        f"   {cpu_processes[n]:>13.3f}"
    )

# %% [markdown]
# ## Wall time and speedup
#
# The speedup with *n* workers is the time with one worker divided by the time
# with *n*. The dashed line is the ideal: *n* workers, *n* times faster.


# %%
def draw(fig: chart.Figure, theme: chart.Theme) -> None:
    times_ax, speedup_ax = fig.subplots(2, 1)  # one above the other: fits a phone
    series = [
        ("I/O-bound, threads", io_threads, chart.STATE_COLOURS["running"], "o"),
        ("CPU-bound, threads", cpu_threads, chart.STATE_COLOURS["waiting"], "s"),
        ("CPU-bound, processes", cpu_processes, chart.STATE_COLOURS["holding"], "^"),
    ]
    widths = list(measure.WORKERS)
    for label, times, colour, marker in series:
        times_ax.plot(widths, [times[n] for n in widths], marker=marker, color=colour)
        speedup_ax.plot(
            widths,
            [measure.speedups(times)[n] for n in widths],
            marker=marker,
            color=colour,
            label=label,
        )
    speedup_ax.plot(widths, widths, linestyle="--", color=theme.muted, label="ideal")
    times_ax.set_title("Wall time (lower is better)", loc="left")
    times_ax.set_ylabel("seconds, 16 jobs")
    times_ax.set_ylim(bottom=0)
    speedup_ax.set_title("Speedup over 1 worker (higher is better)", loc="left")
    speedup_ax.set_ylabel("speedup")
    speedup_ax.set_yscale("log", base=2)
    speedup_ax.set_yticks([0.5, 1, 2, 4, 8, 16], ["½", "1", "2", "4", "8", "16"])
    for ax in (times_ax, speedup_ax):
        ax.set_xscale("log", base=2)
        ax.set_xticks(widths, [str(n) for n in widths])
        ax.set_xlabel("workers")
        ax.grid(linewidth=0.6)
    fig.legend(loc="lower center", ncols=2, bbox_to_anchor=(0.5, -0.1))
    fig.tight_layout()


chart.show(
    chart.themed(draw, height_in=7),
    "Two charts, one above the other: wall time and speedup against the number "
    "of workers, for I/O-bound work in threads, CPU-bound work in threads, and "
    "CPU-bound work in processes, with the ideal speedup as a dashed line.",
)

# %% [markdown]
# ## What the curves say

# %%
from IPython.display import Markdown

cpus = measure.machine()["CPUs this process may use"]
gil = measure.machine()["GIL enabled"]
io16 = measure.speedups(io_threads)[16]
cpu_best = max(measure.speedups(cpu_threads).values())
proc_best = max(measure.speedups(cpu_processes).values())
Markdown(
    f"On this build, 16 threads made the I/O-bound work **{io16:.1f} times** "
    f"faster; the best speedup of the CPU-bound work was **{cpu_best:.1f}** with "
    f"threads and **{proc_best:.1f}** with processes, on {cpus} CPUs"
    f"{' with the GIL enabled' if gil else ' with the GIL disabled'}. "
    f"Starting 16 worker processes took {process_startup[16] * 1000:.0f} ms."
)

# %% [markdown]
# **I/O-bound work follows the ideal line.** A thread that waits, in
# `time.sleep()`, a socket read or a file read, releases the GIL, so the other
# threads run while it waits. Sixteen threads wait sixteen times at once, and
# the speedup stays close to the number of threads long past the number of
# CPUs: waiting does not use a CPU. It stops growing only when the waits are no
# longer the slowest part (thread start-up, the pool's bookkeeping), which is
# why the real programs that profit most wait on the network.
#
# **CPU-bound work in threads stays flat on a GIL build.** Only the thread that
# holds the GIL runs Python code, so the sixteen jobs still run one after
# another; with more threads the speedup stays near 1, and can drop below it,
# because the threads also pay for handing the GIL back and forth.
#
# **CPU-bound work in processes scales up to the number of CPUs.** Each process
# has its own interpreter and its own GIL, so the jobs really run in parallel,
# until every CPU is busy: beyond that, more workers only take turns. That
# needs CPUs that are free: on a machine busy with other programs while this
# page was built, the processes' curve stays lower than the CPU count says. The pool
# also has costs the threads do not: starting the processes (measured above),
# and pickling every argument and result to send it between processes.
#
# ## What a free-threaded build changes
#
# On a free-threaded build (`python3.14t`, where `GIL enabled` prints `False`),
# threads run Python code in parallel, so the **CPU-bound threads** curve
# climbs like the processes curve, up to the number of CPUs, without the
# processes' start-up and pickling costs. Single-threaded code runs somewhat
# slower on such a build, and the I/O-bound curve does not change: waiting
# never needed the GIL. The code needs no change, but it must be correct
# without the GIL: updates that seemed atomic on a GIL build can be lost (see
# [Race conditions](../races.md)).

# %% [markdown]
# ## What a CPU-bound thread costs an I/O-bound one
#
# Threads suit I/O-bound work, but on a GIL build a thread that comes back
# from I/O needs the GIL before it can run one more line of Python. If
# another thread is busy computing in pure Python, it holds the GIL, and the
# thread that woke up must wait for it. Here one thread waits 1 ms in
# `time.sleep()`, a hundred times; `time.sleep()` blocks in the kernel and
# releases the GIL exactly as a socket read does. Each wait's *delay* is how
# much longer than 1 ms it took: first with the thread alone, then while a
# second thread spins in a pure-Python loop, then the same with the switch
# interval cut from 5 ms to 1 ms.

# %%
ROUNDS = 100
cases = {
    "alone": measure.wake_up_delays(ROUNDS),
    "next to a CPU-bound thread": measure.wake_up_delays(ROUNDS, cpu_thread=True),
    "the same, switch interval 1 ms": measure.wake_up_delays(
        ROUNDS, cpu_thread=True, switch_interval=0.001
    ),
}
wake_up = {case: measure.median_and_p95(delays) for case, delays in cases.items()}
print(f"switch interval: {sys.getswitchinterval() * 1000:g} ms by default")
print(f"{'the I/O-bound thread':<32}  median delay   95th percentile")
for case, (median, p95) in wake_up.items():
    print(f"{case:<32}  {median * 1000:9.3f} ms   {p95 * 1000:12.3f} ms")

# %%
alone, busy, short = (wake_up[case][0] * 1000 for case in cases)
Markdown(
    f"On this machine, a thread that waited 1 ms ran again a median "
    f"**{alone:.2f} ms** late when it was alone, and **{busy:.2f} ms** late "
    f"next to a thread computing in pure Python; with a 1 ms switch interval, "
    f"**{short:.2f} ms** late."
)

# %% [markdown]
# **This is the convoy effect.** When the I/O-bound thread wakes up, the
# CPU-bound thread holds the GIL and has no reason to give it up: it never
# blocks. The woken thread waits for the *switch interval*
# ([`sys.getswitchinterval()`](https://docs.python.org/3/library/sys.html#sys.getswitchinterval),
# 5 ms by default), unless the GIL comes free sooner, and only then asks the
# running thread to drop the GIL
# (`take_gil()` in CPython's
# [`Python/ceval_gil.c`](https://github.com/python/cpython/blob/main/Python/ceval_gil.c);
# [Testing threaded code](../testing.md#stress) describes the hand-over). So
# every wait costs about one switch interval more, on top of the wait itself.
# A thread that makes many short waits (a server answering small requests, a
# thread relaying data between sockets) then manages at most about 200 of
# them a second, one per 5 ms, however fast the I/O is. A shorter interval
# shortens the delay, and makes every thread pay for more switches. David
# Beazley described this in 2010, when the current GIL was new
# ([Understanding the Python GIL](https://www.dabeaz.com/GIL/);
# CPython issue [bpo-7946](https://bugs.python.org/issue7946), "Convoy effect
# with I/O bound threads and New GIL").
#
# The 95th percentile is usually far worse than the median: on a machine
# that is also busy with other programs, the operating system adds its own
# delays, and the woken thread may wait more than one switch interval.
#
# What helps on a GIL build: keep the pure-Python number crunching out of the
# process that serves I/O (a [process pool](../choosing.md)), or make it call
# code that releases the GIL (most of NumPy, hashing and compression of large
# buffers). On a **free-threaded build** there is no GIL to wait for: the
# woken thread runs at once on a free CPU, and the delay stays what it is
# alone, as long as the machine has a CPU free for it.
