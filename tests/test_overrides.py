"""The theme overrides (overrides/, theme.custom_dir) against the installed
Material for MkDocs.

Each file there was made from a file of Material's: a copy of a partial with
one change, or a script that relies on Material's JavaScript bundle. Each
names that file, and the sha256 of the version it was made from, in a line
`Upstream: <path under material/templates> sha256 <hex>`. When a Material
upgrade changes that file, these tests fail and say what to compare, instead
of the override silently dropping Material's new markup or relying on a bundle
that works differently now.
"""

import hashlib
import re
from pathlib import Path

import pytest

from sitetools import ROOT

material = pytest.importorskip("material", reason="site test: needs requirements.txt")

TEMPLATES = Path(material.__file__).parent / "templates"
OVERRIDES = sorted((ROOT / "overrides").rglob("*.html"))
UPSTREAM = re.compile(r"^\s*Upstream: (\S+) sha256 ([0-9a-f]{64})\s*$", re.MULTILINE)


def material_version() -> str:
    from importlib.metadata import version

    return version("mkdocs-material")


def mismatches(name: str, text: str, templates: Path = TEMPLATES) -> list[str]:
    """What differs between the Upstream files an override names and the
    installed ones; empty when every one is the version it was made from."""
    named = UPSTREAM.findall(text)
    if not named:
        return [f"{name} names no `Upstream: <file> sha256 <hex>` line"]
    problems = []
    for path, digest in named:
        file = templates / path
        if not file.is_file():
            problems.append(
                f"{name} was made from Material's {path}, which Material "
                f"{material_version()} does not have: rework the override"
            )
            continue
        actual = hashlib.sha256(file.read_bytes()).hexdigest()
        if actual != digest:
            problems.append(
                f"{name} was made from another version of Material's {path} "
                f"than Material {material_version()}'s ({file}). Compare the two, "
                f"carry the override's change over (and re-check what it assumes), "
                f"then set its Upstream line to sha256 {actual}"
            )
    return problems


@pytest.mark.parametrize(
    "override", OVERRIDES, ids=[str(o.relative_to(ROOT)) for o in OVERRIDES]
)
def test_override_was_made_from_the_installed_material(override):
    problems = mismatches(
        str(override.relative_to(ROOT)), override.read_text(encoding="utf-8")
    )
    assert not problems, "\n".join(problems)


def test_a_copied_partial_names_the_partial_it_copies():
    """overrides/partials/<name> replaces Material's partials/<name>: it must
    be checked against that file, not only against some other one."""
    for override in (ROOT / "overrides" / "partials").glob("*.html"):
        if (TEMPLATES / "partials" / override.name).is_file():
            named = [p for p, _ in UPSTREAM.findall(override.read_text("utf-8"))]
            assert f"partials/{override.name}" in named, (
                f"{override.relative_to(ROOT)} replaces Material's "
                f"partials/{override.name} but does not name it as its Upstream"
            )


def test_a_changed_upstream_file_fails(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "x.html").write_text("Material's new markup\n")
    old = hashlib.sha256(b"Material's old markup\n").hexdigest()
    (problem,) = mismatches(
        "x.html", f"Upstream: partials/x.html sha256 {old}", tmp_path
    )
    assert "another version of Material's partials/x.html" in problem
    assert mismatches("y.html", "no header", tmp_path) == [
        "y.html names no `Upstream: <file> sha256 <hex>` line"
    ]
    missing = mismatches(
        "z.html", f"Upstream: partials/gone.html sha256 {old}", tmp_path
    )
    assert "does not have" in missing[0]
