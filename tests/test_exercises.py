"""The exercises' checks work: every exercise as given fails its check with the
intended message, every reference solution passes (many times under
`--stress`), and a plausible wrong answer fails for each exercise.

The checks of one kind run at once, in one test each: most of a check's time
is spent waiting (on sleeps, and on the hang timeout of the exercises that
hang), so running them side by side keeps this file's share of the suite
small.
"""

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from exercises.checking import (
    EXERCISES_DIR,
    HANG_TIMEOUT,
    LEVELS,
    Verdict,
    check_answer,
)
from exercises.checks import EXERCISES
from snippet_runner import ROOT

#: A test that checks every exercise at once: about 10 s on an idle machine,
#: several times that when every core is busy.
BATCH = pytest.mark.timeout(240)
#: The hang timeout for a run that must not hang: generous, for a busy
#: machine (a check's own 2 s is for a reader waiting at the command line).
PATIENT = 8.0

#: What the check says about each exercise as given: the summary of its message.
INTENDED = {
    "threads/missing_join.py": "printed the total before the downloads had finished",
    "lifecycle/watcher_never_stops.py": "did not finish: the watcher thread was "
    "still in its loop",
    "lifecycle/lost_exception.py": "let an exception escape a thread: thread "
    "Thread-3 (save) raised ValueError",
    "pools/errors_vanish.py": "lost the error of the missing file b.txt",
    "choosing/blocking_event_loop.py": "ran the downloads one after another",
    "races/unsafe_counter.py": "lost updates",
    "races/oversold_tickets.py": "sold more seats than there are",
    "locks/opposite_lock_order.py": "deadlocked: each transfer held one account's lock",
    "locks/forgotten_release.py": "did not finish: a thread returned with the lock "
    "still held",
    "events/start_before_ready.py": "used the configuration before it was loaded",
    "queues/consumer_hangs.py": "did not finish: the consumer was still blocked in "
    "get() after the producer had finished. Here is where the threads were waiting:\n"
    "  line 17, in save_orders(): order = orders.get()",
    "queues/several_producers.py": "lost orders",
    "synchronization/unlimited_downloads.py": "ran too many downloads at once",
    "synchronization/ragged_start.py": "let a runner go before every runner was ready",
    "futures/waits_for_all.py": "went on running checks after one had failed",
    "thread_safety/report_while_adding.py": "let an exception escape a thread: "
    "thread Thread-2 (run_reports) raised RuntimeError: dictionary changed size "
    "during iteration",
    "thread_state/shared_request.py": "sent a page to the wrong user",
    "asyncio/queue_from_thread.py": "did not finish: the coroutine was still "
    "waiting in get() for readings that the thread had put",
    "debugging/missing_task_done.py": "did not finish: the main thread was still "
    "waiting after the workers had handled every image. Here is where the threads "
    "were waiting:\n  line 16, in work(): name = images.get()",
    "fork/lock_held_at_fork.py": "forked while another thread held the lock",
    "free_threading/shared_generator.py": "raised ValueError: generator already "
    "executing, and nothing in the main thread saw it",
    "testing/thread_failure_passes.py": "let an exception escape a thread: "
    "thread Thread-4 (parse) raised ValueError: invalid literal for int() with "
    "base 10: '4x'",
}

