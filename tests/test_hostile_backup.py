"""Hostile and damaged archives are refused clearly, write nothing, and never crash restore."""

from __future__ import annotations

import io
import json
import shutil
import stat
import warnings
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lovebridge.core.backup import BackupRefusedError, create_backup, restore_backup
from lovebridge.core.backup import validate as validate_module
from lovebridge.store import open_store
from tests.crash.library import dump, folder_state, photo_tree, populate

Member = namedtuple("Member", "name data attr")


@pytest.fixture
def valid_archive(ctx, tmp_path: Path):
    """A small, valid backup, and the library it came from (store closed afterwards)."""
    populate(ctx, notes=3, memories=1, photos_per_memory=2, photo_size=1500)
    path = create_backup(ctx.store, ctx.paths, tmp_path / "valid.lovebridge", now=ctx.now()).path
    expected = (dump(ctx.store), photo_tree(ctx.paths.photos))
    ctx.store.close()
    return path, expected


def members_of(path: Path) -> list[Member]:
    with zipfile.ZipFile(path) as archive:
        return [Member(i.filename, archive.read(i), i.external_attr) for i in archive.infolist()]


def write_zip(members: list[Member], target: Path, *, flag_bits: int = 0) -> Path:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are the point here
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = member.attr
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.data)
    data = bytearray(buffer.getvalue())
    if flag_bits:  # set the 'encrypted' flag on every local and central header
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = 0
            while (found := data.find(signature, start)) != -1:
                data[found + offset] |= flag_bits
                start = found + 4
    target.write_bytes(bytes(data))
    return target


def with_manifest(members: list[Member], change) -> list[Member]:  # noqa: ANN001
    out = []
    for member in members:
        if member.name == "manifest.json":
            manifest = json.loads(member.data)
            change(manifest)
            member = member._replace(data=json.dumps(manifest).encode())
        out.append(member)
    return out


def assert_refused(archive: Path, paths, match: str) -> None:
    before = folder_state(paths.data)
    outside_before = sorted(p.name for p in paths.data.parent.iterdir())
    with pytest.raises(BackupRefusedError, match=match):
        restore_backup(archive, paths, None, now=None)
    assert folder_state(paths.data) == before
    assert sorted(p.name for p in paths.data.parent.iterdir()) == outside_before
    assert not list(paths.data.glob(".restore-*"))


def rename(members, index, new):  # noqa: ANN001, ANN201
    return [m._replace(name=new) if i == index else m for i, m in enumerate(members)]


SYMLINK_ATTR = (stat.S_IFLNK | 0o777) << 16


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda m: rename(m, 1, "../escaped.jpg"), "outside the backup"),
        (lambda m: rename(m, 1, "photos/../../escaped.jpg"), "outside the backup"),
        (lambda m: rename(m, 1, "/tmp/absolute.jpg"), "absolute path"),
        (lambda m: rename(m, 1, "C:\\Windows\\evil.jpg"), "backslash|absolute"),
        (lambda m: rename(m, 1, "C:evil.jpg"), "absolute path"),
        (lambda m: rename(m, 1, "photos\\ab\\x.jpg"), "backslash"),
        (lambda m: [m[0]._replace(attr=SYMLINK_ATTR), *m[1:]], "link"),
        (lambda m: [*m, m[1]], "same file twice"),
        (lambda m: [*m, Member("notes.txt", b"hi", 0)], "unexpected member"),
        (lambda m: [*m, Member("photos/zz/extra.jpg", b"hi", 0)], "unexpected files"),
        (lambda m: [x for x in m if x.name != "manifest.json"], "no table of contents"),
        (lambda m: [x for x in m if not x.name.startswith("photos/")][:1] + m[2:],
         "incomplete|unexpected"),
        (lambda m: [x._replace(data=b"{nope") if x.name == "manifest.json" else x for x in m],
         "not readable"),
        (lambda m: with_manifest(m, lambda d: d.update(schema_revision="9999_future")),
         "newer version"),
        (lambda m: with_manifest(m, lambda d: d.update(format_version=99)), "newer version"),
        (lambda m: with_manifest(m, lambda d: d["members"]["lovebridge.db"].update(
            sha256="0" * 64)), "checksum"),
        (lambda m: with_manifest(m, lambda d: d["counts"].update(message=99)), "row counts"),
        # The last byte flipped (set to a fixed value, it may already have been that value).
        (lambda m: [x._replace(data=x.data[:-1] + bytes([x.data[-1] ^ 0xFF]))
                    if x.name == "lovebridge.db" else x for x in m], "wrong size|checksum"),
    ],
)
def test_hostile_archives_are_refused_and_write_nothing(valid_archive, paths, tmp_path,
                                                        mutate, match) -> None:
    archive, _expected = valid_archive
    hostile = write_zip(mutate(members_of(archive)), tmp_path / "hostile.lovebridge")
    assert_refused(hostile, paths, match)
    assert not (tmp_path / "escaped.jpg").exists() and not Path("/tmp/absolute.jpg").exists()


