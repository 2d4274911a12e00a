"""What every part of the app is handed at start-up: paths, the open store and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lovebridge.core.events import ChangeBus
from lovebridge.paths import Paths
from lovebridge.store.db import Store
from lovebridge.store.media import MediaStore


def system_clock() -> datetime:
    """Now, timezone-aware (UTC). Tests pass a fixed clock instead."""
    return datetime.now(UTC)


@dataclass
class AppContext:
    """The open LoveBridge: passed into services and room widgets, never reached globally."""

    paths: Paths
    store: Store
    clock: Callable[[], datetime] = system_clock
    file_key: bytes | None = None  # set while the lock is on: photos are encrypted at rest
    media: MediaStore = field(init=False)
    changes: ChangeBus = field(init=False)  # what each commit changed, for views to refresh

    def __post_init__(self) -> None:
        self.media = MediaStore(self.paths.photos, self.file_key)
        self.changes = ChangeBus()
        self.store.commit_listeners.append(self.changes.after_commit)

    def now(self) -> datetime:
        return self.clock()

    def local_now(self) -> datetime:
        """Now in the laptop's own time zone."""
        return self.clock().astimezone()
