"""Every location LoveBridge reads or writes, from platformdirs, with the --data-dir override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from lovebridge import APP_ID

DATA_DIR_ENV = "LOVEBRIDGE_DATA_DIR"
DB_FILENAME = "lovebridge.db"


@dataclass(frozen=True)
class Paths:
    """The folders one LoveBridge instance uses; `ensure()` creates them owner-only."""

    data: Path
    cache: Path
    logs: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / DB_FILENAME

    @property
    def photos(self) -> Path:
        return self.data / "photos"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.ini"

    def ensure(self) -> Paths:
        """Create every folder with mode 0700 (POSIX); tighten existing ones."""
        for folder in (self.data, self.cache, self.logs, self.config, self.photos, self.backups):
            make_private_dir(folder)
        return self


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) readable by the owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    platform_dirs: type[platformdirs.PlatformDirsABC] = platformdirs.PlatformDirs,
) -> Paths:
    """Paths for `data_dir` if given (or $LOVEBRIDGE_DATA_DIR), else the platform's folders.

    With an override everything — data, cache, logs and settings — lives under that one folder,
    so a portable copy or a test never touches the user's real LoveBridge. `platform_dirs` is
    this platform's platformdirs class (tests pass another platform's to check its folders).
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return Paths(data=root, cache=root / "cache", logs=root / "logs", config=root / "config")
    dirs = platform_dirs(APP_ID, appauthor=False)
    return Paths(
        data=Path(dirs.user_data_dir),
        cache=Path(dirs.user_cache_dir),
        logs=Path(dirs.user_log_dir),
        config=Path(dirs.user_config_dir),
    )
