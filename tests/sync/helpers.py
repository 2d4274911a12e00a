"""Two (or three) LoveBridge laptops sharing one folder, for the sync tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.core.sync.engine import SyncEngine
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store

# Argon2id made cheap for tests only (the real parameters are checked in test_sync_pairing).
FAST_ARGON = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


@dataclass
class Laptop:
    ctx: AppContext
    engine: SyncEngine
    clock: list[int]  # the laptop's wall clock in ms; tests move it

    def close(self) -> None:
        self.ctx.store.close()


def make_laptop(root: Path, name: str, wall_start: int = 1_790_000_000_000) -> Laptop:
    paths = resolve_paths(root / name).ensure()
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store)
    clock = [wall_start]
    engine = SyncEngine(ctx, wall=lambda: clock[0], argon_params=FAST_ARGON)
    return Laptop(ctx, engine, clock)
