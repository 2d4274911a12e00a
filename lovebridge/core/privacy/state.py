"""Is the privacy lock on? A file check light enough to make before the first window paints."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from lovebridge.paths import Paths

# The key-slot file: its presence is the commit point of turning the lock on.
KEY_FILE_NAME = "keyslots.json"


class LockState(Enum):
    OFF = "off"
    ON = "on"


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE_NAME


def lock_state(paths: Paths) -> LockState:
    """ON once the key file is in place (the commit point of turning the lock on)."""
    return LockState.ON if key_file(paths.data).exists() else LockState.OFF
