"""Find every code block a reader sees on a page, and say how it is tested.

Pages are expanded with the same pymdownx.snippets preprocessor that MkDocs
uses, so a block is checked exactly as it is rendered. pytest-codeblocks'
`extract_from_buffer` then finds the fenced blocks and the expected output
attached to them with `<!--pytest-codeblocks:expected-output-->`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from pytest_codeblocks import CodeBlock, extract_from_buffer

from snippet_runner import ROOT, page_output_matches

PYTHON = {"python", "py", "python3"}
#: The one command a `sh` block may hold: the check of an exercise's answer,
#: which tests/test_exercises.py runs on every exercise.
COMMAND = re.compile(r"^python -m exercises check (?P<name>[\w/]+\.py)$")
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
TITLE = re.compile(r'title="([^"]*)"')
#: The fence that follows an expected-output marker, and its info string.
OUTPUT_FENCE = re.compile(
    r"^[ \t]*<!--[-\s]*pytest-codeblocks:expected-output-->[ \t]*\n"
    r"(?:[ \t]*\n)*[ \t]*`{3,}([^\n]*)$",
    re.MULTILINE,
)


@dataclass
class Block:
    """A code block as a reader sees it, and what the tests do with it."""

    page: Path
    lineno: int
    lang: str
    title: str
    code: str
    expected_output: str | None
    kind: str  # "snippet", "excerpt", "inline" or "command"
    #: the snippet file, for "snippet" and "excerpt"; the exercise, for "command"
    file: Path | None = None
    output_title: str = ""  # the title of the expected-output block

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}, block at expanded line {self.lineno}"

    def shows(self, stdout: str) -> bool:
        """Whether `stdout` is what the page's output block shows."""
        assert self.expected_output is not None
        return page_output_matches(self.expected_output, stdout, self.output_title)


def expand(page: Path) -> str:
    """The page's Markdown after `--8<--` includes, as MkDocs renders it."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}
        },
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    return "\n".join(md.preprocessors["snippet"].run(lines)) + "\n"


def strip_markers(text: str) -> str:
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not SECTION_MARKER.match(line)
    )


def count_fences(text: str) -> int:
    """Count opening fences with a plain scan, to cross-check the extractor."""
    count, closing = 0, None
    for line in text.splitlines():
        m = FENCE.match(line)
        if not m:
            continue
        if closing is None:
            closing = m.group(1)
            count += 1
        elif m.group(1).startswith(closing) and line.strip() == m.group(1):
            closing = None
    return count


def blocks(page: Path, text: str | None = None) -> tuple[list[Block], list[str]]:
    """Return the page's code blocks and the problems found (untested blocks)."""
    text = expand(page) if text is None else text
    found: list[CodeBlock] = extract_from_buffer(io.StringIO(text))
    problems: list[str] = []
    n_fences = count_fences(text)
    n_seen = len(found) + sum(b.expected_output is not None for b in found)
    if n_fences != n_seen:
        problems.append(
            f"{page.relative_to(ROOT)}: {n_fences} code fences but only {n_seen} "
            "are python blocks or expected-output blocks; every other block is "
            "untested (see README, 'Adding a page, a snippet and its test')"
        )
    output_titles = [
        m.group(1) if m else ""
        for m in (TITLE.search(info) for info in OUTPUT_FENCE.findall(text))
    ]
    with_output = [cb for cb in found if cb.expected_output is not None]
    if len(output_titles) != len(with_output):
        problems.append(
            f"{page.relative_to(ROOT)}: found {len(with_output)} expected-output "
            f"blocks but {len(output_titles)} fences after a marker"
        )
    titles = dict(zip(map(id, with_output), output_titles, strict=False))
    result = []
    for cb in found:
        info = (cb.syntax or "").strip()
        lang = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        m = TITLE.search(info)
        title = m.group(1) if m else ""
        block = Block(
            page,
            cb.lineno,
            lang,
            title,
            cb.code,
            cb.expected_output,
            "inline",
            output_title=titles.get(id(cb), ""),
        )
        if lang == "sh" and cb.expected_output is None:
            commands = [COMMAND.match(line) for line in cb.code.strip().splitlines()]
            if len(commands) == 1 and commands[0]:
                block.kind = "command"
                block.file = ROOT / "exercises" / commands[0]["name"]
                if not block.file.is_file():
                    problems.append(
                        f"{block.where}: the command checks an exercise that does "
                        f"not exist, {block.file.relative_to(ROOT)}"
                    )
                result.append(block)
                continue
        if lang not in PYTHON:
            problems.append(
                f"{block.where}: a '{lang or 'plain'}' block is not tested; use a "
                "python block, or expected output after one (an 'sh' block may "
                "only hold one `python -m exercises check <page>/<name>.py`)"
            )
            continue
        if title:
            path = title.removesuffix(" (excerpt)")
            file = ROOT / path
            if not file.is_file():
                problems.append(
                    f"{block.where}: title names {path}, which does not exist"
                )
                continue
            whole = strip_markers(file.read_text(encoding="utf-8"))
            block.file = file
            if title.endswith(" (excerpt)"):
                block.kind = "excerpt"
                if cb.code.strip() not in whole:
                    problems.append(f"{block.where}: excerpt is not part of {path}")
            elif cb.code.rstrip() == whole.rstrip():
                block.kind = "snippet"
            else:
                problems.append(
                    f"{block.where}: block titled {path} differs from that file; "
                    "include it with --8<-- or add ' (excerpt)' to the title"
                )
        result.append(block)
    whole_files = {b.file for b in result if b.kind == "snippet"}
    for b in result:
        if b.kind == "excerpt" and b.file not in whole_files:
            problems.append(
                f"{b.where}: excerpt of {b.file.relative_to(ROOT)} but the page "
                "does not show the whole file"
            )
    return result, problems


def pages() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md"))
