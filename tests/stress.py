"""Stress mode: run a snippet many times with a tiny switch interval.

It uses the one shared runner (snippet_runner.run_snippet), with two extra
variables in the snippet's environment:

* SNIPPET_SWITCH_INTERVAL=1e-6, which snippet_runner/sitehook/sitecustomize.py passes
  to sys.setswitchinterval() before the snippet starts, so the interpreter asks
  the running thread to hand over the GIL every microsecond instead of every
  5 ms: interleavings that are rare at the default become common;
* PYTHONDEVMODE=1, Python's development mode (more runtime checks, warnings
  shown, faulthandler on), with the plain memory allocator (see STRESS_ENV).

A run fails on a hang, a non-zero exit or an exception in any thread (the
runner's checks), and, for a "fixed" snippet, on any output other than what its
page shows. A snippet in BROKEN_ON_PURPOSE instead counts the runs in which its
bug showed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from snippet_runner import (
    BROKEN_ON_PURPOSE,
    THREAD_EXCEPTION_DEMOS,
    SnippetFailed,
    page_output_matches,
    run_snippet,
    snippet_path,
)

STRESS_ENV = {
    "SNIPPET_SWITCH_INTERVAL": "1e-6",
    "PYTHONDEVMODE": "1",
    # Development mode also installs the debug memory allocator hooks. Together
    # with the runner's faulthandler.dump_traceback_later() watchdog they made
    # CPython 3.13.0 (in a virtual environment) abort or segfault at start-up in
    # about 3 of 1000 runs of an empty program (measured here, as were 3.12.1
    # aborts); with the plain allocator, 0 of 1500. Keep the rest of dev mode.
    "PYTHONMALLOC": "malloc",
}
#: Stop stressing a snippet after this many failed runs: each hang costs the
#: runner's full hang timeout, and three failures say enough.
MAX_FAILURES = 3


@dataclass
class StressResult:
    snippet: str
    runs: int = 0
    broken: bool = False
    bug_shown: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def bug_rate(self) -> float:
        return self.bug_shown / self.runs if self.runs else 0.0

    def figures(self) -> dict[str, object]:
        return {
            "snippet": self.snippet,
            "runs": self.runs,
            "failures": len(self.failures),
            "broken": self.broken,
            "bug_shown": self.bug_shown,
        }


@dataclass(frozen=True)
class Shown:
    """An output block of a page: where it is, what it shows, and its title
    (which may say that the order of lines, or the numbers, vary)."""

    where: str
    output: str
    title: str = ""


@functools.cache
def expected_outputs() -> dict[Path, tuple[Shown, ...]]:
    """For each snippet file, the output blocks of the pages that show it.

    Found exactly as tests/test_docs.py finds them (docs_blocks), which needs
    the page parser (Markdown, pymdown-extensions, pytest-codeblocks), so it is
    imported only here, when stress mode runs.
    """
    from docs_blocks import blocks, pages

    found: dict[Path, list[Shown]] = {}
    for page in pages():
        for block in blocks(page)[0]:
            if block.kind == "snippet" and block.expected_output is not None:
                found.setdefault(block.file, []).append(
                    Shown(block.where, block.expected_output, block.output_title)
                )
    return {file: tuple(shown) for file, shown in found.items()}


def stress_snippet(
    name: str | Path,
    runs: int,
    *,
    expected: tuple[Shown, ...] = (),
    bug_pattern: str | None = None,
    allow_thread_exceptions: bool = False,
) -> StressResult:
    """Run `name` `runs` times under stress and collect what went wrong.

    `expected` holds the page blocks whose output every run of a fixed
    snippet must print; `bug_pattern` (for a broken-on-purpose snippet) is searched in
    stdout to count the runs that showed the bug.
    """
    result = StressResult(str(name), broken=bug_pattern is not None)
    for n in range(1, runs + 1):
        result.runs = n
        try:
            run = run_snippet(
                name, env=STRESS_ENV, allow_thread_exceptions=allow_thread_exceptions
            )
        except SnippetFailed as exc:
            result.failures.append(f"run {n}: {exc}")
        else:
            if bug_pattern is not None:
                result.bug_shown += bool(re.search(bug_pattern, run.stdout))
            else:
                for shown in expected:
                    if not page_output_matches(shown.output, run.stdout, shown.title):
                        result.failures.append(
                            f"run {n}: {shown.where} shows\n{shown.output}"
                            f"but the program printed\n{run.stdout}"
                        )
        if len(result.failures) >= MAX_FAILURES:
            break
    return result


def stress_registered_snippet(name: str, runs: int) -> StressResult:
    """Stress a snippet of the site, with what the registries say about it."""
    return stress_snippet(
        name,
        runs,
        expected=expected_outputs().get(snippet_path(name), ()),
        bug_pattern=BROKEN_ON_PURPOSE.get(name),
        allow_thread_exceptions=name in THREAD_EXCEPTION_DEMOS,
    )