#: Plausible wrong answers: (exercise, what the reader did, the file it starts
#: from, then pairs of text replaced and its replacement, and last what the
#: check must say).
WRONG = [
    (
        "threads/missing_join.py",
        "sleep() instead of join()",
        "solution",
        "    for t in threads:\n        t.join()  # wait until every download "
        "has stored its size\n",
        "    time.sleep(2)  # surely long enough for three 1 s downloads\n",
        "printed the total before the downloads had finished",
    ),
    (
        "lifecycle/watcher_never_stops.py",
        "a daemon flag instead of a stop request",
        "exercise",
        'args=("incoming/",))',
        'args=("incoming/",), daemon=True)',
        "ended without the watcher saying it had stopped",
    ),
    (
        "lifecycle/lost_exception.py",
        "the worker prints its error and the program exits 0",
        "exercise",
        '    value = int(record)  # "12x" raises ValueError\n',
        "    try:\n        value = int(record)\n    except ValueError as exc:\n"
        '        print(f"error: {exc}")\n        return\n',
        "exited with status 0 although the record '12x' could not be saved",
    ),
    (
        "pools/errors_vanish.py",
        "one try around the whole loop over map()",
        "exercise",
        '        pool.map(word_count, names)\n    print("every file counted")\n',
        "        try:\n"
        "            for name, n in zip(names, pool.map(word_count, names)):\n"
        '                print(f"{name}: {n} words")\n'
        "        except OSError as exc:\n"
        '            print(f"error: {type(exc).__name__}: {exc}")\n',
        "lost the results after the error",
    ),
    (
        "choosing/blocking_event_loop.py",
        "the blocking call moved into a coroutine of its own",
        "exercise",
        "    time.sleep(1)  # the network\n",
        "    await wait_for_network()\n",
        "async def download(",
        "async def wait_for_network() -> None:\n    time.sleep(1)\n\n\n"
        "async def download(",
        "ran the downloads one after another",
    ),
    (
        "races/unsafe_counter.py",
        "a lock around the read only",
        "solution",
        "        with counter.lock:  # the read and the write, as one step\n"
        "            counter.value += 1\n",
        "        with counter.lock:\n            count = counter.value\n"
        "        look_up_country()\n        counter.value = count + 1\n",
        "lost updates",
    ),
    (
        "races/unsafe_counter.py",
        "a sleep between the two threads' starts",
        "exercise",
        "    for t in workers:\n        t.start()\n",
        "    for t in workers:\n        t.start()\n"
        "        time.sleep(0.1)  # let the first thread get ahead\n",
        "lost updates",
    ),
    (
        "races/oversold_tickets.py",
        "a lock around the sale but not the check",
        "solution",
        "        with office.lock:  # the check and the sale, as one step\n"
        "            if office.left == 0:\n"
        "                return  # sold out\n"
        "            office.left -= 1  # the seat is reserved for this customer\n"
        "        time.sleep(0.01)  # take the payment, while the other desks sell\n"
        "        with office.lock:\n",
        "        if office.left > 0:\n"
        "            time.sleep(0.01)  # take the payment\n"
        "            with office.lock:\n"
        "                office.left -= 1\n",
        "sold more seats than there are",
    ),
    (
        "locks/opposite_lock_order.py",
        "an RLock instead of a Lock",
        "exercise",
        "self.lock = threading.Lock()",
        "self.lock = threading.RLock()",
        "deadlocked",
    ),
    (
        "locks/forgotten_release.py",
        "the balance checked before taking the lock",
        "solution",
        "    with account.lock:  # released however the block ends, return "
        "included\n        if amount > account.balance:\n"
        "            # One write per line: several threads may print at once.\n"
        '            print(f"refused {amount}\\n", end="")\n            return\n',
        "    if amount > account.balance:\n"
        '        print(f"refused {amount}\\n", end="")\n        return\n'
        "    time.sleep(0.1)  # ask the bank to pay out\n"
        "    with account.lock:\n",
        "    time.sleep(0.1)  # ask the bank to pay out\n    print(",
        "    print(",
        "got the balance wrong",
    ),
    (
        "events/start_before_ready.py",
        "a sleep in the workers instead of a wait",
        "exercise",
        "    # One write per line",
        "    time.sleep(2)  # the configuration is surely loaded by now\n"
        "    # One write per line",
        "used the configuration before it was loaded",
    ),
    (
        "queues/consumer_hangs.py",
        "a daemon consumer that nobody joins",
        "exercise",
        "args=(orders,))\n    producer.start()",
        "args=(orders,), daemon=True)\n    producer.start()",
        "    consumer.join()\n",
        "",
        "ended before the consumer had finished",
    ),
    (
        "queues/several_producers.py",
        "the sentinels sent without waiting for the producers",
        "solution",
        "    for t in producers:\n        t.join()  # every order is in the queue "
        "now\n",
        "",
        "lost orders",
    ),
    (
        "synchronization/unlimited_downloads.py",
        "a semaphore made by each thread",
        "solution",
        "    with slots:",
        "    with threading.BoundedSemaphore(MAX_AT_ONCE):",
        "ran too many downloads at once: it printed 'at most ",
    ),
    (
        "synchronization/ragged_start.py",
        "a sleep instead of a start line",
        "exercise",
        '    print(f"{name}: go\\n", end="")',
        "    time.sleep(3)  # every runner is surely ready by then\n"
        '    print(f"{name}: go\\n", end="")',
        "let a runner go before every runner was ready",
    ),
    (
        "testing/thread_failure_passes.py",
        "a try around join()",
        "exercise",
        "    for t in threads:\n        t.join()\n",
        "    for t in threads:\n        try:\n            t.join()\n"
        "        except ValueError:\n            raise\n",
        "let an exception escape a thread",
    ),
    (
        "futures/waits_for_all.py",
        "FIRST_EXCEPTION, but nothing cancelled",
        "solution",
        "        cancelled = sum(future.cancel() for future in not_done)  # if not "
        "started\n",
        "        cancelled = 0\n",
        "went on running checks after one had failed",
    ),
    (
        "thread_safety/report_while_adding.py",
        "a lock that only the report takes",
        "exercise",
        "def look_up(",
        "REPORT_LOCK = threading.Lock()\n\n\ndef look_up(",
        "        for user in sessions:\n            look_up(user)\n",
        "        with REPORT_LOCK:\n            for user in sessions:\n"
        "                look_up(user)\n",
        "let an exception escape a thread",
    ),
    (
        "thread_state/shared_request.py",
        "a lock around setting the user",
        "exercise",
        "current = Request()\n",
        "current = Request()\nlock = threading.Lock()\n",
        "    current.user = user\n",
        "    with lock:\n        current.user = user\n",
        "sent a page to the wrong user",
    ),
]
WRONG += [
    (
        "asyncio/queue_from_thread.py",
        "the loop's call_soon() instead of call_soon_threadsafe()",
        "exercise",
        "        readings.put_nowait(value)\n",
        "        loop.call_soon(readings.put_nowait, value)\n",
        "    readings.put_nowait(None)",
        "    loop.call_soon(readings.put_nowait, None)",
        "did not finish",
    ),
    (
        "debugging/missing_task_done.py",
        "the worker threads joined instead of the queue",
        "exercise",
        "    for _ in range(2):\n"
        "        threading.Thread(target=work, args=(images,), daemon=True).start()\n"
        "    images.join()  # until every image has been handled\n",
        "    workers = [threading.Thread(target=work, args=(images,)) for _ in "
        "range(2)]\n    for t in workers:\n        t.start()\n"
        "    for t in workers:\n        t.join()\n",
        "did not finish",
    ),
    (
        "fork/lock_held_at_fork.py",
        "the refresher asked to stop, but not waited for, before the fork",
        "exercise",
        "    time.sleep(0.5)  # the parent's own work\n",
        "    time.sleep(0.5)  # the parent's own work\n    stop.set()\n",
        "forked while another thread held the lock",
    ),
    (
        "free_threading/shared_generator.py",
        "a lock around the work, not around next()",
        "exercise",
        "        time.sleep(0.1)  # do the job\n        done.append(job)\n",
        "        with lock:\n            time.sleep(0.1)  # do the job\n"
        "            done.append(job)\n",
        "def main() -> None:\n",
        "lock = threading.Lock()\n\n\ndef main() -> None:\n",
        "let an exception escape a thread",
    ),
]
#: Wrong answers a reviewer found that earlier checks accepted.
WRONG += [
    (
        "lifecycle/lost_exception.py",
        "the thread prints its failure, before the main thread's summary",
        "exercise",
        '    value = int(record)  # "12x" raises ValueError\n',
        "    try:\n        value = int(record)\n    except ValueError as exc:\n"
        '        print(f"failed: {record!r}: ValueError: {exc}\\n", end="")\n'
        "        return\n",
        '    print(f"saved {len(saved)} of {len(records)} records")\n',
        '    print(f"saved {len(saved)} of {len(records)} records")\n'
        "    raise SystemExit(1)  # a record was bad\n",
        "reported the failure before the records were saved",
    ),
    (
        "queues/consumer_hangs.py",
        "a get() timeout shorter than the producer's pauses (timeouts are "
        "scaled like sleeps)",
        "exercise",
        "        order = orders.get()\n",
        "        try:\n            order = orders.get(timeout=0.3)  # the producer "
        "is done\n        except queue.Empty:\n            break\n",
        "stopped the consumer before the last order",
    ),
    (
        "queues/several_producers.py",
        "consumers that stop when get() times out",
        "solution",
        "    while (order := orders.get()) is not DONE:\n",
        "    while True:\n        try:\n            order = orders.get(timeout=0.3)\n"
        "        except queue.Empty:\n            return\n"
        "        if order is DONE:\n            return\n",
        "        orders.put(DONE)  # one sentinel per consumer, after the last order\n",
        "        pass\n",
        "lost orders",
    ),
    (
        "futures/waits_for_all.py",
        "cancels, but does not say how many",
        "solution",
        '    print(f"cancelled {cancelled} checks")\n',
        "",
        "no line 'cancelled ",
    ),
    (
        "futures/waits_for_all.py",
        "asks a cancelled future for its exception",
        "solution",
        "    for future in done:\n",
        "    for future in futures:\n",
        "exited with status 1: expected 0 (CancelledError)",
    ),
    (
        "thread_state/shared_request.py",
        "the shared user read at once, before the database query",
        "exercise",
        "def render_page() -> str:\n    time.sleep(0.1)  # query the database\n"
        '    return f"the page for {current.user}"\n',
        "def render_page() -> str:\n    user = current.user\n"
        "    time.sleep(0.1)  # query the database\n"
        '    return f"the page for {user}"\n',
        "sent a page to the wrong user",
    ),
    (
        "asyncio/queue_from_thread.py",
        "the thread calls put_nowait() itself, the coroutine polls",
        "exercise",
        "    while (value := await readings.get()) is not None:\n",
        "    while True:\n        try:\n            value = readings.get_nowait()\n"
        "        except asyncio.QueueEmpty:\n            await asyncio.sleep(0.01)\n"
        "            continue\n        if value is None:\n            break\n",
        "called the asyncio.Queue from outside the event loop",
    ),
    (
        "testing/thread_failure_passes.py",
        "the code under test re-raises its threads' errors itself",
        "exercise",
        '        prices.append(int(line))  # "4x" raises ValueError, in the thread\n',
        "        try:\n            prices.append(int(line))\n"
        "        except ValueError as exc:\n            errors.append(exc)\n\n"
        "    errors: list[ValueError] = []\n",
        "        t.join()\n    return prices\n",
        "        t.join()\n    if errors:\n        raise errors[0]\n"
        "    return prices\n",
        "changed the code under test: parse_prices()",
    ),
]
#: Wrong answers a second reviewer found that earlier checks accepted.
WRONG += [
    (
        "threads/missing_join.py",
        "each thread joined right after it is started",
        "exercise",
        "        threading.Thread(target=download, args=(url, sizes)).start()\n",
        "        t = threading.Thread(target=download, args=(url, sizes))\n"
        "        t.start()\n        t.join()\n",
        "ran the downloads one after another",
    ),
    (
        "threads/missing_join.py",
        "a sleep 10 times as long as a download",
        "exercise",
        '    print(f"downloaded',
        '    time.sleep(10)  # surely long enough\n    print(f"downloaded',
        "printed the total before the downloads had finished",
    ),
    (
        "choosing/blocking_event_loop.py",
        "await asyncio.sleep(0) before the blocking call",
        "exercise",
        "    time.sleep(1)  # the network\n",
        "    await asyncio.sleep(0)  # let the others start\n"
        "    time.sleep(1)  # the network\n",
        "blocked the event loop: thread MainThread called time.sleep()",
    ),
    (
        "races/unsafe_counter.py",
        "the read and the write as one += line, without a lock",
        "exercise",
        "        count = counter.value\n        look_up_country()\n"
        "        counter.value = count + 1\n",
        "        look_up_country()\n        counter.value += 1\n",
        "lost updates",
    ),
    (
        "races/oversold_tickets.py",
        "the payment taken before the check, no lock",
        "exercise",
        "        if office.left > 0:\n"
        "            time.sleep(0.01)  # take the customer's payment\n",
        "        time.sleep(0.01)  # take the customer's payment\n"
        "        if office.left > 0:\n",
        "sold more seats than there are",
    ),
    (
        "events/start_before_ready.py",
        "the event set before the configuration is written",
        "solution",
        '    config["server"] = "db.example.com"\n'
        "    loaded.set()  # releases every waiting worker at once\n",
        '    loaded.set()\n    config["server"] = "db.example.com"\n',
        "used the configuration before it was loaded",
    ),
    (
        "fork/lock_held_at_fork.py",
        "a new lock made in the child",
        "exercise",
        "    if pid == 0:  # in the child\n",
        "    if pid == 0:  # in the child\n        global cache_lock\n"
        "        cache_lock = threading.Lock()  # the old one may be held\n",
        "let the child read the cache in the middle of a refresh",
    ),
    (
        "fork/lock_held_at_fork.py",
        "a plain acquire() in the child",
        "exercise",
        "    if not cache_lock.acquire(timeout=0.5):\n",
        "    if not cache_lock.acquire():\n",
        "did not finish: the child waited forever for the cache lock",
    ),
]
WRONG += [
    (
        "pools/errors_vanish.py",
        "the lines printed in reverse order",
        "solution",
        "    for name, future in futures.items():\n",
        "    for name, future in reversed(futures.items()):\n",
        "printed the files out of order",
    ),
]
WRONG.sort(key=lambda w: list(EXERCISES).index(w[0]))

