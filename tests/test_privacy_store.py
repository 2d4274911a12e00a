"""The store pauses while the lock changes, then carries on under the new key in place."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from lovebridge.core.privacy import lock as lock_module
from lovebridge.core.privacy.keyslots import KeySlots
from lovebridge.core.privacy.lock import LockState, interrupted_direction, lock_state
from lovebridge.core.privacy.switch import database_key, switch_lock_off, switch_lock_on
from lovebridge.core.privacy.throttle import UnlockThrottle, delay_after
from lovebridge.core.profile import ProfileService
from lovebridge.store import StoreBusyError
from lovebridge.store.errors import StoreFullError
from lovebridge.store.media import MediaStore
from lovebridge.store.models import Message

from .privacy.lock_worker import FAST


def test_a_suspended_store_refuses_work_and_creates_no_file(ctx, couple) -> None:
    profiles = ProfileService(ctx.store)  # a service holding the Store across the change
    ctx.store.suspend()
    ctx.paths.database.rename(ctx.paths.database.with_suffix(".moved"))
    with pytest.raises(StoreBusyError, match="turning the lock on or off"):
        profiles.load()
    with pytest.raises(StoreBusyError):
        ctx.store.raw_connection()
    assert not ctx.paths.database.exists()  # no fresh, plain database appeared
    ctx.paths.database.with_suffix(".moved").rename(ctx.paths.database)
    ctx.store.reopen(None)
    assert profiles.load().partner_a == "Maya"


def test_suspend_waits_for_a_running_session(ctx) -> None:
    started, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with ctx.store.session_scope() as session:
            session.add(Message(body_text="written while the lock was asked for"))
            started.set()
            release.wait(5)

    worker = threading.Thread(target=long_write)
    worker.start()
    started.wait(5)
    threading.Timer(0.3, release.set).start()
    began = time.monotonic()
    ctx.store.suspend()
    assert time.monotonic() - began >= 0.25  # it waited for the write to commit
    worker.join()
    ctx.store.reopen(None)
    with ctx.store.session_scope() as session:
        assert session.scalars(select(Message.body_text)).one().startswith("written while")


def test_the_same_store_reopens_encrypted_and_back(ctx, couple) -> None:
    profiles = ProfileService(ctx.store)
    ctx.store.suspend()
    change = switch_lock_on(ctx.paths, {"a": "lemon tree by the door"}, lambda: FAST)
    assert change.state is LockState.ON and change.error is None and change.recovery_code
    ctx.store.reopen(database_key(ctx.paths, change.data_key))
    assert ctx.store.encrypted and profiles.load().partner_b == "Jonah"

    ctx.store.suspend()
    back = switch_lock_off(ctx.paths, change.data_key)
    assert back.state is LockState.OFF and back.data_key is None
    ctx.store.reopen(database_key(ctx.paths, back.data_key))
    assert not ctx.store.encrypted and profiles.load().partner_a == "Maya"


def test_a_failure_after_the_commit_point_is_finished_and_reopens(ctx, couple, monkeypatch) -> None:
    photo = ctx.media.add_bytes(b"\xff\xd8 PHOTO-BYTES-SECRET", "jpg")
    real_convert = lock_module._convert_files
    calls = []

    def disk_full_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real_convert(*args, **kwargs)

    monkeypatch.setattr(lock_module, "_convert_files", disk_full_once)
    ctx.store.suspend()
    change = switch_lock_on(ctx.paths, {"a": "lemon tree by the door"}, lambda: FAST)
    # The full disk is said so (with the room it needs), not as a bare OSError.
    assert isinstance(change.error, StoreFullError)
    assert str(change.error).startswith("The disk is full")
    # The key file was already in place, so the change was finished with the passphrase.
    assert change.state is LockState.ON and change.data_key is not None
    assert interrupted_direction(ctx.paths) is None
    ctx.store.reopen(database_key(ctx.paths, change.data_key))
    assert ProfileService(ctx.store).load().partner_a == "Maya"
    media = MediaStore(ctx.paths.photos, change.keys.files)
    assert media.read_bytes(photo.sha256, "jpg") == b"\xff\xd8 PHOTO-BYTES-SECRET"
    assert b"PHOTO-BYTES-SECRET" not in photo.path.read_bytes()


def test_a_failure_before_the_commit_point_leaves_it_plain(ctx, couple, monkeypatch) -> None:
    def broken_export(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lock_module, "export_database", broken_export)
    ctx.store.suspend()
    change = switch_lock_on(ctx.paths, {"a": "lemon tree by the door"}, lambda: FAST)
    assert change.state is LockState.OFF and change.data_key is None
    assert lock_state(ctx.paths) is LockState.OFF and not KeySlots(ctx.paths.data).exists()
    assert sorted(p.name for p in ctx.paths.data.glob("*pending*")) == []
    ctx.store.reopen(database_key(ctx.paths, None))
    assert ProfileService(ctx.store).load().partner_b == "Jonah"


def test_wrong_passphrase_delays_grow_and_are_capped() -> None:
    assert [delay_after(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 30, 30, 30]
    now = [0.0]
    throttle = UnlockThrottle(lambda: now[0])
    assert throttle.record_failure() == 0 and throttle.seconds_left() == 0
    throttle.record_failure()
    assert throttle.record_failure() == 2
    now[0] += 0.5
    assert throttle.seconds_left() == 2  # rounded up: the countdown never shows 0 too early
    now[0] += 1.5
    assert throttle.seconds_left() == 0
    throttle.record_success()
    assert throttle.failures == 0


def test_calibration_stays_within_safe_bounds() -> None:
    from lovebridge.core.privacy.keyslots import MIN_MEMORY_KIB, MIN_TIME_COST, calibrate

    fast = calibrate(target_seconds=0.05)  # a tiny target forces the lowest allowed cost
    assert fast.time_cost >= MIN_TIME_COST and fast.memory_cost_kib >= MIN_MEMORY_KIB
    slow = calibrate(target_seconds=1000)  # a huge one keeps full memory and caps the passes
    assert slow.memory_cost_kib == 262_144 and slow.time_cost == 12


def test_only_code_shaped_text_costs_a_second_try(tmp_path, monkeypatch) -> None:
    from lovebridge.core.privacy import keyslots

    slots = KeySlots(tmp_path)
    _key, code = slots.create({"a": "lemon tree by the door"}, FAST)
    runs = []
    real = keyslots.derive_kek
    monkeypatch.setattr(keyslots, "derive_kek", lambda *a: runs.append(1) or real(*a))
    with pytest.raises(keyslots.WrongPassphraseError):
        slots.unlock("not our words")
    assert len(runs) == 1
    assert slots.unlock(code.lower().replace("-", ""))[1] == "recovery"


def test_cli_check_asks_for_the_passphrase_when_locked(paths, couple, ctx, monkeypatch,
                                                       capsys) -> None:
    from lovebridge.app import main

    ctx.media.add_bytes(b"\xff\xd8 a photo", "jpg")
    ctx.store.suspend()
    switch_lock_on(paths, {"a": "lemon tree by the door"}, lambda: FAST)
    answers = iter(["not our words", "lemon tree by the door"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(answers))
    assert main(["--data-dir", str(paths.data), "check"]) == 1
    assert "does not open LoveBridge" in capsys.readouterr().err
    assert main(["--data-dir", str(paths.data), "check"]) == 0
    assert "Integrity: ok" in capsys.readouterr().out
