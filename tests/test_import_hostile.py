"""Hostile exports: bombs, "../" names, links, damaged journals and photos, random archives."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lovebridge.core.importers import writer
from lovebridge.core.importers.archive import ArchiveError, ZipSource, new_staging
from lovebridge.core.importers.exports import plan_export
from lovebridge.core.scrapbook.service import MemoryService
from tests.export_samples import jpeg, takeout_sidecar
from tests.photo_kit import LISBON


def _tree(root: Path, skip: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if skip not in p.parents
            and p != skip}


def _zip(path: Path, members: dict[str, bytes], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    return path


def _journal(photo_md5s: list[str], text: object = "Hello") -> bytes:
    return json.dumps({"entries": [{
        "uuid": "A" * 32, "creationDate": "2024-07-14T10:00:00Z", "text": text,
        "photos": [{"md5": m, "type": "jpeg"} for m in photo_md5s]}]}).encode()


def test_a_zip_bomb_is_refused_without_unpacking_it(ctx, tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {
        "Journal.json": _journal(["b0mb"]),
        "photos/b0mb.jpeg": b"\0" * (40 * 1024 * 1024),  # 40 MB of zeros: ~40 KB packed
    })
    assert bomb.stat().st_size < 200_000
    plan = plan_export(ctx, bomb, new_staging(ctx.paths.data))
    reasons = {p.item: p.reason for p in plan.problems}
    assert reasons["photos/b0mb.jpeg"] == "unpacks to far more than its size (a ZIP bomb?)"
    assert "Day One entry of 14 July 2024" in reasons
    staged = [p for p in ctx.paths.data.joinpath("import-staging").rglob("*") if p.is_file()]
    assert staged == []


def test_names_leading_outside_and_links_are_never_followed(ctx, tmp_path: Path) -> None:
    photo = jpeg(5)
    before = _tree(tmp_path, ctx.paths.data)
    export = _zip(tmp_path / "evil.zip", {
        "Journal.json": _journal(["good", "evil"]),
        "photos/good.jpeg": photo,
        "../../photos/evil.jpeg": photo,
        "/tmp/escaped.json": b"{}",
        "photos/link.jpeg": b"/etc/passwd",
    }, links=("photos/link.jpeg",))
    plan = plan_export(ctx, export, new_staging(ctx.paths.data))
    reasons = {p.item: p.reason for p in plan.problems}
    assert reasons["../../photos/evil.jpeg"] == "points outside the export; not read"
    assert reasons["/tmp/escaped.json"] == "points outside the export; not read"
    assert reasons["photos/link.jpeg"] == "is a link, not a file; not read"
    writer.accept(ctx, plan)
    assert len(MemoryService(ctx).get(MemoryService(ctx).timeline(0, 1)[0].uuid).photos) == 1
    assert _tree(tmp_path, ctx.paths.data) == before | {"evil.zip"}
    assert not Path("/tmp/escaped.json").exists()


def test_damaged_journals_sidecars_and_photos_are_reported_one_by_one(ctx, tmp_path) -> None:
    journey = _zip(tmp_path / "journey.zip", {
        "1-a.json": b'{"id": "1-a", "date_journal": 1720950000000, "text": "Good day"',
        "2-b.json": json.dumps({"id": "2-b", "date_journal": "soon"}).encode(),
        "3-c.json": json.dumps({"id": "3-c", "date_journal": 1720950000000, "text": "Kept",
                                "photos": ["3-c.jpg", "gone.jpg"]}).encode(),
        "3-c.jpg": jpeg(9)[:900],
    })
    plan = plan_export(ctx, journey, new_staging(ctx.paths.data))
    reasons = [str(p) for p in plan.problems]
    assert "1-a.json: is not a readable Journey entry (damaged JSON or no date)" in reasons
    assert "2-b.json: is not a readable Journey entry (damaged JSON or no date)" in reasons
    assert any("gone.jpg) that is not in the export" in r for r in reasons)
    assert any(r.endswith("3-c.jpg: is damaged or incomplete and could not be read.")
               for r in reasons)
    assert [p.title for p in plan.proposals] == ["Kept"]

    takeout = _zip(tmp_path / "takeout.zip", {
        "Takeout/Google Photos/Photos from 2024/IMG_1.jpg": jpeg(1),
        "Takeout/Google Photos/Photos from 2024/IMG_1.jpg.json": b"{not json",
        "Takeout/Google Photos/Photos from 2024/IMG_2.jpg": jpeg(2),
        "Takeout/Google Photos/Photos from 2024/IMG_2.jpg.json": takeout_sidecar(
            "IMG_2.jpg", __import__("datetime").datetime(2024, 7, 14, 9), LISBON
        ).replace(b'"photoTakenTime": {"timestamp": "', b'"photoTakenTime": {"timestamp": "x'),
    })
    plan = plan_export(ctx, takeout, new_staging(ctx.paths.data))
    assert plan.photo_count == 2  # both photos kept, dated by their own EXIF or file
    reasons = [str(p) for p in plan.problems]
    assert any("IMG_1.jpg.json: is a damaged description file" in r for r in reasons)
    assert any("IMG_2.jpg: has a description file with a bad date" in r for r in reasons)


def test_header_sizes_that_lie_are_caught_while_reading(tmp_path: Path) -> None:
    path = _zip(tmp_path / "liar.zip", {"Journal.json": b"x" * 5000})
    data = bytearray(path.read_bytes())
    # Shrink the declared size in the central directory: the real stream is longer.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    source = ZipSource(path)
    with pytest.raises(ArchiveError):
        source.read_bytes("Journal.json")


# ---- random archives for each importer ---------------------------------------------------

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                   max_size=3),
    max_leaves=6,
)
_names = st.sampled_from(["a.jpg", "photos/x.jpeg", "../up.jpg", "/abs.jpg", "C:/win.jpg",
                          "dir/../../z.jpg", "ok/photo.png", "Journal.json", "1-a.json"])
_bytes = st.sampled_from([b"", b"\xff\xd8\xff", jpeg(3), jpeg(4)[:700], b"{}", b"\0" * 64])


def _entry_dayone(fields: dict) -> bytes:
    entry = {"uuid": "U1", "creationDate": "2024-01-02T03:04:05Z", **fields}
    return json.dumps({"entries": [entry]}, default=str).encode()


def _entry_journey(fields: dict) -> bytes:
    return json.dumps({"id": "1-a", "date_journal": 1704164645000, **fields},
                      default=str).encode()


def _entry_takeout(fields: dict) -> bytes:
    return json.dumps({"title": "a.jpg", **fields}, default=str).encode()


KINDS = {
    "dayone": ("Journal.json", _entry_dayone,
               ["text", "creationDate", "timeZone", "location", "tags", "photos", "starred"]),
    "journey": ("1-a.json", _entry_journey,
                ["text", "date_journal", "timezone", "lat", "lon", "tags", "photos", "type"]),
    "takeout": ("Takeout/Google Photos/x/a.jpg.json", _entry_takeout,
                ["photoTakenTime", "geoData", "description", "title"]),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")  # two members of one name: hostile too
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_random_archives_never_break_the_library(ctx, tmp_path_factory, kind) -> None:
    entry_name, make_entry, field_names = KINDS[kind]

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(fields=st.dictionaries(st.sampled_from(field_names), _values, max_size=4),
           extra=st.dictionaries(_names, _bytes, max_size=4))
    def check(fields: dict, extra: dict) -> None:
        folder = tmp_path_factory.mktemp("random")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(entry_name, make_entry(fields))
            if kind == "takeout":
                archive.writestr("Takeout/Google Photos/x/a.jpg", jpeg(6))
            for name, data in extra.items():
                archive.writestr(name, data)
        export = folder / "export.zip"
        export.write_bytes(buffer.getvalue())
        before = _tree(folder, ctx.paths.data)
        try:
            plan = plan_export(ctx, export, new_staging(ctx.paths.data))
        except ArchiveError:
            return
        writer.accept(ctx, plan)
        assert _tree(folder, ctx.paths.data) == before
        assert ctx.store.integrity_problems() == []

    check()