#: Correct answers other than the solutions, in the same form; the check must
#: pass them.
CORRECT = [
    (
        "lifecycle/lost_exception.py",
        "an excepthook of its own that chains to the previous one",
        "exercise",
        "import threading\n",
        "import sys\nimport threading\n",
        "    for t in threads:\n        t.start()\n",
        "    failures: list[str] = []\n    previous = threading.excepthook\n\n"
        "    def hook(args: threading.ExceptHookArgs) -> None:\n"
        '        failures.append(f"{args.exc_type.__name__}: {args.exc_value}")\n'
        "        previous(args)  # still log the traceback\n\n"
        "    threading.excepthook = hook\n"
        "    for t in threads:\n        t.start()\n",
        '    print(f"saved {len(saved)} of {len(records)} records")\n',
        '    print(f"saved {len(saved)} of {len(records)} records")\n'
        "    for f in failures:\n"
        "        print(f\"failed: '12x': {f}\")\n"
        "    if failures:\n        sys.exit(1)\n",
        "passed",
    ),
    (
        "testing/thread_failure_passes.py",
        "the test's hook chains to the previous one",
        "solution",
        '        escaped.append(f"{args.exc_type.__name__}: {args.exc_value}")\n',
        '        escaped.append(f"{args.exc_type.__name__}: {args.exc_value}")\n'
        "        previous(args)  # and log it as usual\n",
        "passed",
    ),
    (
        "asyncio/queue_from_thread.py",
        "run_coroutine_threadsafe(readings.put(...)) from the thread",
        "solution",
        "        loop.call_soon_threadsafe(readings.put_nowait, value)\n",
        "        asyncio.run_coroutine_threadsafe(readings.put(value), loop)"
        ".result()\n",
        "    loop.call_soon_threadsafe(readings.put_nowait, None)"
        "  # no more readings\n",
        "    asyncio.run_coroutine_threadsafe(readings.put(None), loop).result()\n",
        "passed",
    ),
]

