"""Start LoveBridge at login: .desktop file (Linux), Run key (Windows), LaunchAgent (macOS)."""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from lovebridge import APP_ID, APP_NAME
from lovebridge.store.media import replace_file

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
AGENT_LABEL = "app.lovebridge.LoveBridge"


class AutostartError(OSError):
    """The login item could not be written or removed."""


def launch_command() -> list[str]:
    """How to start LoveBridge again: the frozen executable, or this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "lovebridge"]


@dataclass(frozen=True)
class Autostart:
    """The start-at-login switch for one platform ("linux", "win32" or "darwin")."""

    platform: str = sys.platform
    home: Path | None = None  # tests point this at a temporary folder

    def _home(self) -> Path:
        return self.home or Path.home()

    # ---- per platform -------------------------------------------------------------------
    def desktop_file(self) -> Path:
        config = os.environ.get("XDG_CONFIG_HOME") or str(self._home() / ".config")
        return Path(config) / "autostart" / f"{APP_ID}.desktop"

    def launch_agent(self) -> Path:
        return self._home() / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._windows_value() is not None
        if self.platform == "darwin":
            return self.launch_agent().exists()
        return self.desktop_file().exists()

    def set_enabled(self, enabled: bool, command: list[str] | None = None) -> None:
        command = command or launch_command()
        try:
            if self.platform == "win32":
                self._set_windows(enabled, command)
            elif self.platform == "darwin":
                self._set_file(self.launch_agent(), enabled, self._plist(command))
            else:
                self._set_file(self.desktop_file(), enabled, self._desktop_entry(command))
        except OSError as exc:
            raise AutostartError(f"Could not change the login item: {exc.strerror or exc}") from exc

    @staticmethod
    def _desktop_entry(command: list[str]) -> bytes:
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_NAME}\n"
            "Comment=Notes, memories and time together\n"
            f"Exec={shlex.join(command)}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        ).encode()

    @staticmethod
    def _plist(command: list[str]) -> bytes:
        return plistlib.dumps(
            {"Label": AGENT_LABEL, "ProgramArguments": command, "RunAtLoad": True}
        )

    @staticmethod
    def _set_file(path: Path, enabled: bool, content: bytes) -> None:
        if not enabled:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_bytes(content)
        replace_file(temporary, path)

    def _set_windows(self, enabled: bool, command: list[str]) -> None:
        import winreg  # only exists on Windows

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            if enabled:
                value = " ".join(f'"{part}"' for part in command)
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_NAME)

    def _windows_value(self) -> str | None:
        import winreg  # only exists on Windows

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return str(winreg.QueryValueEx(key, APP_NAME)[0])
        except OSError:
            return None
