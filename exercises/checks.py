"""Each exercise's behaviour check, in the order of the pages.

A check (a "judge") gets one run of the answer (its output and exit status;
a hang and an exception escaping a thread are caught before it is called, see
checking.py) and returns None if that run behaved, or a Problem: a summary
shared by the runs that went wrong the same way ("lost updates"), and what
this run did ("the counter ended at 213, not 400").
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

from exercises.checking import EXERCISES_DIR, Exercise, Judge, Outcome, Problem

EXERCISES: dict[str, Exercise] = {}


def exercise(
    name: str,
    level: str,
    *,
    on_hang: str = "did not finish",
    switch_before_stores: bool = False,
) -> Callable[[Judge], Judge]:
    """Register the decorated judge as the check of exercises/<name>."""

    def register(judge: Judge) -> Judge:
        EXERCISES[name] = Exercise(
            name,
            level,
            judge,
            on_hang=on_hang,
            switch_before_stores=switch_before_stores,
        )
        return judge

    return register


def value(outcome: Outcome, label: str) -> int | None:
    """The number printed after `label` ("got:"), or None."""
    m = re.search(rf"^{re.escape(label)}\s*(-?\d+)\s*$", outcome.stdout, re.MULTILINE)
    return int(m.group(1)) if m else None


def exit_problem(outcome: Outcome, expected: int = 0) -> Problem | None:
    if outcome.returncode == expected:
        return None
    error = f" ({outcome.error})" if outcome.error else ""
    return Problem(
        f"exited with status {outcome.returncode}",
        f"expected {expected}{error}",
    )


def missing(outcome: Outcome, *lines: str) -> Problem | None:
    """A problem if one of `lines` was not printed (as a whole line)."""
    for line in lines:
        if line not in outcome.lines:
            printed = "\n".join(f"    {x}" for x in outcome.lines[-6:]) or "    nothing"
            return Problem(
                "did not print what a correct program prints",
                f"no line '{line}'; the last lines printed were:\n{printed}",
            )
    return None


def most_unjoined(outcome: Outcome) -> int | None:
    """The most threads that the answer had started and not yet joined at one
    time, as driver.py reports it at the end of the run."""
    m = re.search(
        r"^exercise driver: at most (\d+) threads started and not yet joined$",
        outcome.run.stderr,
        re.MULTILINE,
    )
    return int(m.group(1)) if m else None


# --- threads.md --------------------------------------------------------------


@exercise("threads/missing_join.py", "easy")
def missing_join(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    total = "downloaded 3 pages, 6400 bytes"
    if run.lines and run.lines[-1].startswith("downloaded") and total not in run.lines:
        return Problem(
            "printed the total before the downloads had finished",
            f"it printed '{run.lines[-1]}' instead of '{total}'",
        )
    if problem := missing(run, total):
        return problem
    if (unjoined := most_unjoined(run)) is not None and unjoined < 3:
        return Problem(
            "ran the downloads one after another",
            f"it joined each thread before starting the next (at most {unjoined} "
            "started and not yet joined): start every thread first, then join "
            "them all, so that the downloads overlap",
        )
    return None


# --- lifecycle.md ------------------------------------------------------------


@exercise(
    "lifecycle/watcher_never_stops.py",
    "medium",
    on_hang="did not finish: the watcher thread was still in its loop after "
    "main() had returned",
)
def watcher_never_stops(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    stopped = [n for n, x in enumerate(run.lines) if x.startswith("watcher: stopped")]
    if not stopped:
        return Problem(
            "ended without the watcher saying it had stopped",
            "the program exited, but the watcher never printed 'watcher: stopped "
            "after N checks' (a daemon thread is killed at exit, not stopped)",
        )
    asked = missing(run, "main: work done, stopping the watcher")
    done = missing(run, "main: the watcher has stopped")
    if asked or done:
        return asked or done
    order = [
        run.lines.index("main: work done, stopping the watcher"),
        stopped[0],
        run.lines.index("main: the watcher has stopped"),
    ]
    if order != sorted(order):
        return Problem(
            "printed the lines in the wrong order",
            "the main thread must ask the watcher to stop, then wait for it to "
            "stop, then say so:\n" + "\n".join(f"    {x}" for x in run.lines),
        )
    return None


@exercise("lifecycle/lost_exception.py", "medium")
def lost_exception(run: Outcome) -> Problem | None:
    failed = [x for x in run.lines if x.startswith("failed:")]
    if run.returncode == 0:
        return Problem(
            "exited with status 0 although the record '12x' could not be saved",
            "the main thread must learn of the failure, report it and exit with "
            "status 1",
        )
    if problem := exit_problem(run, 1):
        return problem
    if not any("12x" in x and "ValueError" in x for x in failed):
        return Problem(
            "did not report the failed record",
            "expected a line like \"failed: '12x': ValueError: ...\"",
        )
    if problem := missing(run, "saved 3 of 4 records"):
        return problem
    if run.lines.index("saved 3 of 4 records") > run.lines.index(failed[0]):
        return Problem(
            "reported the failure before the records were saved",
            "the main thread must wait for the threads, print 'saved 3 of 4 "
            "records', then report what failed:\n"
            + "\n".join(f"    {x}" for x in run.lines),
        )
    return None


# --- pools.md ----------------------------------------------------------------


@exercise("pools/errors_vanish.py", "easy")
def errors_vanish(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    error = [x for x in run.lines if "b.txt" in x and "FileNotFoundError" in x]
    counts = ["a.txt: 4 words", "c.txt: 2 words", "d.txt: 3 words"]
    if not error:
        return Problem(
            "lost the error of the missing file b.txt",
            "no line names b.txt and its FileNotFoundError",
        )
    if lost := [x.split(":")[0] for x in counts if x not in run.lines]:
        return Problem(
            "lost the results after the error",
            f"no word count for {', '.join(lost)}",
        )
    lines = [counts[0], error[0], *counts[1:]]  # a, b, c, d: the order of names
    if [run.lines.index(x) for x in lines] != sorted(run.lines.index(x) for x in lines):
        printed = [x for x in run.lines if x in lines]
        return Problem(
            "printed the files out of order",
            "the lines must follow the order of names (a.txt, b.txt, c.txt, "
            "d.txt):\n" + "\n".join(f"    {x}" for x in printed),
        )
    return None


# --- choosing.md -------------------------------------------------------------


@exercise("choosing/blocking_event_loop.py", "easy")
def blocking_event_loop(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    starts = [n for n, x in enumerate(run.lines) if x.endswith(": start")]
    dones = [n for n, x in enumerate(run.lines) if x.endswith(": done")]
    if len(starts) != 3 or len(dones) != 3:
        return missing(run, "a: start", "b: start", "c: start", "a: done")
    if max(starts) > min(dones):
        return Problem(
            "ran the downloads one after another",
            "a download finished before the others had started, so their waits "
            "did not overlap:\n" + "\n".join(f"    {x}" for x in run.lines),
        )
    blocked = re.search(
        r"^exercise driver: thread (.+) called time.sleep\(\) while running an "
        "event loop$",
        run.run.stderr,
        re.MULTILINE,
    )
    if blocked:
        return Problem(
            "blocked the event loop",
            f"thread {blocked.group(1)} called time.sleep() inside its running "
            "event loop, which then runs nothing else until the sleep ends",
        )
    return None


# --- races.md ----------------------------------------------------------------


@exercise("races/unsafe_counter.py", "easy", switch_before_stores=True)
def unsafe_counter(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    expected, got = value(run, "expected:"), value(run, "got:")
    if expected is None or got is None:
        return missing(run, "expected: 400", "got:      400")
    if got != expected:
        return Problem("lost updates", f"the counter ended at {got}, not {expected}")
    return None


@exercise("races/oversold_tickets.py", "medium", switch_before_stores=True)
def oversold_tickets(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    seats, sold, left = (value(run, f"{x}:") for x in ("seats", "sold", "left"))
    if seats is None or sold is None or left is None:
        return missing(run, "seats: 10", "sold:  10", "left:  0")
    if sold > seats:
        return Problem(
            "sold more seats than there are",
            f"{sold} tickets for {seats} seats, and {left} left",
        )
    if sold < seats or left != 0:
        return Problem(
            "did not sell every seat", f"sold {sold} of {seats}, with {left} left"
        )
    return None


# --- locks.md ----------------------------------------------------------------


@exercise(
    "locks/opposite_lock_order.py",
    "medium",
    on_hang="deadlocked: each transfer held one account's lock and waited for "
    "the other's",
)
def opposite_lock_order(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    alice, bob = value(run, "alice:"), value(run, "bob:")
    if (alice, bob) != (130, 70):
        return Problem(
            "ended with the wrong balances",
            f"alice {alice} and bob {bob}, instead of 130 and 70",
        )
    return None


@exercise(
    "locks/forgotten_release.py",
    "easy",
    on_hang="did not finish: a thread returned with the lock still held, and "
    "the others waited for it forever",
)
def forgotten_release(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    balance = value(run, "balance:")
    withdrawn = [int(x.split()[1]) for x in run.lines if x.startswith("withdrew ")]
    refused = [int(x.split()[1]) for x in run.lines if x.startswith("refused ")]
    if balance is None:
        return missing(run, "balance: 10")
    if balance < 0 or balance != 100 - sum(withdrawn):
        return Problem(
            "got the balance wrong",
            f"withdrew {withdrawn} from 100 and ended with a balance of {balance}",
        )
    if sorted(withdrawn + refused) != [30, 40, 60, 500] or any(
        amount <= balance for amount in refused
    ):
        return Problem(
            "answered the withdrawals wrongly",
            f"withdrew {withdrawn}, refused {refused}, balance {balance}",
        )
    return None


# --- events.md ---------------------------------------------------------------


@exercise("events/start_before_ready.py", "easy")
def start_before_ready(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    early = [x for x in run.lines if x.endswith("connecting to None")]
    if early:
        return Problem(
            "used the configuration before it was loaded",
            f"a worker printed '{early[0]}'",
        )
    expected = {f"worker {n}: connecting to db.example.com" for n in (1, 2, 3)}
    return missing(run, *sorted(expected))


# --- queues.md ---------------------------------------------------------------


@exercise(
    "queues/consumer_hangs.py",
    "medium",
    on_hang="did not finish: the consumer was still blocked in get() after the "
    "producer had finished",
)
def consumer_hangs(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    early = [
        x for x in run.lines if re.fullmatch(r"consumer: saved \d+ orders in all", x)
    ]
    if early and early[0] != "consumer: saved 5 orders in all":
        return Problem(
            "stopped the consumer before the last order",
            f"it printed '{early[0]}': a consumer that stops when nothing "
            "arrives for a while stops whenever the producer is slow",
        )
    if "consumer: saved 5 orders in all" not in run.lines:
        return Problem(
            "ended before the consumer had finished",
            "the consumer never printed 'consumer: saved 5 orders in all' (a "
            "daemon thread is killed at exit, in the middle of its work)",
        )
    saved = [x for x in run.lines if x.startswith("consumer: saved order")]
    if len(saved) != 5:
        return Problem("did not save every order", f"it saved {len(saved)} of 5")
    if run.lines[-1] != "main: every order is saved":
        return missing(run, "main: every order is saved")
    return None


@exercise("queues/several_producers.py", "hard")
def several_producers(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    m = re.search(r"^saved (\d+) orders, (\d+) different$", run.stdout, re.MULTILINE)
    left = value(run, "left in the queue:")
    if not m or left is None:
        return missing(run, "saved 15 orders, 15 different", "left in the queue: 0")
    saved, different = int(m.group(1)), int(m.group(2))
    if different < 15:
        return Problem(
            "lost orders",
            f"saved {different} different orders of 15, and {left} item(s) "
            "(orders or sentinels) were left in the queue",
        )
    if saved != 15:
        return Problem("saved some orders twice", f"{saved} saves for 15 orders")
    if left:
        return Problem(
            "left items in the queue", f"{left} item(s) were still in the queue"
        )
    return None


# --- synchronization.md ------------------------------------------------------


@exercise("synchronization/unlimited_downloads.py", "easy")
def unlimited_downloads(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    m = re.search(r"^at most (\d+) downloads ran at once$", run.stdout, re.MULTILINE)
    if not m:
        return missing(run, "at most 2 downloads ran at once")
    most = int(m.group(1))
    if most > 2:
        return Problem(
            "ran too many downloads at once",
            f"it printed 'at most {most} downloads ran at once', and the server "
            "allows 2 (if your downloads wait for a free slot, count one as "
            "running only once it has its slot)",
        )
    if most < 2:
        return Problem(
            "ran the downloads one at a time",
            "the server allows 2 at once, and 2 should run together",
        )
    done = sum(x.endswith(": done") for x in run.lines)
    return None if done == 6 else Problem("lost downloads", f"{done} of 6 finished")


@exercise("synchronization/ragged_start.py", "medium")
def ragged_start(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    ready = [n for n, x in enumerate(run.lines) if x.endswith(": ready")]
    go = [n for n, x in enumerate(run.lines) if x.endswith(": go")]
    if len(ready) != 3 or len(go) != 3:
        return missing(run, "ada: ready", "bo: ready", "cy: ready", "ada: go")
    if max(ready) > min(go):
        return Problem(
            "let a runner go before every runner was ready",
            f"'{run.lines[min(go)]}' came before '{run.lines[max(ready)]}'",
        )
    return None


# --- testing.md --------------------------------------------------------------


def functions(path: Path, *names: str) -> dict[str, str]:
    """The code of the named top-level functions, comments and layout aside."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except SyntaxError:
        return {}
    return {
        node.name: ast.dump(node)
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name in names
    }


