"""Two (or three) LoveBridge laptops sharing one folder, for the sync tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def paired_laptops(root: Path) -> Iterator[tuple[Path, Laptop, Laptop]]:
    """Maya's and Jonah's laptops sharing one folder under `root`; both closed afterwards."""
    shared = root / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(root, "maya"), make_laptop(root, "jonah")
    try:
        code = maya.engine.setup_new(shared)
        jonah.engine.setup_join(shared, code)
        yield shared, maya, jonah
    finally:
        maya.close()
        jonah.close()


@contextmanager
def jonah_paired_with(window, root: Path) -> Iterator[Laptop]:  # noqa: ANN001 - MainWindow
    """Jonah's laptop, sharing a folder with the open window's library; closed afterwards."""
    shared = root / "shared"
    shared.mkdir()
    jonah = make_laptop(root, "jonah")
    try:
        code = jonah.engine.setup_new(shared)
        window.sharing.engine.setup_join(shared, code)
        yield jonah
    finally:
        jonah.close()
