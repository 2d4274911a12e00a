"""Privacy building blocks: key slots, file encryption and database conversion (no UI yet)."""

import pytest
from sqlalchemy import select

from lovebridge.core.privacy.database import export_database, is_plain_sqlite, opens_with
from lovebridge.core.privacy.keyslots import (
    RECOVERY_SLOT,
    KdfParams,
    KeySlots,
    WrongPassphraseError,
    subkey,
)
from lovebridge.store import WrongKeyError, open_store
from lovebridge.store.file_cipher import (
    TamperedFileError,
    decrypt_bytes,
    encrypt_bytes,
)
from lovebridge.store.models import Message

# Cheap Argon2id settings keep the tests fast; the real cost is set by `calibrate()`.
FAST = KdfParams(time_cost=1, memory_cost_kib=8192, parallelism=1)


def test_each_partner_and_the_recovery_code_open_the_same_key(tmp_path) -> None:
    slots = KeySlots(tmp_path)
    data_key, code = slots.create({"a": "lemon tree by the door", "b": "Jonah's own words"}, FAST)
    assert slots.unlock("lemon tree by the door") == (data_key, "a")
    assert slots.unlock("Jonah's own words") == (data_key, "b")
    assert slots.unlock(code) == (data_key, RECOVERY_SLOT)
    assert slots.unlock(code.lower().replace("-", " ")) == (data_key, RECOVERY_SLOT)
    with pytest.raises(WrongPassphraseError):
        slots.unlock("lemon tree by the doo")


def test_key_file_never_holds_the_key_or_passphrase(tmp_path) -> None:
    slots = KeySlots(tmp_path)
    data_key, code = slots.create({"a": "lemon tree by the door"}, FAST)
    raw = slots.path.read_bytes()
    assert data_key not in raw and data_key.hex().encode() not in raw
    assert b"lemon tree" not in raw and code.encode() not in raw


def test_changing_and_removing_a_passphrase_keeps_the_data_key(tmp_path) -> None:
    slots = KeySlots(tmp_path)
    data_key, _code = slots.create({"a": "first words", "b": "second words"}, FAST)
    slots.set_passphrase(data_key, "a", "new first words")
    assert slots.unlock("new first words") == (data_key, "a")
    with pytest.raises(WrongPassphraseError):
        slots.unlock("first words")
    slots.remove_passphrase("b")
    with pytest.raises(WrongPassphraseError):
        slots.unlock("second words")
    with pytest.raises(ValueError, match="must remain"):
        slots.remove_passphrase("a")


def test_file_cipher_detects_a_flipped_byte_and_a_swapped_identity() -> None:
    key = subkey(b"k" * 32, "files")
    blob = encrypt_bytes(key, "photo/abc.jpg", b"\xff\xd8 a photo of the lake")
    assert b"lake" not in blob
    assert decrypt_bytes(key, "photo/abc.jpg", blob) == b"\xff\xd8 a photo of the lake"
    flipped = bytearray(blob)
    flipped[-5] ^= 0x01
    with pytest.raises(TamperedFileError, match="damaged or was altered"):
        decrypt_bytes(key, "photo/abc.jpg", bytes(flipped))
    with pytest.raises(TamperedFileError):
        decrypt_bytes(key, "photo/other.jpg", blob)


def test_database_round_trips_plain_to_encrypted_and_back(tmp_path) -> None:
    plain = tmp_path / "plain.db"
    store = open_store(plain)
    with store.session_scope() as session:
        session.add(Message(body_text="the secret soup recipe"))
    store.close()

    key = subkey(b"k" * 32, "database")
    encrypted = tmp_path / "encrypted.db"
    export_database(plain, None, encrypted, key)
    assert not is_plain_sqlite(encrypted)
    assert b"secret soup" not in encrypted.read_bytes()
    assert opens_with(encrypted, key) and not opens_with(encrypted, None)
    with pytest.raises(WrongKeyError):
        open_store(encrypted, subkey(b"x" * 32, "database"))
    reopened = open_store(encrypted, key)
    with reopened.session_scope() as session:
        assert session.scalars(select(Message.body_text)).one() == "the secret soup recipe"
    reopened.close()

    back = tmp_path / "back.db"
    export_database(encrypted, key, back, None)
    assert is_plain_sqlite(back) and opens_with(back, None)
