"""Say which build of CPython runs this, and whether the GIL is enabled."""

import sys
import sysconfig


def gil_state() -> str:
    free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    # sys._is_gil_enabled() exists from 3.13; before that the GIL is always on.
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    build = "free-threaded build" if free_threaded_build else "default build"
    return f"Python {sys.version_info.major}.{sys.version_info.minor}, {build}, " + (
        "GIL enabled" if gil_enabled else "GIL disabled"
    )


def main() -> None:
    print(gil_state())


if __name__ == "__main__":
    main()
