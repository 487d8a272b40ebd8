"""Locate the files secretariat ships: data registers, schemas and templates.

An installed wheel carries them under ``secretariat/_data/<kind>/`` (see the hatch ``force-include`` in
pyproject.toml); a source checkout has them at the repository root, ``<repo>/<kind>/``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

KINDS = ("data", "schemas", "templates")

# The package's own folder, as importlib.resources.files("secretariat") gives it for an installed package
# (a wheel is unpacked into site-packages; a zipped package would have no real paths to give). Importing
# importlib.resources (with tempfile, shutil and zipfile) costs every command a few milliseconds of start-up.
_PACKAGE = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE.parents[1]


def resource_path(kind: str, rel: str) -> Path:
    """Return the path of ``rel`` ("." for the folder itself) in the shipped folder ``kind``."""
    if kind not in KINDS:
        raise ValueError(f"unknown resource kind {kind!r}: expected one of {', '.join(KINDS)}")
    parts = PurePosixPath(rel).parts
    if PurePosixPath(rel).is_absolute() or ".." in parts:
        raise ValueError(f"resource path {rel!r} must be a relative path inside {kind}/ without '..'")
    installed = _PACKAGE.joinpath("_data", kind, *parts)
    if installed.exists():
        return installed
    return _REPO_ROOT.joinpath(kind, *parts)


def data_path(rel: str) -> Path:
    """Return the path of ``rel`` inside the data folder."""
    return resource_path("data", rel)
