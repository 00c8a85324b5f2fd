"""Structure tests: every page's code is tested, every snippet is shown, and
the site builds with `mkdocs build --strict`."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# A site test: it needs the site toolchain from requirements.txt. The version
# matrix (noxfile.py) installs only the test tools, so there it is skipped.
pytest.importorskip("mkdocs", reason="site test: needs requirements.txt")
from docs_blocks import blocks, pages, strip_markers
from snippet_runner import ROOT, all_snippets, run_snippet, same_output, snippet_output

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
    orphans = [f"snippets/{s}" for s in all_snippets() if f"snippets/{s}" not in shown]
    assert not orphans, f"snippets that no page includes whole: {orphans}"


@pytest.mark.parametrize("page", pages(), ids=PAGE_IDS)
def test_page_has_no_untested_code_block(page):
    _, problems = blocks(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", pages(), ids=PAGE_IDS)
def test_page_code_blocks_run_and_print_what_the_page_shows(page, tmp_path):
    for n, block in enumerate(blocks(page)[0]):
        if block.kind == "excerpt":
            continue  # the whole file is on the page too, and runs there
        if block.kind == "snippet":
            run = snippet_output(block.file.relative_to(ROOT / "snippets").as_posix())
        else:  # an inline block: run exactly what the reader sees, as __main__
            script = tmp_path / f"block_{n}.py"
            script.write_text(block.code, encoding="utf-8")
            run = run_snippet(script)
        if block.expected_output is not None:
            assert same_output(block.expected_output, run.stdout), (
                f"{block.where}: the page shows\n{block.expected_output}\n"
                f"but the program printed\n{run.stdout}"
            )


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


# --- the strict build --------------------------------------------------------


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_strict_build_passes(tmp_path):
    proc = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stderr}"


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
    proc = mkdocs_build(site / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode != 0, f"the build passed despite a {breakage}"
    for name in BROKEN[breakage][1]:
        assert name in proc.stderr, proc.stderr
