"""MkDocs hook: stop at once, with a clear message, on a Python older than the
toolchain supports (listed under `hooks:` in mkdocs.yml)."""

import re
import sys
from pathlib import Path

#: The oldest supported Python: `requires-python` in pyproject.toml, the one
#: place that states it (read without tomllib, which older Pythons lack).
_REQUIRES = re.search(
    r'^requires-python = ">=([\d.]+)"$',
    (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"),
    re.MULTILINE,
)
assert _REQUIRES, "pyproject.toml states no requires-python"
FLOOR = _REQUIRES[1]
if sys.version_info < tuple(map(int, FLOOR.split("."))):
    raise SystemExit(
        f"This site's toolchain needs Python {FLOOR} or newer "
        f"(pyproject.toml, requires-python); this is {sys.version.split()[0]}."
    )
