"""How an answer is checked: run it several times, under the runner's guards,
and turn what went wrong into one or two plain sentences.

Each run goes through `snippet_runner.run_snippet()`, like every example of the
site: a hang is stopped and every thread's stack dumped, an exception in any
thread counts, sleeps are scaled by 0.01. On top of that, every run has a
1 us switch interval (`SNIPPET_SWITCH_INTERVAL`, as in stress mode), and
`driver.py` runs the answer with uneven sleeps: in each run, some threads'
sleeps last 8 times longer and others' 8 times shorter, so that a sleep cannot
pass for coordination (`join()`, an `Event`, a queue...); the timeouts that the
answer passes to blocking calls are scaled in the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from snippet_runner import ROOT, THREAD_EXCEPTION_EXIT, Run, run_snippet

EXERCISES_DIR = Path(__file__).resolve().parent
DRIVER = EXERCISES_DIR / "driver.py"
#: Seconds before a run counts as hung: short, so that a check takes < 3 s.
#: The programs need well under 0.5 s (their sleeps are scaled by 0.01). The
#: tests give a program that must not hang longer, for a busy machine.
HANG_TIMEOUT = float(os.environ.get("EXERCISES_HANG_TIMEOUT", "2"))
#: Runs per check, one per sleep pattern of driver.py; stress mode
#: (tests/test_exercises.py --stress) runs more, going round the patterns.
DEFAULT_RUNS = 4
LEVELS = ("easy", "medium", "hard")


class Problem(NamedTuple):
    """What went wrong in one run: "lost updates" (the summary, shared by the
    runs that went wrong the same way) and a detail from this run."""

    summary: str
    detail: str


#: A behaviour check: what went wrong in one run, or None if it behaved.
Judge = Callable[["Outcome"], Problem | None]


@dataclass(frozen=True)
class Exercise:
    name: str  # "races/unsafe_counter.py", relative to exercises/
    level: str
    judge: Judge
    #: What a hang means in this exercise, completing "N of M runs ...".
    on_hang: str = "did not finish"
    runs: int = DEFAULT_RUNS
    #: Offer a thread switch before each store of the answer's own code (see
    #: driver.py): for a race that needs a switch inside one line of code.
    switch_before_stores: bool = False

    @property
    def path(self) -> Path:
        return EXERCISES_DIR / self.name

    @property
    def solution(self) -> Path:
        return self.path.parent / "solutions" / self.path.name


@dataclass(frozen=True)
class Outcome:
    """One run of an answer, as a judge sees it."""

    run: Run
    answer: Path

    @property
    def stdout(self) -> str:
        return self.run.stdout

    @property
    def lines(self) -> list[str]:
        return self.run.stdout.splitlines()

    @property
    def returncode(self) -> int:
        return self.run.returncode

    @property
    def hung(self) -> bool:
        return "Timeout (" in self.run.stderr and "Thread 0x" in self.run.stderr

    @property
    def error(self) -> str:
        """The last line of the traceback on stderr, e.g. 'ValueError: bad'."""
        lines = [
            line
            for line in self.run.stderr.splitlines()
            if line.strip()
            and not line.startswith(("snippet runner:", "exercise driver:"))
        ]
        if not lines:
            return ""
        # "concurrent.futures._base.CancelledError" -> "CancelledError": the
        # name the reader imports, not the private module that defines it.
        return re.sub(r"^(?:\w+\.)+(?=\w+(?::|$))", "", lines[-1].strip())


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str


def run_answer(
    exercise: Exercise,
    answer: Path,
    runs: int | None = None,
    hang_timeout: float = HANG_TIMEOUT,
) -> list[Outcome]:
    """Run `answer` `runs` times at once, each with its own sleep pattern."""
    runs = runs or exercise.runs

    def one(n: int) -> Outcome:
        env = {
            "SNIPPET_SWITCH_INTERVAL": "1e-6",
            "EXERCISE_ANSWER": str(answer),
            "EXERCISE_SLEEP_PATTERN": str(n),
            "EXERCISE_SWITCH_BEFORE_STORES": str(int(exercise.switch_before_stores)),
        }
        run = run_snippet(
            DRIVER,
            timeout=hang_timeout,
            allow_thread_exceptions=False,
            check=False,
            env=env,
        )
        return Outcome(run, answer)

    with ThreadPoolExecutor(max_workers=min(runs, DEFAULT_RUNS)) as pool:
        return list(pool.map(one, range(runs)))


def problem_in(exercise: Exercise, outcome: Outcome) -> Problem | None:
    """What went wrong in one run: a hang, an exception that escaped a thread,
    or what the exercise's own judge finds."""
    if outcome.hung:
        return Problem(exercise.on_hang, where_it_waited(outcome))
    if outcome.returncode == THREAD_EXCEPTION_EXIT and "snippet runner:" in (
        outcome.run.stderr
    ):
        return Problem(
            "let an exception escape a thread",
            f"{escaped_exception(outcome.run.stderr)}, and nothing in the main "
            "thread saw it",
        )
    return exercise.judge(outcome)


