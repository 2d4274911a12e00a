"""A restore cut short at any step leaves a state the next start-up finishes or rolls back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lovebridge.core.backup import (
    apply_restore,
    create_backup,
    finish_interrupted_restore,
    prepare_data_folder,
    stage_restore,
)
from lovebridge.core.backup import swap as swap_module
from lovebridge.core.backup.validate import StagedBackup
from lovebridge.store import open_store
from tests.crash.library import dump, photo_tree, populate


class PowerCut(BaseException):
    """Stands for the process dying: not an Exception, so no ordinary handler catches it."""


@pytest.mark.parametrize("crash_at", range(9))
def test_interrupted_swap_is_finished_or_rolled_back(ctx, tmp_path: Path, monkeypatch,
                                                     crash_at: int) -> None:
    populate(ctx, notes=4, memories=2, seed=1)
    archive = create_backup(ctx.store, ctx.paths, tmp_path / "b.lovebridge", now=ctx.now()).path
    backup_state = (dump(ctx.store), photo_tree(ctx.paths.photos))
    populate(ctx, notes=3, memories=2, seed=2)
    current_state = (dump(ctx.store), photo_tree(ctx.paths.photos))

    staged = stage_restore(archive, ctx.paths, ctx.store)
    steps = {"count": 0}
    real_rename, real_journal = os.rename, swap_module._write_journal

    def step() -> None:
        if steps["count"] == crash_at:
            raise PowerCut
        steps["count"] += 1

    def rename(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        step()
        return real_rename(*args, **kwargs)

    def journal(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        step()
        return real_journal(*args, **kwargs)

    monkeypatch.setattr(swap_module.os, "rename", rename)
    monkeypatch.setattr(swap_module, "_write_journal", journal)
    monkeypatch.setattr(StagedBackup, "discard", lambda self: None)  # a dead process tidies nothing
    try:
        apply_restore(staged, ctx.paths, ctx.store, now=ctx.now())
        completed = True
    except PowerCut:
        completed = False
    monkeypatch.undo()
    ctx.store.engine.dispose()

    outcome = prepare_data_folder(ctx.paths).restore_outcome
    store = open_store(ctx.paths.database)
    state = (dump(store), photo_tree(ctx.paths.photos))
    assert store.integrity_problems(quick=False) == []
    store.close()
    if completed:
        assert state == backup_state and outcome is None
    else:
        assert state in (backup_state, current_state), "a half-restored library"
        assert outcome in ("rolled back", "finished", None)
    leftovers = [p.name for p in ctx.paths.data.iterdir() if p.name.startswith(".restore")]
    assert leftovers == [] and not (ctx.paths.data / swap_module.JOURNAL_NAME).exists()


def test_a_journal_that_cannot_be_read_still_rolls_back(ctx, tmp_path: Path) -> None:
    populate(ctx, notes=2, memories=1)
    before = dump(ctx.store)
    ctx.store.close()
    aside = ctx.paths.data / (swap_module.ASIDE_PREFIX + "x")
    aside.mkdir()
    os.rename(ctx.paths.database, aside / "lovebridge.db")
    ctx.paths.database.write_bytes(b"half a database")
    (ctx.paths.data / swap_module.JOURNAL_NAME).write_text("{torn")
    assert finish_interrupted_restore(ctx.paths) == "rolled back"
    store = open_store(ctx.paths.database)
    assert dump(store) == before
    store.close()


def test_start_up_removes_leftovers_of_interrupted_backups_and_rescues(paths) -> None:
    from lovebridge.core.backup.create import PARTIAL_PREFIX, WORK_PREFIX

    (paths.data / (WORK_PREFIX + "abc")).mkdir()
    (paths.data / (WORK_PREFIX + "abc") / "lovebridge.db").write_bytes(b"snapshot")
    (paths.backups / (PARTIAL_PREFIX + "x-auto.lovebridge")).write_bytes(b"half")
    (paths.backups / (swap_module.RESCUE_PREFIX + "q")).mkdir()
    (paths.data / swap_module.ADOPT_NAME).write_bytes(b"half a rescued copy")
    (paths.photos / "ab").mkdir(parents=True)
    (paths.photos / "ab" / ".incoming-123").write_bytes(b"half a photo")
    (paths.backups / "auto-20261122-090000.lovebridge").write_bytes(b"a real backup")
    tidied = prepare_data_folder(paths)
    assert tidied.leftover_photo_files == 1 and tidied.restore_outcome is None
    assert sorted(p.name for p in paths.backups.iterdir()) == ["auto-20261122-090000.lovebridge"]
    assert not [p for p in paths.data.iterdir() if p.name.startswith(".")]
    assert not list(paths.photos.rglob(".incoming-*"))
