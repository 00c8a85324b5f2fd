"""How the project is checked has one source of truth (README, "How the project
is checked"): the versions in noxfile.py and pyproject.toml, the sessions that
.ci/run and the workflow call, the lock, and the workflow's hardening."""

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from snippet_runner import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
CI_RUN = ROOT / ".ci" / "run"


def noxfile_constant(name: str):
    """A constant of noxfile.py, read without importing it (importing it would
    change PATH for this process)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
        if any(getattr(t, "id", None) == name for t in targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"noxfile.py defines no {name}")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def floor() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["requires-python"].removeprefix(">=")


def major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def test_the_workflow_matrix_is_noxfiles_list_of_pythons():
    matrix = workflow()["jobs"]["matrix"]["strategy"]["matrix"]["python-version"]
    assert matrix == noxfile_constant("PYTHONS")


def test_the_floor_is_requires_python_everywhere():
    pythons = noxfile_constant("PYTHONS")
    assert major_minor(floor()) == pythons[0], "PYTHONS starts at the floor"
    assert workflow()["env"]["PYTHON_FLOOR"] == pythons[0]
    assert sys.version_info >= tuple(map(int, floor().split(".")))


def scripts() -> dict[str, str]:
    """.ci/run and each `run:` of the workflow, continuation lines joined."""
    texts = {".ci/run": CI_RUN.read_text(encoding="utf-8").split("\nPY\n", 1)[1]}
    for job_name, job in workflow()["jobs"].items():
        for n, step in enumerate(job["steps"]):
            if "run" in step:
                texts[f"ci.yml {job_name} step {n}"] = step["run"]
    return {where: re.sub(r"\\\n\s*", "", text) for where, text in texts.items()}


def nox_calls(where: str = "") -> list[str]:
    """The nox sessions that .ci/run and the workflow run."""
    return [
        session
        for place, text in scripts().items()
        if place.startswith(where)
        for line in text.splitlines()
        if "python -m nox" in line
        for session in re.search(r" -s ((?:\w[\w.-]* ?)+)", line)[1].split()
    ]


def test_ci_calls_nox_sessions_and_nothing_else():
    """Besides the set-up (the venv, system packages, npm ci, the lock) and
    the shell's bookkeeping, every command of .ci/run and of the workflow is
    `python -m nox`."""
    allowed = (
        r"python -m pip install( -q)? -r requirements\.txt",
        r"npm ci --no-fund --no-audit",
        r"apt-get .*",
        r'"\$PYTHON" -m venv .*',
        r'source "\$work/venv/bin/activate"',
        r"(export |set |cd |PYTHON=|work=|pythons=|site=|versions=|exit |echo ).*",
        r'wait "\$pythons" .*',
        r'cat "\$work/pythons.log"',
        r"([A-Z_]+=\S+ )*python -m nox .*",
    )
    commands = [
        line.strip()
        for text in scripts().values()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    strays = [c for c in commands if not any(re.fullmatch(p, c) for p in allowed)]
    assert not strays, f"commands that are not nox sessions: {strays}"


def test_ci_names_only_sessions_that_exist_on_versions_of_the_list():
    source = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    sessions = set(re.findall(r"@nox\.session\([^)]*\)\ndef (\w+)", source))
    pythons = noxfile_constant("PYTHONS")
    called = nox_calls()
    assert "suite" in nox_calls(".ci/run")
    assert "suite" in nox_calls("ci.yml")
    for session in called:
        name, _, version = session.partition("-")
        assert name in sessions, f"no nox session {name}"
        assert not version or version in pythons, f"{session}: not in PYTHONS"
    assert f"stress-{pythons[0]}" in nox_calls(".ci/run"), "stress on the floor"


def test_the_readme_test_command_is_what_the_suite_session_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = noxfile_constant("SUITE_COMMAND")
    assert f"```sh\n{command}\n```" in readme


def test_requirements_txt_locks_requirements_in_with_hashes():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock)[1:]
    assert entries
    assert all("--hash=sha256:" in e for e in entries), "every entry has hashes"
    pins = set(re.findall(r"^([A-Za-z0-9_.-]+==[^\s;]+)", lock, re.M))
    direct = re.findall(
        r"^([A-Za-z0-9_.-]+==[^\s#]+)",
        (ROOT / "requirements.in").read_text(encoding="utf-8"),
        re.M,
    )
    assert direct
    assert not set(direct) - pins, "requirements.txt is out of date: nox -s lock"
    assert lock.startswith("# This file was autogenerated by uv")


def test_every_action_is_pinned_to_a_commit_and_checkout_keeps_no_token():
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"])
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: \S+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", text, re.M)
    assert len(uses) == text.count("uses:"), "each pin says its version"
    assert workflow()["permissions"] == {}


def test_the_workflow_passes_zizmor():
    """The nox session "zizmor" runs it in CI too; here for a local run."""
    zizmor = Path(sys.executable).parent / "zizmor"
    if not zizmor.exists():
        missing = "zizmor is not installed: pip install -r requirements.txt"
        (pytest.fail if os.environ.get("CI") else pytest.skip)(missing)
    proc = subprocess.run(
        [zizmor, "--offline", "--persona=pedantic", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pages_link_to_the_repository_only_through_repo_url():
    """A fork sets repo_url in mkdocs.yml; pages write `repo:<path>` links
    (hooks/repo_links.py), never the repository's address."""
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    repo_url = re.search(r"^repo_url: (\S+)$", mkdocs_yml, re.M)[1]
    address = repo_url.split("://", 1)[1].rstrip("/")
    pages = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.py")]
    hard_coded = [
        str(p.relative_to(ROOT)) for p in pages if address in p.read_text("utf-8")
    ]
    assert not hard_coded, f"use repo:<path> links instead, in {hard_coded}"