@exercise("testing/thread_failure_passes.py", "medium")
def thread_failure_passes(run: Outcome) -> Problem | None:
    under_test = ("parse_prices", "test_good_prices", "test_bad_price")
    given = functions(EXERCISES_DIR / "testing/thread_failure_passes.py", *under_test)
    answered = functions(run.answer, *under_test)
    if changed := [name for name in under_test if given[name] != answered.get(name)]:
        return Problem(
            "changed the code under test",
            f"{changed[0]}() is not as given; only run_test() may change, so "
            "that the runner catches any test's threads, as they are",
        )
    bad = [x for x in run.lines if x.startswith("FAIL test_bad_price")]
    if not bad or "ValueError" not in bad[0]:
        return Problem(
            "did not fail test_bad_price",
            "the ValueError raised in its thread must make it FAIL",
        )
    if problem := exit_problem(run, 1):
        return problem
    return missing(run, "PASS test_good_prices", "1 of 2 passed")


# --- pages added later, in page order within their sections ------------------


@exercise("futures/waits_for_all.py", "medium")
def waits_for_all(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    healthy = [x for x in run.lines if x.endswith(": healthy")]
    if "failed: server 0 is down" not in run.lines:
        return missing(run, "failed: server 0 is down")
    if len(healthy) == 5:
        return Problem(
            "went on running checks after one had failed",
            "all 5 other checks ran to the end; the ones not started yet when "
            "server 0 failed should have been cancelled",
        )
    cancelled = re.search(r"^cancelled (\d+) checks$", run.stdout, re.MULTILINE)
    if not cancelled:
        return missing(run, f"cancelled {5 - len(healthy)} checks")
    # How many checks had started when server 0 failed depends on timing
    # (usually 1 or 2; more when the main thread is slow to wake up on a busy
    # machine), so only the sum is checked.
    if int(cancelled.group(1)) + len(healthy) != 5:
        return Problem(
            "miscounted the cancelled checks",
            f"it printed '{cancelled.group(0)}', and {len(healthy)} checks ran to "
            "the end: of the 5 checks after server 0's, the ones already running "
            "when it failed finish, and the others are cancelled",
        )
    return None


@exercise("thread_safety/report_while_adding.py", "medium")
def report_while_adding(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    return missing(run, "5 sessions: ada, bo, cy, di, ed")


@exercise("thread_state/shared_request.py", "medium")
def shared_request(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    pages = [re.fullmatch(r"(\w+): got the page for (\w*)", x) for x in run.lines]
    wrong = [m.group(0) for m in pages if m and m.group(1) != m.group(2)]
    if wrong:
        return Problem(
            "sent a page to the wrong user", f"one thread printed '{wrong[0]}'"
        )
    return missing(run, *(f"{u}: got the page for {u}" for u in ("ada", "bo", "cy")))


@exercise(
    "debugging/missing_task_done.py",
    "medium",
    on_hang="did not finish: the main thread was still waiting after the "
    "workers had handled every image",
)
def missing_task_done(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    handled = [
        "resized a.png",
        "resized b.png",
        "resized c.png",
        "skipped: notes.txt is not an image",
    ]
    if lost := [x for x in handled if x not in run.lines]:
        return Problem("ended before every image was handled", f"no line '{lost[0]}'")
    if run.lines[-1] != "main: every image was handled":
        return missing(run, "main: every image was handled")
    return None


@exercise(
    "fork/lock_held_at_fork.py",
    "easy",
    on_hang="did not finish: the child waited forever for the cache lock, held "
    "at the fork by the refresher thread, which does not exist in the child",
)
def lock_held_at_fork(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    if "parent: the child exited with status 0" not in run.lines:
        child = [x for x in run.lines if x.startswith("child:")]
        return Problem(
            "forked while another thread held the lock",
            f"the child could not take the cache lock ('{child[0] if child else ''}')",
        )
    read = [
        m
        for x in run.lines
        if (m := re.fullmatch(r"child: greeting is (\w+), in (\w+)", x))
    ]
    if not read:
        return missing(run, "child: greeting is hello, in English")
    if read[0].groups() not in {("hello", "English"), ("bonjour", "French")}:
        return Problem(
            "let the child read the cache in the middle of a refresh",
            f"it printed '{read[0].group(0)}': the fork happened while the "
            "refresher had written the greeting but not yet its language",
        )
    return None


@exercise("free_threading/shared_generator.py", "medium")
def shared_generator(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    return missing(run, "done 12 jobs, 12 different")


@exercise(
    "asyncio/queue_from_thread.py",
    "hard",
    on_hang="did not finish: the coroutine was still waiting in get() for "
    "readings that the thread had put",
)
def queue_from_thread(run: Outcome) -> Problem | None:
    if problem := exit_problem(run):
        return problem
    expected = [f"event loop: reading {n}" for n in (10, 20, 30)]
    if run.lines != expected:
        return missing(run, *expected)
    outside = re.search(
        r"exercise driver: thread (.+) called asyncio.Queue.put_nowait\(\) outside",
        run.run.stderr,
    )
    if outside:
        return Problem(
            "called the asyncio.Queue from outside the event loop",
            f"thread {outside.group(1)} called put_nowait() itself; an "
            "asyncio.Queue is not thread-safe, and the readings arrived by luck",
        )
    return None
