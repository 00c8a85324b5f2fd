"""Structure tests: every page's code is tested, every snippet is shown, and
the site builds with `mkdocs build --strict`."""

import ast
import re
import shutil
from pathlib import Path

import pytest
import yaml

# A site test: it needs the site toolchain from requirements.txt. The version
# matrix (noxfile.py) installs only the test tools, so there it is skipped.
pytest.importorskip("mkdocs", reason="site test: needs requirements.txt")
from docs_blocks import Block, blocks, pages, strip_markers

from exercises.checking import all_programs
from exercises.checks import EXERCISES
from sitetools.build import build_site
from snippet_runner import (
    ROOT,
    THREAD_EXCEPTION_DEMOS,
    all_snippets,
    run_snippet,
    same_output,
    snippet_run,
)

INCLUDE = re.compile(r'^\s*-{1,2}8<-{1,2}\s+"([^"]+)"', re.MULTILINE)
PAGE_IDS = [p.relative_to(ROOT / "docs").as_posix() for p in pages()]


def includes(page: Path) -> list[tuple[str, str | None]]:
    text = page.read_text(encoding="utf-8")
    found = []
    for target in INCLUDE.findall(text):
        path, _, section = target.partition(":")
        found.append((path, section or None))
    return found


@pytest.mark.parametrize("page", pages(), ids=PAGE_IDS)
def test_every_include_target_exists(page):
    for path, section in includes(page):
        file = ROOT / path
        assert file.is_file(), f"{page.relative_to(ROOT)} includes missing file {path}"
        if section:
            text = file.read_text(encoding="utf-8")
            for edge in ("start", "end"):
                assert f"# --8<-- [{edge}:{section}]" in text, (
                    f"{page.relative_to(ROOT)} includes section '{section}' of "
                    f"{path}, which has no '# --8<-- [{edge}:{section}]' marker"
                )


def test_every_snippet_is_shown_whole_on_some_page():
    shown = {
        path for page in pages() for path, section in includes(page) if not section
    }
    programs = [f"snippets/{s}" for s in all_snippets()] + all_programs()
    orphans = [path for path in programs if path not in shown]
    assert not orphans, f"snippets and exercises that no page includes whole: {orphans}"


