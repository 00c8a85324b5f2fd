"""Behaviour the "Free-threaded Python" page promises."""

import concurrent.futures
import subprocess
import sys
import sysconfig
import zlib

import pytest

from snippet_runner import snippet_run
from snippets.free_threading import gil_switch, pick_executor

FREE_THREADED_BUILD = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
NOT_SUPPORTED = (
    "did not start: Fatal Python error: config_read_gil: "
    "Disabling the GIL is not supported by this build"
)


def expected_answers() -> dict[str, str]:
    """The page's table, for the interpreter running the tests."""
    if FREE_THREADED_BUILD:
        on, off = "GIL enabled", "GIL disabled"
        return {"none": off, "1": on, "0": off}
    if sys.version_info >= (3, 13):
        return {"none": "GIL enabled", "1": "GIL enabled", "0": NOT_SUPPORTED}
    return {"none": "GIL enabled", "1": "GIL enabled", "0": "GIL enabled"}


def test_python_gil_and_x_gil_do_what_the_table_says_on_this_build():
    expected = expected_answers()
    assert gil_switch.gil_enabled_with({}, []) == expected["none"]
    for value in ("1", "0"):
        assert (
            gil_switch.gil_enabled_with({"PYTHON_GIL": value}, []) == (expected[value])
        ), f"PYTHON_GIL={value}"
        assert (
            gil_switch.gil_enabled_with({}, ["-X", f"gil={value}"]) == (expected[value])
        ), f"-X gil={value}"


def test_gil_switch_script_prints_one_line_per_setting():
    run = snippet_run("free_threading/gil_switch.py")
    lines = run.stdout.splitlines()
    assert lines[0] == f"Python {sys.version_info.major}.{sys.version_info.minor}"
    assert [line.split(":")[0] for line in lines[1:]] == [
        name for name, _, _ in gil_switch.SETTINGS
    ]


@pytest.mark.skipif(
    sys.version_info < (3, 13) or FREE_THREADED_BUILD,
    reason="the default build refuses PYTHON_GIL=0 from Python 3.13",
)
def test_default_build_refuses_to_start_with_python_gil_0():
    child = subprocess.run(
        [sys.executable, "-c", "print('started')"],
        env={"PYTHON_GIL": "0"},
        capture_output=True,
        text=True,
    )
    assert child.returncode != 0
    assert child.stdout == ""
    assert "Disabling the GIL is not supported by this build" in child.stderr


def test_gil_enabled_is_true_before_313_and_asks_sys_from_313():
    if sys.version_info < (3, 13):
        assert not hasattr(sys, "_is_gil_enabled")
        assert pick_executor.gil_enabled() is True
    else:
        assert pick_executor.gil_enabled() is sys._is_gil_enabled()


def test_executor_follows_the_gil(monkeypatch):
    monkeypatch.setattr(pick_executor, "gil_enabled", lambda: True)
    with pick_executor.make_executor(workers=2) as executor:
        assert isinstance(executor, concurrent.futures.ProcessPoolExecutor)
    monkeypatch.setattr(pick_executor, "gil_enabled", lambda: False)
    with pick_executor.make_executor(workers=2) as executor:
        assert isinstance(executor, concurrent.futures.ThreadPoolExecutor)


def test_pick_executor_script_names_its_pool_and_prints_the_same_checksums():
    run = snippet_run("free_threading/pick_executor.py")
    pool = (
        "ProcessPoolExecutor" if pick_executor.gil_enabled() else "ThreadPoolExecutor"
    )
    expected = [
        zlib.crc32(bytes((block * 7 + n) % 256 for n in range(200_000)))
        for block in range(4)
    ]
    assert run.stdout == (
        f"GIL enabled: {pick_executor.gil_enabled()}, using {pool}\n"
        f"checksums: {expected}\n"
    )


@pytest.mark.skipif(not FREE_THREADED_BUILD, reason="needs a free-threaded build")
def test_standard_library_imports_leave_the_gil_off():
    child = subprocess.run(
        [
            sys.executable,
            "-W",
            "error::RuntimeWarning",
            "-c",
            "import zlib, decimal, sqlite3, json, hashlib, sys; "
            "print(sys._is_gil_enabled())",
        ],
        capture_output=True,
        text=True,
        env={},
    )
    assert child.stdout == "False\n", child.stderr
