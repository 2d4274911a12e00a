"""The laptop's zone is an IANA name on Linux, Windows and macOS alike, and travel is noticed."""

from __future__ import annotations

import importlib
import shutil
import sys
import types
from pathlib import Path

import pytest
import tzdata

from lovebridge.core import timezone
from lovebridge.core.dates import recurrence

ZONEINFO = Path(tzdata.__file__).parent / "zoneinfo"


def fake_windows_registry(zone_key_name: str) -> types.ModuleType:
    """A `winreg` module answering as a Windows laptop set to `zone_key_name` would."""
    values = [("Bias", -60), ("TimeZoneKeyName", zone_key_name + "\x00\x00junk")]

    class Key:
        def Close(self) -> None:  # noqa: N802 - winreg's own name
            pass

    module = types.ModuleType("winreg")
    module.HKEY_LOCAL_MACHINE = 0x80000002
    module.ConnectRegistry = lambda _computer, _hive: object()
    module.OpenKey = lambda _handle, _name: Key()
    module.QueryInfoKey = lambda _key: (0, len(values), 0)
    module.EnumValue = lambda _key, index: (values[index][0], values[index][1], 1)
    return module


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch):
    """tzlocal's real Windows code, reading a registry that says "W. Europe Standard Time"."""
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setitem(sys.modules, "winreg", fake_windows_registry("W. Europe Standard Time"))
    monkeypatch.delitem(sys.modules, "tzlocal.win32", raising=False)
    win32 = importlib.import_module("tzlocal.win32")
    yield win32
    sys.modules.pop("tzlocal.win32", None)


def test_windows_zone_is_named_the_iana_way(windows) -> None:
    assert timezone.local_zone_name(platform="win32") == "Europe/Berlin"


def test_windows_zone_names_without_standard_time_are_found(monkeypatch, windows) -> None:
    monkeypatch.setitem(sys.modules, "winreg", fake_windows_registry("Tokyo"))
    monkeypatch.setattr(windows, "winreg", sys.modules["winreg"])
    assert timezone.local_zone_name(platform="win32") == "Asia/Tokyo"


def test_macos_localtime_link_into_var_db_is_read(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TZ", raising=False)
    zone_file = tmp_path / "var/db/timezone/zoneinfo/America/New_York"
    zone_file.parent.mkdir(parents=True)
    shutil.copyfile(ZONEINFO / "America/New_York", zone_file)
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/localtime").symlink_to(zone_file)
    unix = importlib.import_module("tzlocal.unix")
    # tzlocal reads /etc/localtime below its `_root` (its own seam for this); point it at a Mac.
    monkeypatch.setattr(unix._get_localzone_name, "__defaults__", (str(tmp_path) + "/",))
    assert timezone.local_zone_name(platform="darwin") == "America/New_York"


def test_a_tz_variable_wins_on_linux(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    assert timezone.local_zone_name(platform="linux") == "Europe/Lisbon"
    assert recurrence.local_zone_name() == "Europe/Lisbon"


def test_an_unknown_zone_falls_back_to_utc_without_failing(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Atlantis/Lost_City")
    assert timezone.local_zone_name(platform="linux") == "UTC"


def test_a_broken_registry_falls_back_to_utc(monkeypatch, windows) -> None:
    def refuse(*_args):
        raise OSError("no such key")

    monkeypatch.setattr(windows.winreg, "OpenKey", refuse)
    assert timezone.local_zone_name(platform="win32") == "UTC"


def test_travel_is_noticed_once(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    watch = timezone.ZoneWatch(lambda: timezone.local_zone_name(platform="linux"))
    assert watch.changed() is None
    monkeypatch.setenv("TZ", "America/Toronto")
    assert watch.changed() == "America/Toronto"
    assert watch.changed() is None
    assert watch.current == "America/Toronto"
