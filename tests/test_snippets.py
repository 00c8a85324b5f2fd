"""Every snippet, run as a real script by the shared runner, and its shape."""

import ast
import sys

import pytest

from exercises.checking import all_programs
from snippet_runner import ROOT, all_snippets, snippet_run

#: Every program a reader copies: the snippets, and the exercises and their
#: solutions (an exercise is broken on purpose, but it is a complete program).
PROGRAMS = [f"snippets/{s}" for s in all_snippets()] + all_programs()


@pytest.mark.parametrize("name", all_snippets())
def test_snippet_runs_cleanly(name):
    """Exit 0, no hang, no exception in any thread (see snippet_runner)."""
    snippet_run(name)


@pytest.mark.parametrize("name", PROGRAMS)
def test_snippet_is_a_complete_program(name):
    tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert "main" in functions, f"{name}: define a main() function"
    last = tree.body[-1]
    assert ast.unparse(last) == "if __name__ == '__main__':\n    main()", (
        f'snippets/{name}: end with `if __name__ == "__main__":` and a call to main()'
    )
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and not node.level
    }
    outside = imported - set(sys.stdlib_module_names) - {"__future__"}
    assert not outside, f"{name}: standard library only, not {outside}"