CORRECT += [
    (
        "threads/missing_join.py",
        "the threads started together, then polled until none is alive",
        "exercise",
        "    for url in PAGES:\n"
        "        threading.Thread(target=download, args=(url, sizes)).start()\n",
        "    threads = [threading.Thread(target=download, args=(url, sizes)) "
        "for url in PAGES]\n    for t in threads:\n        t.start()\n"
        "    while any(t.is_alive() for t in threads):\n        time.sleep(0.05)\n",
        "passed",
    ),
    (
        "choosing/blocking_event_loop.py",
        "the blocking call sent to a worker thread",
        "exercise",
        "    time.sleep(1)  # the network\n",
        "    await asyncio.to_thread(time.sleep, 1)  # the network\n",
        "passed",
    ),
]


def all_at_once(jobs, hang=()):
    """Run the callables side by side; return their results, in order.

    The jobs whose index is in `hang` are checks of a program that hangs: they
    mostly wait for the hang timeout, so they all run at once, beside the
    others, which run two at a time (4 processes each).
    """
    with ThreadPoolExecutor(len(hang) or 1) as waiting, ThreadPoolExecutor(2) as busy:
        futures = [
            (waiting if n in hang else busy).submit(job) for n, job in enumerate(jobs)
        ]
        return [f.result() for f in futures]


