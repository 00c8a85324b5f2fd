"""The one `mkdocs build` wrapper: the tests and the scripts all build with it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitetools import MKDOCS_YML, ROOT


class BuildFailed(RuntimeError):
    """`mkdocs build` exited non-zero; the message holds its log."""


@dataclass(frozen=True)
class Build:
    """One `mkdocs build`: where it wrote the site, and how it ended."""

    site: Path
    returncode: int
    log: str  # MkDocs' stderr: its warnings and errors

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    @property
    def written(self) -> bool:
        """Whether the site was written. A strict build that fails on a
        warning has written every page first: MkDocs counts the warnings
        only at the end."""
        return (self.site / "index.html").is_file() and (
            self.site / "sitemap.xml"
        ).is_file()


def build_site(
    dest: Path,
    config: Path = MKDOCS_YML,
    *,
    strict: bool = False,
    check: bool = True,
    timeout: float = 300,
) -> Build:
    """`mkdocs build` of `config` into `dest`, in a subprocess.

    With strict=True a warning fails the build (`--strict`). With check=True
    (the default) a failed build raises BuildFailed; with check=False the
    caller reads `returncode` and `log`.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    command += ["-d", str(dest), *(["--strict"] if strict else [])]
    proc = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    build = Build(Path(dest), proc.returncode, proc.stderr)
    if check and not build.passed:
        raise BuildFailed(f"mkdocs build failed:\n{build.log}")
    return build
