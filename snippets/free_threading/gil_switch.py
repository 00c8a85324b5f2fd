"""Start this same Python with each GIL setting, and ask it whether the GIL is on."""

import os
import subprocess
import sys

# Run in the child. sys._is_gil_enabled() is new in 3.13; before 3.13 the GIL
# is always on, so an older Python answers True.
ASK = "import sys; print(getattr(sys, '_is_gil_enabled', lambda: True)())"

SETTINGS: list[tuple[str, dict[str, str], list[str]]] = [
    ("no setting", {}, []),
    ("PYTHON_GIL=1", {"PYTHON_GIL": "1"}, []),
    ("PYTHON_GIL=0", {"PYTHON_GIL": "0"}, []),
    ("-X gil=1", {}, ["-X", "gil=1"]),
    ("-X gil=0", {}, ["-X", "gil=0"]),
]


def gil_enabled_with(env: dict[str, str], options: list[str]) -> str:
    """What a new interpreter says with these settings, or why it did not start."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHON_GIL"}
    child = subprocess.run(
        [sys.executable, *options, "-c", ASK],
        env={**base, **env},
        capture_output=True,
        text=True,
    )
    if child.returncode != 0:
        first_line = child.stderr.strip().splitlines()[0]
        return f"did not start: {first_line}"
    return "GIL enabled" if child.stdout.strip() == "True" else "GIL disabled"


def main() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    for name, env, options in SETTINGS:
        print(f"{name + ':':14} {gil_enabled_with(env, options)}")


if __name__ == "__main__":
    main()