def hangs(message: str) -> bool:
    return "did not finish" in message or "deadlocked" in message


def cli(*args: str, hang_timeout: float = HANG_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "exercises", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "EXERCISES_HANG_TIMEOUT": str(hang_timeout)},
    )


def test_every_exercise_is_registered_and_described():
    on_disk = {
        p.relative_to(EXERCISES_DIR).as_posix() for p in EXERCISES_DIR.glob("*/*.py")
    }
    assert on_disk == set(EXERCISES) == set(INTENDED)
    for exercise in EXERCISES.values():
        assert exercise.solution.is_file(), f"{exercise.name}: no solution"
        assert exercise.level in LEVELS
    assert {w[0] for w in WRONG} == set(EXERCISES), "a wrong answer for each"


@BATCH
def test_every_exercise_as_given_fails_its_check_with_the_intended_message():
    """What `python -m exercises check <name>` says of each exercise as given
    (the command itself is tested below, on one of them)."""
    names = list(EXERCISES)
    hang = {i for i, n in enumerate(names) if hangs(INTENDED[n])}
    verdicts: list[Verdict] = all_at_once(
        [
            lambda i=i, n=n: check_answer(
                EXERCISES[n], None, None, HANG_TIMEOUT if i in hang else PATIENT
            )
            for i, n in enumerate(names)
        ],
        hang=hang,
    )
    problems = [
        f"{name}: {verdict.message}"
        for name, verdict in zip(names, verdicts, strict=True)
        if verdict.passed or INTENDED[name] not in verdict.message
    ]
    assert not problems, "\n\n".join(problems)


