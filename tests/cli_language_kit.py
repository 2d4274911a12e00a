"""Choosing the command line's language, for the tests of its words (the data folder and a
terminal naming no language: the `cli_folder` fixture in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from lovebridge.paths import resolve_paths


def choose(folder: Path, language: str) -> Path:
    """Choose `language` in the data folder's Preferences (its settings file)."""
    settings_file = resolve_paths(folder).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(f"[appearance]\nlanguage = {language}\n", encoding="utf-8")
    return settings_file
