"""Windows and macOS behaviour that can be checked here by simulation: where data lives, replacing
a file another program holds open, the start-at-login item, and the installer recipes."""

from __future__ import annotations

import plistlib
import re
import sys
import tomllib
import types
from pathlib import Path, PureWindowsPath

import platformdirs.macos
import platformdirs.windows
import pytest

from lovebridge.core.dates.autostart import RUN_KEY, Autostart
from lovebridge.paths import resolve_paths
from lovebridge.store import media

ROOT = Path(__file__).resolve().parents[1]


# ---- where data lives ---------------------------------------------------------------------------
def test_windows_folders_are_the_ones_the_readme_and_installer_name(monkeypatch) -> None:
    monkeypatch.delenv("LOVEBRIDGE_DATA_DIR", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\sam\AppData\Local")
    # platformdirs' own resolver for Windows folders, reading the environment as Windows sets it.
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER",
                        platformdirs.windows.get_win_folder_from_env_vars)
    paths = resolve_paths(None, platformdirs.windows.Windows)
    local = PureWindowsPath(r"C:\Users\sam\AppData\Local")
    assert PureWindowsPath(str(paths.data)) == local / "lovebridge"
    assert PureWindowsPath(str(paths.cache)) == local / "lovebridge" / "Cache"
    assert PureWindowsPath(str(paths.logs)) == local / "lovebridge" / "Logs"
    inno = (ROOT / "packaging/windows/lovebridge.iss").read_text(encoding="utf-8")
    assert '#define DataDir "{localappdata}\\lovebridge"' in inno