def test_the_check_command_fails_an_exercise_as_given_with_its_message():
    """The command each page shows, run as a reader runs it."""
    name = "races/unsafe_counter.py"
    proc = cli("check", name, hang_timeout=PATIENT)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.startswith(f"{name}: ")
    assert INTENDED[name] in proc.stdout


@BATCH
def test_every_reference_solution_passes(request):
    if request.config.getoption("--stress"):
        pytest.skip("stress mode checks each solution in a test of its own")
    names = list(EXERCISES)
    verdicts = all_at_once(
        [
            lambda n=n: check_answer(EXERCISES[n], EXERCISES[n].solution, None, PATIENT)
            for n in names
        ]
    )
    failed = [v.message for v in verdicts if not v.passed]
    assert not failed, "\n\n".join(failed)


@pytest.mark.parametrize("name", list(EXERCISES))
def test_reference_solution_under_stress(name, request):
    runs = request.config.getoption("--stress")
    if not runs:
        pytest.skip("stress mode is off: run pytest with --stress or --stress=N")
    exercise = EXERCISES[name]
    verdict = check_answer(exercise, exercise.solution, runs, PATIENT)
    assert verdict.passed, verdict.message


def wrong_answer(tmp_path: Path, n: int, wrong: tuple) -> Path:
    name, _, start, *edits, _ = wrong
    exercise = EXERCISES[name]
    source = (exercise.path if start == "exercise" else exercise.solution).read_text()
    for old, new in zip(edits[::2], edits[1::2], strict=True):
        assert source.count(old) == 1, (
            f"{name}: wrong answer no longer applies: {old!r}"
        )
        source = source.replace(old, new)
    answer = tmp_path / f"wrong_{n}.py"
    answer.write_text(source)
    return answer