def check_answer(
    exercise: Exercise,
    answer: Path | None = None,
    runs: int | None = None,
    hang_timeout: float = HANG_TIMEOUT,
) -> Verdict:
    """Check `answer` (by default the exercise's own file). The tests give
    answers that must not hang a longer `hang_timeout`, for a busy machine."""
    answer = (answer or exercise.path).resolve()
    if not answer.is_file():
        return Verdict(False, f"{answer}: no such file")
    outcomes = run_answer(exercise, answer, runs, hang_timeout)
    problems = [p for p in (problem_in(exercise, o) for o in outcomes) if p]
    if not problems:
        return Verdict(
            True,
            f"{exercise.name}: passed. All {len(outcomes)} runs behaved correctly "
            "(with a 1 us switch interval and uneven sleeps).",
        )
    first = problems[0]
    same = sum(p.summary == first.summary for p in problems)
    # A detail that is a sentence of its own ("Here is where...") follows a
    # full stop; a detail of the summary ("the counter ended at...") a colon.
    sep = "." if first.detail[:1].isupper() else ":"
    return Verdict(
        False,
        f"{exercise.name}: {same} of {len(outcomes)} runs {first.summary}{sep} "
        f"{first.detail}",
    )


# --- reading a faulthandler dump ---------------------------------------------

FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<func>\S+)')


def where_it_waited(outcome: Outcome) -> str:
    """The lines of the answer that each thread was stuck on, from the dump."""
    source = outcome.answer.read_text(encoding="utf-8").splitlines()
    stuck: list[str] = []
    for dump in outcome.run.stderr.split("\nThread 0x")[1:]:
        frames = [m for line in dump.splitlines() if (m := FRAME.match(line))]
        if not frames:
            continue
        mine = [m for m in frames if Path(m["file"]) == outcome.answer]
        if mine:
            m = mine[0]  # the innermost frame of the answer
            code = source[int(m["line"]) - 1].strip()
            stuck.append(f"  line {m['line']}, in {m['func']}(): {code}")
        elif frames[0]["func"] == "_shutdown":
            stuck.append(
                "  the main thread: main() had returned, and Python was waiting "
                "for the other threads to end"
            )
    where = "\n".join(stuck) or "  (no thread was in your file)"
    return f"Here is where the threads were waiting:\n{where}"


#: What driver.py writes for an exception that escaped a thread.
ESCAPED = re.compile(r"exercise driver: (thread .+? raised .+)$", re.MULTILINE)


def escaped_exception(stderr: str) -> str:
    """'thread Thread-1 (parse) raised ValueError: ...', for the first thread
    whose exception escaped."""
    first = ESCAPED.search(stderr)
    return first.group(1) if first else "a thread raised an exception"


def all_programs() -> list[str]:
    """Every exercise and solution file, as 'exercises/<page>/...py'."""
    files = [*EXERCISES_DIR.glob("*/*.py"), *EXERCISES_DIR.glob("*/solutions/*.py")]
    return sorted(f.relative_to(ROOT).as_posix() for f in files)
