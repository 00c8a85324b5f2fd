"""MkDocs hooks for the site (listed under `hooks:` in mkdocs.yml)."""

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - the point is a clear message on old Pythons
    raise SystemExit(
        "This site's toolchain needs Python 3.11 or newer "
        f"(Material for MkDocs 9.8 requires it); this is {sys.version.split()[0]}."
    )
