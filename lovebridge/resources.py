"""The one way to reach files under `resources/`: source tree, installed wheel or frozen app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    """The folder holding LoveBridge's bundled resources."""
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "_resources")  # installed wheel (see pyproject force-include)
    candidates.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("LoveBridge's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource_path("fonts", "Caveat.ttf")`."""
    return resources_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    """Text of a bundled resource file (UTF-8)."""
    return resource_path(*parts).read_text(encoding="utf-8")