def test_macos_folders_are_under_library(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LOVEBRIDGE_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = resolve_paths(None, platformdirs.macos.MacOS)
    assert paths.data == tmp_path / "Library/Application Support/lovebridge"
    assert paths.cache == tmp_path / "Library/Caches/lovebridge"
    assert paths.logs == tmp_path / "Library/Logs/lovebridge"


# ---- replacing a file Windows holds open ---------------------------------------------------
class HeldOpen:
    """os.replace as Windows behaves while another program holds the target open a moment."""

    def __init__(self, real, holds: int) -> None:
        self.real, self.holds, self.refusals = real, holds, 0

    def __call__(self, source, target) -> None:
        if self.holds > 0:
            self.holds -= 1
            self.refusals += 1
            raise PermissionError(13, "Access is denied", str(target))
        self.real(source, target)


def test_a_briefly_held_file_is_replaced_after_a_pause(monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "photo.jpg"
    target.write_bytes(b"old")
    held = HeldOpen(media.os.replace, holds=3)
    monkeypatch.setattr(media.os, "replace", held)
    monkeypatch.setattr(media, "ON_WINDOWS", True)
    pauses: list[float] = []
    monkeypatch.setattr(media.time, "sleep", pauses.append)
    media.write_atomically(target, b"new photo")
    assert target.read_bytes() == b"new photo"
    assert held.refusals == 3 and len(pauses) == 3 and pauses == sorted(pauses)
    assert [p.name for p in tmp_path.iterdir()] == ["photo.jpg"]  # no temporary file left


def test_a_file_held_for_good_gives_the_error_and_leaves_no_temporary(
    monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "lovebridge.db"
    target.write_bytes(b"kept")
    monkeypatch.setattr(media.os, "replace", HeldOpen(media.os.replace, holds=100))
    monkeypatch.setattr(media, "ON_WINDOWS", True)
    monkeypatch.setattr(media.time, "sleep", lambda _s: None)
    with pytest.raises(PermissionError):
        media.write_atomically(target, b"new")
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["lovebridge.db"]


def test_on_posix_a_refused_rename_is_not_retried(monkeypatch, tmp_path: Path) -> None:
    held = HeldOpen(media.os.replace, holds=1)
    monkeypatch.setattr(media.os, "replace", held)
    (tmp_path / "a").write_bytes(b"a")
    with pytest.raises(PermissionError):
        media.replace_file(tmp_path / "a", tmp_path / "b", windows=False)
    assert held.refusals == 1


# ---- start at login on Windows ------------------------------------------------------------------
def fake_winreg(store: dict[str, dict[str, str]]) -> types.ModuleType:
    """A `winreg` over a dict: enough of the API for the Run key."""
    module = types.ModuleType("winreg")
    module.HKEY_CURRENT_USER, module.KEY_SET_VALUE, module.REG_SZ = 1, 2, 1

    class Key:
        def __init__(self, path: str) -> None:
            self.values = store.setdefault(path, {})

        def __enter__(self):
            return self

        def __exit__(self, *_exc) -> None:
            pass

    module.OpenKey = lambda _hive, path, *_rest: Key(path)

    def set_value(key, name, _reserved, _kind, value) -> None:
        key.values[name] = value

    def query_value(key, name):
        if name not in key.values:
            raise FileNotFoundError(2, "not found")
        return key.values[name], module.REG_SZ

    def delete_value(key, name) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "not found")
        del key.values[name]

    module.SetValueEx, module.QueryValueEx = set_value, query_value
    module.DeleteValue = delete_value
    return module


def test_windows_login_item_is_the_run_key_with_a_quoted_command(monkeypatch) -> None:
    registry: dict[str, dict[str, str]] = {}
    monkeypatch.setitem(sys.modules, "winreg", fake_winreg(registry))
    switch = Autostart(platform="win32")
    assert not switch.is_enabled()
    switch.set_enabled(True, [r"C:\Program Files\LoveBridge\lovebridge.exe"])
    assert registry[RUN_KEY]["LoveBridge"] == r'"C:\Program Files\LoveBridge\lovebridge.exe"'
    assert switch.is_enabled()
    switch.set_enabled(False)
    switch.set_enabled(False)  # already off: still fine
    assert not switch.is_enabled() and registry[RUN_KEY] == {}


# ---- installer recipes agree with the build command ---------------------------------------
def project_version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["version"]


def test_inno_setup_recipe_matches_the_build() -> None:
    inno = (ROOT / "packaging/windows/lovebridge.iss").read_text(encoding="utf-8")
    build = (ROOT / "packaging/build.py").read_text(encoding="utf-8")
    spec = (ROOT / "packaging/lovebridge.spec").read_text(encoding="utf-8")
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', inno))
    assert defines["AppVersion"] == project_version()
    # build.py hands the same three values over on iscc's command line.
    for name in ("AppVersion", "SourceDir", "OutputDir"):
        assert f"/D{name}=" in build
    # The default source folder is the PyInstaller onedir that build.py makes: dist/lovebridge.
    source = (ROOT / "packaging/windows" / defines["SourceDir"].replace("\\", "/")).resolve()
    assert source == (ROOT / "dist" / "lovebridge").resolve()
    assert 'return dist / "lovebridge"' in build
    exe_name = re.search(r'exe = EXE\(.*?name="([^"]+)"', spec, re.S).group(1)
    assert defines["AppExe"] == f"{exe_name}.exe"
    setup_name = re.search(r"OutputBaseFilename=(.+)", inno).group(1).strip()
    assert setup_name == "{#AppName}-{#AppVersion}-setup"
    assert 'f"LoveBridge-{version}-setup.exe"' in build
    icon = re.search(r"SetupIconFile=(.+)", inno).group(1).strip().replace("\\", "/")
    assert (ROOT / "packaging/windows" / icon).resolve().is_file()


def test_macos_recipe_matches_the_build() -> None:
    build = (ROOT / "packaging/build.py").read_text(encoding="utf-8")
    spec = (ROOT / "packaging/lovebridge.spec").read_text(encoding="utf-8")
    dmg = (ROOT / "packaging/macos/make_dmg.sh").read_text(encoding="utf-8")
    assert 'APP_NAME = "LoveBridge"' in spec and 'name=f"{APP_NAME}.app"' in spec
    assert 'dist / "LoveBridge.app"' in build
    assert 'dmg="$out/LoveBridge-$version.dmg"' in dmg
    assert 'f"LoveBridge-{version}.dmg"' in build
    entitlements = plistlib.loads((ROOT / "packaging/macos/entitlements.plist").read_bytes())
    assert isinstance(entitlements, dict)
    assert (ROOT / "resources/icons/lovebridge.icns").is_file()
