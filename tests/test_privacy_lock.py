"""Turning the lock on and off in place: nothing readable left behind, nothing lost if killed."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from lovebridge.core.privacy.keyslots import KeySlots
from lovebridge.core.privacy.lock import (
    DataKeys,
    LockState,
    finish_interrupted,
    interrupted_direction,
    lock_state,
    turn_lock_off,
    turn_lock_on,
)
from lovebridge.paths import Paths, resolve_paths
from lovebridge.store import open_store
from lovebridge.store.media import MediaStore
from lovebridge.store.models import Message, Photo

from .privacy.lock_worker import FAST

ROOT = Path(__file__).resolve().parents[1]
SECRET_WORDS = (b"marmalade-lighthouse", b"PHOTO-BYTES-SECRET", b"BACKUP-SECRET")
PHOTO_COUNT = 200


def make_library(folder: Path) -> tuple[Paths, dict[str, bytes]]:
    """A data folder with a note, photos and an old backup, each holding a secret word."""
    paths = resolve_paths(folder).ensure()
    store = open_store(paths.database)
    media = MediaStore(paths.photos)
    photos = {}
    with store.session_scope() as session:
        session.add(Message(body_text="Meet me by the marmalade-lighthouse at eight."))
        for index in range(PHOTO_COUNT):
            data = b"\xff\xd8" + b"PHOTO-BYTES-SECRET" + os.urandom(20_000) + bytes([index])
            stored = media.add_bytes(data, "jpg")
            photos[stored.sha256] = data
            session.add(Photo(sha256=stored.sha256, extension="jpg", byte_size=len(data)))
    store.close()
    (paths.backups / "auto-2026-11-22.lovebridge").write_bytes(b"PK BACKUP-SECRET" * 100)
    (paths.thumbnails / "ab").mkdir(parents=True)
    (paths.thumbnails / "ab" / "thumb.jpg").write_bytes(b"PHOTO-BYTES-SECRET thumbnail")
    return paths, photos


def assert_whole(paths: Paths, photos: dict[str, bytes], data_key: bytes | None) -> None:
    """Every note and photo reads back exactly, with the key if the lock is on."""
    keys = DataKeys.from_data_key(data_key) if data_key else None
    store = open_store(paths.database, keys.database if keys else None)
    try:
        assert store.integrity_problems() == []
        with store.session_scope() as session:
            texts = session.scalars(select(Message.body_text)).all()
            rows = session.execute(select(Photo.sha256, Photo.extension)).all()
    finally:
        store.close()
    assert texts == ["Meet me by the marmalade-lighthouse at eight."]
    media = MediaStore(paths.photos, keys.files if keys else None)
    assert len(rows) == PHOTO_COUNT
    for sha, ext in rows:
        assert media.read_bytes(sha, ext) == photos[sha]


def files_containing_secrets(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {w.decode()}" for w in SECRET_WORDS if w in data]
    return found


def test_lock_on_leaves_no_plaintext_and_each_key_opens(tmp_path: Path) -> None:
    paths, photos = make_library(tmp_path / "data")
    assert files_containing_secrets(paths.data)  # the check can see them before
    data_key, code = turn_lock_on(paths, {"a": "kitchen radio", "b": "blue kettle"}, FAST)
    assert lock_state(paths) is LockState.ON and interrupted_direction(paths) is None
    assert files_containing_secrets(paths.data) == []
    for secret in ("kitchen radio", "blue kettle", code):
        assert KeySlots(paths.data).unlock(secret)[0] == data_key
    assert_whole(paths, photos, data_key)


def test_lock_off_restores_plain_files(tmp_path: Path) -> None:
    paths, photos = make_library(tmp_path / "data")
    data_key, _code = turn_lock_on(paths, {"a": "kitchen radio"}, FAST)
    turn_lock_off(paths, data_key)
    assert lock_state(paths) is LockState.OFF and not KeySlots(paths.data).exists()
    assert_whole(paths, photos, None)


def test_a_flipped_byte_in_an_encrypted_photo_is_reported(tmp_path: Path) -> None:
    from lovebridge.store.file_cipher import TamperedFileError

    paths, photos = make_library(tmp_path / "data")
    data_key, _code = turn_lock_on(paths, {"a": "kitchen radio"}, FAST)
    media = MediaStore(paths.photos, DataKeys.from_data_key(data_key).files)
    sha = next(iter(photos))
    target = media.path_for(sha, "jpg")
    blob = bytearray(target.read_bytes())
    blob[len(blob) // 2] ^= 0x40
    target.write_bytes(bytes(blob))
    with pytest.raises(TamperedFileError, match="damaged or was altered"):
        media.read_bytes(sha, "jpg")


def kill_during(direction: str, folder: Path, delay: float) -> bool:
    """Start the worker, SIGKILL it `delay` seconds into its work. True if it finished first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.privacy.lock_worker", direction, str(folder)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout.readline().strip() == b"start"
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, _err = process.communicate(timeout=30)
    return b"done" in out


def run_kill_rounds(tmp_path: Path, rounds: int, seed: int) -> tuple[int, int]:
    """Kill lock-on and lock-off conversions at random moments; data must always be whole."""
    rng = random.Random(seed)
    base, photos = make_library(tmp_path / "base")
    locked_base = tmp_path / "locked-base"
    shutil.copytree(base.data, locked_base)
    turn_lock_on(resolve_paths(locked_base), {"a": "kitchen radio", "b": "blue kettle"}, FAST)
    interrupted = 0
    for round_number in range(rounds):
        direction = "on" if round_number % 2 == 0 else "off"
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(base.data if direction == "on" else locked_base, folder)
        finished = kill_during(direction, folder, rng.uniform(0.0, 0.25))
        interrupted += not finished
        paths = resolve_paths(folder)
        data_key = None
        if lock_state(paths) is LockState.ON:
            data_key = KeySlots(paths.data).unlock("blue kettle")[0]
        finish_interrupted(paths, data_key)
        assert interrupted_direction(paths) is None
        if lock_state(paths) is LockState.OFF:
            data_key = None
        assert_whole(paths, photos, data_key)
        if data_key is not None:
            assert files_containing_secrets(paths.data) == []
        shutil.rmtree(folder)
    return rounds, interrupted


def test_killed_lock_changes_lose_nothing(tmp_path: Path) -> None:
    rounds, interrupted = run_kill_rounds(tmp_path, rounds=6, seed=7)
    print(f"\nlock kill test: {rounds} rounds, {interrupted} killed mid-way")
    assert interrupted >= rounds // 2  # the delays are chosen so most rounds are cut short


@pytest.mark.slow
def test_killed_lock_changes_lose_nothing_soak(tmp_path: Path) -> None:
    rounds = int(os.environ.get("LOVEBRIDGE_KILL_ROUNDS", "100"))
    rounds, interrupted = run_kill_rounds(tmp_path, rounds=rounds, seed=2026)
    print(f"\nlock kill soak: {rounds} rounds, {interrupted} killed mid-way")
