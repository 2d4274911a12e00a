"""The version the app shows is the one the package is built with."""

import tomllib
from pathlib import Path

import lovebridge


def test_version_literal_matches_pyproject() -> None:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert lovebridge.__version__ == declared
