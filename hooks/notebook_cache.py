"""MkDocs hook: the notebooks' execution cache.

mkdocs-jupyter executes the notebooks on every build and caches the result
keyed on the notebook's own text only. This hook points its cache at a folder
named after a hash of everything else the notebooks run: the threadviz
package, the snippets the timelines record, and the Python that runs them.
Editing a plain page reuses the cache (a fast `mkdocs serve` rebuild); editing
a notebook or anything it imports runs it again. A failing cell is never
cached: the build fails.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "mkdocs-jupyter"
NOTEBOOKS = "notebooks/"  # the folder under docs/ that holds the notebooks


def recorded_snippets() -> list[Path]:
    """The snippet files the timelines record (threadviz.scenarios). Asked of
    a Python started in the repository: this process, started by MkDocs's
    console script, need not have the repository on its import path."""
    out = subprocess.run(
        [sys.executable, "-m", "threadviz.scenarios"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [ROOT / line for line in out.splitlines() if line]


def dependencies() -> list[Path]:
    """The files whose content the notebooks' output depends on, besides the
    notebooks themselves."""
    return sorted((ROOT / "threadviz").glob("*.py")) + recorded_snippets()


def digest(paths: list[Path], *extra: str) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    for text in extra:
        h.update(text.encode())
    return h.hexdigest()[:16]


def _runtime() -> str:
    import matplotlib

    return f"{sys.executable} {sys.version} matplotlib {matplotlib.__version__}"


def cache_folder(config: MkDocsConfig) -> Path:
    """The cache folder: under a "family" named after the set of notebook
    paths, so that a test's throwaway project never evicts the site's cache,
    a folder named after the dependencies' hash."""
    notebooks = sorted(
        p.relative_to(config.docs_dir).as_posix()
        for p in Path(config.docs_dir).glob(f"{NOTEBOOKS}*.py")
    )
    return CACHE / digest([], *notebooks) / digest(dependencies(), _runtime())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter.config["cache_dir"] = str(cache_folder(config))
    # The kernel, a process of its own, inherits this environment: let it
    # import threadviz.
    path = os.environ.get("PYTHONPATH", "")
    if str(ROOT) not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), path]))
    return config


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]
) -> LiveReloadServer:
    """`mkdocs serve` rebuilds when threadviz changes. (Not in mkdocs.yml's
    `watch`: a path there must exist next to every copy of the config.)"""
    server.watch(str(ROOT / "threadviz"))
    return server


def on_post_build(config: MkDocsConfig) -> None:
    """Forget the caches of older versions of the dependencies."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return
    current = Path(jupyter.config["cache_dir"])  # set by on_config above
    if current.parent.is_dir():
        for old in current.parent.iterdir():
            if old.is_dir() and old != current:
                shutil.rmtree(old, ignore_errors=True)
