"""Audit: a damaged keyslots.json is explained, never a JSON or argon2 traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lovebridge.core.privacy.keyslots import KdfParams, KeySlots

FAST = KdfParams(time_cost=1, memory_cost_kib=64, parallelism=1)
DAMAGED = "key file (keyslots.json in the data folder) is damaged"


def made(folder: Path) -> KeySlots:
    folder.mkdir(parents=True, exist_ok=True)
    slots = KeySlots(folder)
    slots.create({"a": "purple umbrella"}, FAST)
    return slots


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                               # cut short
    lambda text: "",                                                   # emptied
    lambda text: "[1, 2, 3]",                                          # not an object
    lambda text: text.replace('"time_cost": 1', '"time_cost": "one"'),
    lambda text: text.replace('"memory_cost_kib": 64', '"memory_cost_kib": 1'),  # argon2: too low
    lambda text: text.replace('"parallelism": 1', '"parallelism": 0'),
    lambda text: json.dumps({**json.loads(text), "salt": "***"}),
    lambda text: json.dumps({**json.loads(text), "slots": [{"slot_id": "a"}]}),
])
def test_a_damaged_key_file_is_explained(tmp_path: Path, damage) -> None:  # noqa: ANN001
    slots = made(tmp_path)
    slots.path.write_text(damage(slots.path.read_text()))
    with pytest.raises(Exception) as caught:  # noqa: PT011 - main raised JSON/argon2 errors
        slots.unlock("purple umbrella")
    assert DAMAGED in str(caught.value)


def test_the_cli_says_the_key_file_is_damaged(ctx, monkeypatch, capsys) -> None:  # noqa: ANN001
    from lovebridge.app import main as lovebridge_main
    from lovebridge.core.privacy.switch import switch_lock_on

    paths = ctx.paths
    ctx.store.close()
    assert switch_lock_on(paths, {"a": "purple umbrella"}, lambda: FAST).error is None
    (paths.data / "keyslots.json").write_text('{"salt": ')
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": "purple umbrella")
    assert lovebridge_main(["--data-dir", str(paths.data), "check"]) == 1
    err = capsys.readouterr().err
    assert DAMAGED in err and "Traceback" not in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 400), junk=st.binary(max_size=20), at=st.integers(0, 400))
def test_any_mangled_key_file_is_refused_cleanly(tmp_path_factory, cut, junk, at) -> None:  # noqa: ANN001
    slots = made(tmp_path_factory.mktemp("keys"))
    data = slots.path.read_bytes()
    mangled = data[:at] + junk + data[at:]
    slots.path.write_bytes(mangled[: max(len(mangled) - cut, 0)])
    try:
        slots.unlock("purple umbrella")
    except Exception as exc:  # noqa: BLE001 - which kinds escape is the point
        assert type(exc).__name__ in ("DamagedKeyFileError", "WrongPassphraseError"), exc
