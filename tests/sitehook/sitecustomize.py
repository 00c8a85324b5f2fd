"""Loaded at start-up by every snippet that tests/snippet_runner.py runs.

The runner puts this folder on PYTHONPATH, so the snippet still runs as a real
script (`python snippets/<page>/<name>.py`), but with three guards that a plain
`python` does not have:

* an exception raised in any thread makes the process exit with status
  THREAD_EXCEPTION_EXIT, where plain Python prints it and still exits 0;
* a hang dumps every thread's stack and exits (faulthandler);
* stress mode can shrink the thread switch interval to provoke races.
"""

import atexit
import faulthandler
import os
import sys
import threading

THREAD_EXCEPTION_EXIT = 3

_hang_timeout = float(os.environ.get("SNIPPET_HANG_TIMEOUT", "0"))
if _hang_timeout > 0:
    faulthandler.dump_traceback_later(_hang_timeout, exit=True)

_switch_interval = os.environ.get("SNIPPET_SWITCH_INTERVAL")
if _switch_interval:
    sys.setswitchinterval(float(_switch_interval))

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