def test_every_exercise_is_on_its_page_with_its_check_command():
    """exercises/<page>/<name>.py, its solution and the command that checks it
    are on docs/<page>.md (a dash in a page's name is an underscore in the
    folder's)."""
    problems = []
    for name, exercise in EXERCISES.items():
        page = ROOT / "docs" / (name.split("/")[0].replace("_", "-") + ".md")
        shown = {path for path, _ in includes(page)} if page.is_file() else set()
        commands = {b.file for b in blocks(page)[0] if b.kind == "command"}
        for path in (exercise.path, exercise.solution):
            if path.relative_to(ROOT).as_posix() not in shown:
                problems.append(
                    f"{page.name} does not include {path.relative_to(ROOT)}"
                )
        if exercise.path not in commands:
            problems.append(
                f"{page.name} has no block `python -m exercises check {name}`"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", pages(), ids=PAGE_IDS)
def test_page_has_no_untested_code_block(page):
    _, problems = blocks(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", pages(), ids=PAGE_IDS)
def test_page_code_blocks_run_and_print_what_the_page_shows(page, tmp_path, request):
    update = request.config.getoption("--update-output")
    for n, block in enumerate(blocks(page)[0]):
        if block.kind == "excerpt":
            continue  # the whole file is on the page too, and runs there
        if block.kind == "command" or (
            block.kind == "snippet" and block.file.is_relative_to(ROOT / "exercises")
        ):
            # An exercise is broken on purpose. tests/test_exercises.py runs
            # this very command on every exercise (it must fail, and say why)
            # and checks every solution with it (it must pass).
            continue
        if update and block.expected_output is not None:
            update_output(block, tmp_path / f"block_{n}.py")
            continue
        if block.kind == "snippet":
            run = snippet_run(block.file.relative_to(ROOT / "snippets").as_posix())
        else:  # an inline block: run exactly what the reader sees, as __main__
            script = tmp_path / f"block_{n}.py"
            script.write_text(block.code, encoding="utf-8")
            run = run_snippet(script)
        if block.expected_output is not None:
            assert block.shows(run.stdout), (
                f"{block.where}: the page shows\n{block.expected_output}\n"
                f"but the program printed\n{run.stdout}\n"
                "(if the new output is right: python -m pytest tests/test_docs.py "
                "--update-output)"
            )


def update_output(block: Block, script: Path) -> None:
    """--update-output: rewrite the page's output block from a real run.

    The run is at real speed (no sleep scaling), so the times a page shows are
    the ones a reader sees. The block is found in the page's own source, after
    its expected-output marker.
    """
    if block.kind == "snippet":
        name = block.file.relative_to(ROOT / "snippets").as_posix()
    else:
        script.write_text(block.code, encoding="utf-8")
        name = script
    run = run_snippet(
        name,
        time_scale="1",
        timeout=60,
        allow_thread_exceptions=str(name) in THREAD_EXCEPTION_DEMOS,
    )
    if block.shows(run.stdout):
        return  # still right: keep the page's figures, which a reader has seen
    source = block.page.read_text(encoding="utf-8")
    old = re.compile(
        r"(<!--pytest-codeblocks:expected-output-->\s*\n\s*`{3,}[^\n]*\n)"
        + re.escape(block.expected_output)
    )
    new, count = old.subn(lambda m: m.group(1) + run.stdout, source, count=1)
    assert count == 1, f"{block.where}: cannot find its output block in the page"
    block.page.write_text(new, encoding="utf-8")


# --- the examples teach the idiom, in teaching order --------------------------

#: What only a test harness would put in an example a reader copies.
HARNESS = re.compile(r"TIME_SCALE|SNIPPET_|pytest|\btests?\b|\btest suite\b", re.I)
#: Pages whose subject is testing: their examples may speak of tests.
ABOUT_TESTS = {"testing.md"}


def nav_pages() -> list[str]:
    """The Markdown pages in navigation order, from mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    return [p for p in walk(config["nav"]) if p.endswith(".md")]


def first_shown_on() -> dict[str, str]:
    """Each snippet, mapped to the first page in navigation order that shows it."""
    found: dict[str, str] = {}
    for page in nav_pages():
        for path, _ in includes(ROOT / "docs" / page):
            found.setdefault(path, page)
    return found


def test_examples_carry_no_trace_of_the_test_harness():
    traces = []
    for snippet, page in first_shown_on().items():
        if page in ABOUT_TESTS:
            continue
        for n, line in enumerate((ROOT / snippet).read_text().splitlines(), 1):
            if HARNESS.search(line):
                traces.append(f"{snippet}:{n} (shown on {page}): {line.strip()}")
    assert not traces, (
        "examples a reader copies must not speak of the tests (the runner scales "
        "sleeps and bounds hangs; see README):\n" + "\n".join(traces)
    )


#: The primitives whose teaching order is checked: a name is taught on the
#: first page, in navigation order, with a heading that names it.
PRIMITIVES = {
    "threading": {
        "Thread", "Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore",
        "Event", "Timer", "Barrier", "local",
    },
    "queue": {"Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"},
    "concurrent.futures": {
        "ThreadPoolExecutor", "ProcessPoolExecutor", "InterpreterPoolExecutor",
        "Future", "as_completed", "wait",
    },
}  # fmt: skip
HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.MULTILINE)


def taught_on() -> dict[str, int]:
    """Each primitive, mapped to the index in nav_pages() of the page that
    first teaches it: the first page with a heading that names it (functions,
    such as `wait`, in a code span)."""
    names = set().union(*PRIMITIVES.values())
    found: dict[str, int] = {}
    for index, page in enumerate(nav_pages()):
        text = (ROOT / "docs" / page).read_text()
        for heading in HEADING.findall(re.sub(r"(?ms)^```.*?^```", "", text)):
            code = " ".join(re.findall(r"`([^`]*)`", heading))
            for name in names:
                # A function's name is an English word too ("wait"): only a
                # code span names it. A class's capitalized name may be plain.
                where = heading if name[0].isupper() else code
                if re.search(rf"\b{name}\b", where):
                    found.setdefault(name, index)
    return found


def primitives_used(source: str) -> set[str]:
    """The PRIMITIVES that a program uses: `threading.Lock`, `queue.Queue`,
    `from concurrent.futures import wait`..."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name -> module
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in PRIMITIVES:
            used |= {a.name for a in node.names} & PRIMITIVES[node.module]
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            module = aliases.get(ast.unparse(node.value))
            if module in PRIMITIVES and node.attr in PRIMITIVES[module]:
                used.add(node.attr)
    return used


def teaching_order_findings() -> list[str]:
    pages_in_order = nav_pages()
    taught = taught_on()
    findings = []
    for snippet, page in sorted(first_shown_on().items()):
        shown_at = pages_in_order.index(page)
        for name in sorted(primitives_used((ROOT / snippet).read_text())):
            if name not in taught:
                findings.append(
                    f"{snippet} (on {page}) uses {name}, which no page teaches"
                )
            elif taught[name] > shown_at:
                findings.append(
                    f"{snippet} (on {page}) uses {name}, which is first taught "
                    f"later, on {pages_in_order[taught[name]]}"
                )
    return findings


def test_examples_use_only_what_is_already_taught():
    findings = teaching_order_findings()
    assert not findings, (
        "an example may use only what its page or an earlier page teaches (a "
        "primitive is taught on the first page with a heading that names it):\n"
        + "\n".join(findings)
    )


def test_teaching_order_sees_every_way_of_naming_a_primitive():
    source = (
        "import threading\nimport queue as q\n"
        "from concurrent.futures import wait, ThreadPoolExecutor as Pool\n"
        "threading.Event(); q.Queue(); threading.current_thread()\n"
    )
    assert primitives_used(source) == {"Event", "Queue", "wait", "ThreadPoolExecutor"}


# --- the checker itself must be able to fail --------------------------------

FAKE_PAGE = ROOT / "docs" / "fake.md"


def test_checker_flags_blocks_it_cannot_test():
    text = (
        "~~~python\nprint(1)\n~~~\n\n"  # a fence the extractor does not see
        "```text\nstray output\n```\n\n"
        '```python title="snippets/threads/start_thread.py"\nprint("edited")\n```\n'
    )
    _, problems = blocks(FAKE_PAGE, text)
    joined = "\n".join(problems)
    assert "code fences but only" in joined
    assert "a 'text' block is not tested" in joined
    assert "differs from that file" in joined


def test_checker_accepts_only_the_check_command_in_a_shell_block():
    text = (
        "```sh\npython -m exercises check races/unsafe_counter.py\n```\n\n"
        "```sh\npip install something\n```\n\n"
        "```sh\npython -m exercises check races/unsafe_counter.py\nrm -r x\n```\n\n"
        "```sh\npython -m exercises check races/no_such_exercise.py\n```\n\n"
        "```console\n$ python -m exercises check races/unsafe_counter.py\n```\n"
    )
    found, problems = blocks(FAKE_PAGE, text)
    assert [(b.kind, b.file) for b in found] == [
        ("command", ROOT / "exercises/races/unsafe_counter.py"),
        ("command", ROOT / "exercises/races/no_such_exercise.py"),
    ]
    assert len(problems) == 4, problems
    assert sum("a 'sh' block is not tested" in p for p in problems) == 2
    assert "a 'console' block is not tested" in problems[-1]
    assert "exercises/races/no_such_exercise.py" in problems[2]


def test_checker_accepts_a_whole_snippet_and_its_output():
    code = strip_markers((ROOT / "snippets/threads/start_thread.py").read_text())
    text = (
        f'```python title="snippets/threads/start_thread.py"\n{code}```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text\nhello\n```\n"
    )
    found, problems = blocks(FAKE_PAGE, text)
    assert problems == []
    assert [(b.kind, b.expected_output) for b in found] == [("snippet", "hello\n")]


def test_inline_blocks_run_as_main(tmp_path):
    text = '```python\nif __name__ == "__main__":\n    print("ran as main")\n```\n'
    (block,), problems = blocks(FAKE_PAGE, text)
    assert problems == []
    assert block.kind == "inline"
    script = tmp_path / "block.py"
    script.write_text(block.code)
    assert run_snippet(script).stdout == "ran as main\n"


def test_measurements_match_but_words_do_not():
    assert same_output("took 1.00 s", "took 0.01 s")
    assert not same_output("took 1.00 s", "took 1.00 min")
    assert not same_output("a\nb", "b\na")
    assert not same_output("lost 3 updates", "lost 4 updates")


def output_block(title: str, output: str) -> Block:
    code = strip_markers((ROOT / "snippets/threads/start_thread.py").read_text())
    text = (
        f'```python title="snippets/threads/start_thread.py"\n{code}```\n\n'
        f'<!--pytest-codeblocks:expected-output-->\n```text title="{title}"\n'
        f"{output}```\n"
    )
    (block,), problems = blocks(FAKE_PAGE, text)
    assert problems == []
    return block


def test_an_output_title_can_say_the_line_order_varies():
    block = output_block("Output: the line order varies", "a\nb\nb\n")
    assert block.shows("b\na\nb\n")
    assert not block.shows("b\na\n")  # a multiset: every line, as often
    assert not block.shows("a\nb\nc\n")
    assert not output_block("Output", "a\nb\n").shows("b\na\n")


def test_an_output_title_can_say_the_numbers_vary():
    block = output_block("One run: the numbers vary", "expected 200, got 117\n")
    assert block.shows("expected 200, got 143\n")
    assert not block.shows("expected 200, lost 143\n")
    assert not output_block("Output", "got 117\n").shows("got 143\n")


def test_update_mode_rewrites_only_the_output_block(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n"
        '```python\nprint("new line")\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text\nold line\n```\n"
    )
    monkeypatch.setattr("docs_blocks.ROOT", tmp_path)
    (block,), problems = blocks(page, page.read_text())
    assert problems == []
    update_output(block, tmp_path / "block.py")
    assert page.read_text().endswith("```text\nnew line\n```\n")
    assert page.read_text().startswith("Text.\n\n```python\nprint(")


# --- the strict build --------------------------------------------------------


def test_strict_build_passes(built_site):
    """The run's one build of the site (conftest.py) is `mkdocs build --strict`."""
    assert built_site.passed, f"mkdocs build --strict failed:\n{built_site.log}"


BROKEN = {  # what to add to a page, and what the failed build must name
    # Link problems are all reported by one build: test them together.
    "unknown page and missing anchor": (
        "[a page](nowhere.md) and [a section](index.md#no-such-heading)",
        ["nowhere.md", "no-such-heading"],
    ),
    "missing snippet file": (
        '```python\n--8<-- "snippets/no_such_file.py"\n```',
        ["no_such_file.py"],
    ),
    "missing snippet section": (
        '```python\n--8<-- "snippets/threads/start_thread.py:no_such_section"\n```',
        ["no_such_section"],
    ),
}


@pytest.mark.parametrize("breakage", BROKEN)
def test_strict_build_fails_on(breakage, tmp_path):
    """A copy of the site with one broken page must not build."""
    site = tmp_path / "project"
    site.mkdir()
    shutil.copytree(ROOT / "docs", site / "docs")
    for entry in ROOT.iterdir():  # everything else, as it is (caches too)
        if entry.name not in {"docs", ".git"}:
            (site / entry.name).symlink_to(entry)
    with (site / "docs" / "index.md").open("a") as page:
        page.write(f"\n\n{BROKEN[breakage][0]}\n")
    build = build_site(tmp_path / "site", site / "mkdocs.yml", strict=True, check=False)
    assert not build.passed, f"the build passed despite a {breakage}"
    for name in BROKEN[breakage][1]:
        assert name in build.log, build.log