def test_password_protected_members_are_refused(valid_archive, paths, tmp_path) -> None:
    archive, _ = valid_archive
    hostile = write_zip(members_of(archive), tmp_path / "locked.lovebridge", flag_bits=0x1)
    assert_refused(hostile, paths, "password")


def test_compression_bombs_are_refused(valid_archive, paths, tmp_path) -> None:
    archive, _ = valid_archive
    members = members_of(archive)
    bomb = Member("photos/ab/" + "a" * 64 + ".jpg", bytes(64 * 1024 * 1024), 0)
    hostile = write_zip([*members, bomb], tmp_path / "bomb.lovebridge")
    assert_refused(hostile, paths, "absurd size")


def test_too_many_members_are_refused(valid_archive, paths, tmp_path) -> None:
    archive, _ = valid_archive
    target = tmp_path / "many.lovebridge"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for index in range(validate_module.MAX_MEMBERS + 1):
            out.writestr(f"photos/{index % 256:02x}/{index}.jpg", b"")
    assert_refused(target, paths, "more than LoveBridge ever writes")


def test_an_archive_bigger_than_the_free_space_is_refused(valid_archive, paths, monkeypatch):
    archive, _ = valid_archive
    usage = shutil.disk_usage(paths.data)
    monkeypatch.setattr(validate_module.shutil, "disk_usage",
                        lambda _p: usage._replace(free=10_000))
    assert_refused(archive, paths, "not enough free disk space")


def test_not_a_zip_and_empty_files_are_refused(paths, tmp_path) -> None:
    samples = (("empty", b""), ("text", b"hello" * 100), ("pk", b"PK\x05\x06" + b"\0" * 18))
    for name, data in samples:
        target = tmp_path / f"{name}.lovebridge"
        target.write_bytes(data)
        assert_refused(target, paths, "not a LoveBridge backup")


HOSTILE_NAMES = st.sampled_from([
    "../x.jpg", "/etc/x", "C:\\x", "photos\\a", "photos/./a", "photos//a", "", "manifest.json",
    "lovebridge.db", "photos/ab/\x00.jpg", "photos/" + "a" * 300, "photos/ab/ok.jpg",
])
MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(0, 7)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9)),
    st.tuples(st.just("rename"), st.integers(0, 50),
              st.one_of(HOSTILE_NAMES, st.text(max_size=20))),
    st.tuples(st.just("duplicate"), st.integers(0, 50)),
    st.tuples(st.just("symlink"), st.integers(0, 50)),
)


def apply_mutations(original: list[Member], mutations, target: Path) -> Path:  # noqa: ANN001
    members = list(original)
    structural = [m for m in mutations if m[0] in ("rename", "duplicate", "symlink")]
    for kind, index, *rest in structural:
        index %= len(members)
        if kind == "rename":
            members[index] = members[index]._replace(name=rest[0])
        elif kind == "duplicate":
            members.append(members[index])
        else:
            members[index] = members[index]._replace(attr=SYMLINK_ATTR)
    try:
        write_zip(members, target)
    except (ValueError, UnicodeError):  # zipfile itself will not write some names
        write_zip(original, target)
    data = bytearray(target.read_bytes())
    for mutation in mutations:
        if mutation[0] == "flip" and data:
            data[mutation[1] % len(data)] ^= 1 << mutation[2]
        elif mutation[0] == "truncate":
            del data[mutation[1] % (len(data) + 1):]
    target.write_bytes(bytes(data))
    return target


@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_fuzzed_archives_restore_identically_or_are_refused(valid_archive, paths, tmp_path,
                                                           mutations) -> None:
    archive, (expected_rows, expected_photos) = valid_archive
    pristine = tmp_path / "pristine"
    if not pristine.exists():
        shutil.copytree(paths.data, pristine)
    mutated = apply_mutations(members_of(archive), mutations, tmp_path / "fuzzed.lovebridge")
    before = folder_state(paths.data)
    try:
        restore_backup(mutated, paths, None, now=None)
    except BackupRefusedError as refusal:
        assert str(refusal)  # a sentence for the person, never an empty message
        assert folder_state(paths.data) == before
        assert not list(paths.data.glob(".restore-*"))
        return
    store = open_store(paths.database)
    try:
        assert dump(store) == expected_rows
    finally:
        store.close()
    assert photo_tree(paths.photos) == expected_photos
    shutil.rmtree(paths.data)
    shutil.copytree(pristine, paths.data)
