"""Preferences and window state: a small typed wrapper over QSettings, options declared once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: where it is kept, its type and its default."""

    key: str
    default: T
    kind: type


# Options of the shell. Rooms declare their own Option constants next to the code that uses them.
THEME = Option("appearance/theme", "system", str)  # system | light | dark
LANGUAGE = Option("appearance/language", "system", str)  # system | en | es | … (at next start)
CURRENT_PARTNER = Option("profile/current_partner", "a", str)  # who is at the keyboard: a | b
WINDOW_GEOMETRY = Option("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Option("window/state", QByteArray(), QByteArray)
LAST_ROOM = Option("window/last_room", 0, int)


class Settings:
    """Typed access to the settings file of one data folder."""

    def __init__(self, settings_file: Path) -> None:
        self._qsettings = QSettings(str(settings_file), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        value: Any = self._qsettings.value(option.key, option.default)
        if value is None:
            return option.default
        if option.kind is bool and isinstance(value, str):  # INI files store booleans as text
            return value.lower() in ("true", "1", "yes")  # type: ignore[return-value]
        if option.kind in (int, float, str) and not isinstance(value, option.kind):
            try:
                return option.kind(value)
            except (TypeError, ValueError):
                return option.default
        return value

    def set(self, option: Option[T], value: T) -> None:
        self._qsettings.setValue(option.key, value)

    def sync(self) -> None:
        self._qsettings.sync()

    def take_group(self, group: str) -> dict[str, str]:
        """Every key under `group` with its text, removed from the file (moving data out)."""
        self._qsettings.beginGroup(group)
        try:
            found = {key: str(self._qsettings.value(key) or "") for key in
                     self._qsettings.childKeys()}
            self._qsettings.remove("")  # the whole group
        finally:
            self._qsettings.endGroup()
        if found:
            self._qsettings.sync()
        return found
