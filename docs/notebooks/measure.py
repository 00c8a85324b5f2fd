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
    left, right = fig.subplots(1, 2)
    series = [
        ("I/O-bound, threads", io_threads, chart.STATE_COLOURS["running"], "o"),
        ("CPU-bound, threads", cpu_threads, chart.STATE_COLOURS["waiting"], "s"),
        ("CPU-bound, processes", cpu_processes, chart.STATE_COLOURS["holding"], "^"),
    ]
    widths = list(measure.WORKERS)
    for label, times, colour, marker in series:
        left.plot(widths, [times[n] for n in widths], marker=marker, color=colour)
        right.plot(
            widths,
            [measure.speedups(times)[n] for n in widths],
            marker=marker,
            color=colour,
            label=label,
        )
    right.plot(widths, widths, linestyle="--", color=theme.muted, label="ideal")
    left.set_title("Wall time (lower is better)", loc="left", fontsize=10)
    left.set_ylabel("seconds for all 16 jobs")
    left.set_ylim(bottom=0)
    right.set_title("Speedup over 1 worker (higher is better)", loc="left", fontsize=10)
    right.set_ylabel("speedup")
    right.set_yscale("log", base=2)
    right.set_yticks([0.5, 1, 2, 4, 8, 16], ["½", "1", "2", "4", "8", "16"])
    for ax in (left, right):
        ax.set_xscale("log", base=2)
        ax.set_xticks(widths, [str(n) for n in widths])
        ax.set_xlabel("workers")
        ax.grid(linewidth=0.6)
    fig.legend(loc="lower center", ncols=4, bbox_to_anchor=(0.5, -0.08), fontsize=9)
    fig.tight_layout()


chart.show(
    chart.themed(draw, height_in=3.6),
    "Two charts: wall time and speedup against the number of workers, for "
    "I/O-bound work in threads, CPU-bound work in threads, and CPU-bound work "
    "in processes, with the ideal speedup as a dashed line.",
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
