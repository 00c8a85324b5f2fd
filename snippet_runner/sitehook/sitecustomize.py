"""Loaded at start-up by every snippet that snippet_runner/__init__.py runs.

The runner puts this folder on PYTHONPATH, so the snippet still runs as a real
script (`python snippets/<page>/<name>.py`), but with guards that a plain
`python` does not have:

* an exception raised in any thread makes the process exit with status
  THREAD_EXCEPTION_EXIT, where plain Python prints it and still exits 0;
* a hang dumps every thread's stack and exits (faulthandler);
* stress mode can shrink the thread switch interval to provoke races;
* the runner owns time: SNIPPET_TIME_SCALE multiplies every `time.sleep()`,
  every `asyncio.sleep()` and every `threading.Timer` interval, so that the
  examples keep realistic durations (a download takes a second) and the tests
  still run fast. Nothing else is scaled: a timeout an example teaches keeps
  its value, and no example's result may depend on how long a sleep lasts.
"""

from __future__ import annotations

import atexit
import faulthandler
import importlib.machinery
import os
import sys
import threading
import time

# Not `from typing import TYPE_CHECKING`: importing typing (and re) would
# cost every snippet's start-up about 4 ms. Type checkers treat any name
# TYPE_CHECKING as true.
TYPE_CHECKING = False

if TYPE_CHECKING:  # only for the type checker: every import here costs start-up
    import types
    from collections.abc import Sequence
    from typing import Any, SupportsIndex

THREAD_EXCEPTION_EXIT = 3

_hang_timeout = float(os.environ.get("SNIPPET_HANG_TIMEOUT", "0"))
if _hang_timeout > 0:
    faulthandler.dump_traceback_later(_hang_timeout, exit=True)

_switch_interval = os.environ.get("SNIPPET_SWITCH_INTERVAL")
if _switch_interval:
    sys.setswitchinterval(float(_switch_interval))

_time_scale = float(os.environ.get("SNIPPET_TIME_SCALE", "1"))
if _time_scale != 1:
    _real_sleep = time.sleep

    def _scaled_sleep(seconds: float | SupportsIndex) -> None:
        _real_sleep(float(seconds) * _time_scale)

    time.sleep = _scaled_sleep

    class _ScaledTimer(threading.Timer):
        def __init__(self, interval: float, *args: Any, **kwargs: Any) -> None:
            super().__init__(interval * _time_scale, *args, **kwargs)

    threading.Timer = _ScaledTimer  # type: ignore[misc]

    class _ScaleAsyncioSleep:
        """A meta path finder that scales asyncio.sleep once asyncio is
        imported (importing asyncio here would slow every snippet's start-up;
        so would importlib.abc, which is why this class does not subclass its
        MetaPathFinder)."""

        def find_spec(
            self,
            name: str,
            path: Sequence[str] | None,
            target: types.ModuleType | None = None,
        ) -> importlib.machinery.ModuleSpec | None:
            if name != "asyncio":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            exec_module = spec.loader.exec_module

            def exec_and_scale(module: types.ModuleType) -> None:
                exec_module(module)
                real = module.sleep

                async def scaled(delay: float, result: Any = None) -> Any:
                    return await real(delay * _time_scale, result)

                vars(module)["sleep"] = scaled

            spec.loader.exec_module = exec_and_scale  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, _ScaleAsyncioSleep())

_failed_threads: list[str] = []
_print_exception = threading.excepthook


def _record_thread_exception(args: threading.ExceptHookArgs) -> None:
    _failed_threads.append(args.thread.name if args.thread else "<unknown thread>")
    _print_exception(args)


if not os.environ.get("SNIPPET_ALLOW_THREAD_EXCEPTIONS"):
    threading.excepthook = _record_thread_exception

    @atexit.register
    def _exit_non_zero_if_a_thread_raised() -> None:
        if _failed_threads:
            sys.stdout.flush()
            print(
                "snippet runner: unhandled exception in thread(s): "
                + ", ".join(_failed_threads),
                file=sys.stderr,
                flush=True,
            )
            os._exit(THREAD_EXCEPTION_EXIT)