#: The wrong answers are checked in this many tests, so that the test
#: workers share them.
WRONG_PARTS = 3


@BATCH
@pytest.mark.parametrize("part", range(WRONG_PARTS))
def test_plausible_wrong_answers_fail(tmp_path, part):
    wrong = WRONG[part::WRONG_PARTS]
    answers = [wrong_answer(tmp_path, n, w) for n, w in enumerate(wrong)]
    verdicts: list[Verdict] = all_at_once(
        [
            lambda w=w, a=a: check_answer(
                EXERCISES[w[0]], a, None, HANG_TIMEOUT if hangs(w[-1]) else PATIENT
            )
            for w, a in zip(wrong, answers, strict=True)
        ],
        hang={i for i, w in enumerate(wrong) if hangs(w[-1])},
    )
    problems = [
        f"{w[0]} ({w[1]}): {v.message}"
        for w, v in zip(wrong, verdicts, strict=True)
        if v.passed or w[-1] not in v.message
    ]
    assert not problems, "\n\n".join(problems)


@BATCH
def test_other_correct_answers_pass(tmp_path):
    answers = [wrong_answer(tmp_path, n, c) for n, c in enumerate(CORRECT)]
    verdicts: list[Verdict] = all_at_once(
        [
            lambda c=c, a=a: check_answer(EXERCISES[c[0]], a, None, PATIENT)
            for c, a in zip(CORRECT, answers, strict=True)
        ]
    )
    failed = [
        f"{c[0]} ({c[1]}): {v.message}"
        for c, v in zip(CORRECT, verdicts, strict=True)
        if not v.passed
    ]
    assert not failed, "\n\n".join(failed)


def test_no_page_states_how_many_runs_a_check_makes():
    """The count is DEFAULT_RUNS, and may change: the pages say "several"."""
    pattern = re.compile(r"runs your program (?:\d+|one|two|three|four|five|six) times")
    stated = [
        p.name for p in (ROOT / "docs").glob("*.md") if pattern.search(p.read_text())
    ]
    assert not stated, f"pages that state the count: {stated}"


def test_the_command_lists_the_exercises_and_rejects_an_unknown_one():
    listing = cli("list")
    assert listing.returncode == 0
    assert "races/unsafe_counter.py" in listing.stdout
    unknown = cli("check", "races/no_such_exercise.py")
    assert unknown.returncode == 2
    assert "no exercise named races/no_such_exercise.py" in unknown.stdout
