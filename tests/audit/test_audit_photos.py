"""Audit: imports take what they can, judge each file alone, and never decode a bomb.

Every hostile picture is made here with Pillow and a few bytes of hand-editing.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from sqlalchemy import func, select

from lovebridge.app import main as lovebridge_main
from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.store.models import Memory, Photo


def jpeg(colour: str = "red", size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def text_bomb_png() -> bytes:
    """A 20 KB PNG whose compressed text chunk unpacks to 20 MB (Pillow refuses it raw)."""
    info = PngInfo()
    info.add_text("Comment", "a" * (20 * 1024 * 1024), zip=True)
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def broken_apng() -> bytes:
    """A two-frame APNG whose frame-control chunk claims 3 bytes."""
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "red").save(
        buffer, "PNG", save_all=True, append_images=[Image.new("RGB", (10, 10), "blue")])
    data = bytearray(buffer.getvalue())
    at = data.find(b"fcTL") - 4
    data[at:at + 4] = struct.pack(">I", 3)
    return bytes(data)


def mpo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(
        buffer, format="MPO", save_all=True, append_images=[Image.new("RGB", (40, 30), "blue")])
    return buffer.getvalue()


def huge_png(side: int = 14000) -> bytes:
    """A small PNG (one grey colour, well compressed) declaring side x side pixels."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * side * 3
    raw = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(
        b"IEND", b"")


def huge_webp(width: int = 16383, height: int = 12000) -> bytes:
    """A lossless WebP of one colour whose header is made to declare 16383 x 12000 pixels.

    A one-colour lossless picture costs no bits per pixel, so the file stays tiny (44 bytes
    here; the audit's was 7.5 KB) while Pillow reads the header as a 196-megapixel picture.
    """
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(buffer, "WEBP", lossless=True, exact=True)
    data = bytearray(buffer.getvalue())
    assert data[12:16] == b"VP8L" and data[20] == 0x2F
    flags = struct.unpack("<I", data[21:25])[0] >> 28
    data[21:25] = struct.pack("<I", (width - 1) | ((height - 1) << 14) | (flags << 28))
    return bytes(data)


def photo_rows(ctx: AppContext) -> int:
    with ctx.store.session_scope() as session:
        return session.scalar(select(func.count()).select_from(Photo))


@pytest.mark.parametrize(("name", "make", "reason"), [
    ("bomb.png", text_bomb_png, "bomb.png is damaged and could not be read as a photo."),
    ("broken.png", broken_apng, "broken.png is damaged and could not be read as a photo."),
    ("empty.jpg", lambda: b"", "empty.jpg is empty (0 bytes)."),
])
def test_one_bad_file_is_refused_alone_and_the_others_import(
    ctx: AppContext, tmp_path: Path, name: str, make, reason: str  # noqa: ANN001
) -> None:
    files = [tmp_path / "a.jpg", tmp_path / name, tmp_path / "b.jpg"]
    files[0].write_bytes(jpeg("red"))
    files[1].write_bytes(make())
    files[2].write_bytes(jpeg("blue"))
    report = PhotoImporter(ctx).import_files(files)
    assert report.refused == [reason]
    assert len(report.photos) == 2
    assert photo_rows(ctx) == 2


def test_cli_saves_no_empty_memory_when_every_photo_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bomb.png"
    bad.write_bytes(text_bomb_png())
    data = tmp_path / "data"
    assert lovebridge_main(["--data-dir", str(data), "scrapbook", "import", str(bad),
                            "--title", "Nothing"]) == 1
    err = capsys.readouterr().err
    assert "no photo could be added, so no memory was saved" in err
    assert "Traceback" not in err
    from lovebridge.store import open_store

    store = open_store(data / "lovebridge.db")
    with store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Memory)) == 0
        assert session.scalar(select(func.count()).select_from(Photo)) == 0
    store.close()


def test_mpo_is_read_as_its_first_frame(ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "3ds.mpo.jpg"
    source.write_bytes(mpo())
    report = PhotoImporter(ctx).import_files([source])
    assert report.refused == []
    (photo,) = report.photos
    stored = ctx.media.read_bytes(photo.sha256, photo.extension)
    assert photo.extension == "jpg" and len(stored) < len(source.read_bytes())
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format in ("JPEG", "MPO") and image.size == (40, 30)
        assert image.convert("RGB").getpixel((20, 15))[1] > 100  # green, the first frame


def test_a_jpeg_padded_with_junk_is_stored_without_it(ctx: AppContext, tmp_path: Path) -> None:
    clean = jpeg("purple", (320, 240))
    padded = tmp_path / "padded.jpg"
    padded.write_bytes(clean + b"\xffJUNK" * (3 * 1024 * 1024 // 5))
    (photo,) = PhotoImporter(ctx).import_files([padded]).photos
    assert ctx.media.read_bytes(photo.sha256, photo.extension) == clean


def test_jpeg_end_is_found_through_progressive_scans_and_stuffed_bytes() -> None:
    for options in ({}, {"progressive": True}, {"progressive": True, "optimize": True}):
        buffer = io.BytesIO()
        Image.effect_noise((300, 200), 90).convert("RGB").save(buffer, "JPEG", **options)
        data = buffer.getvalue()
        assert images.jpeg_end(data + b"\x00" * 999 + b"\xff\xd9") == len(data)


DECODE_PROBE = """
import resource, sys
from pathlib import Path
from lovebridge.core.scrapbook import images
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    images.decode_scaled(data, 480)
    print("decoded", end=" ")
except images.PhotoRefusedError as exc:
    print("refused:", exc, end=" ")
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(f"grown_kb={grown}")
"""


@pytest.mark.parametrize(("name", "make", "pixels"), [
    ("big.webp", huge_webp, "16,383 x 12,000"),
    ("big.png", huge_png, "14,000 x 14,000"),
])
def test_small_files_claiming_huge_pictures_are_refused_before_decoding(
    tmp_path: Path, name: str, make, pixels: str  # noqa: ANN001
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    assert path.stat().st_size < 2_000_000
    result = subprocess.run([sys.executable, "-c", DECODE_PROBE, str(path)], capture_output=True,
                            text=True, timeout=120, check=True)
    text = result.stdout
    assert text.startswith("refused:") and pixels in text, text
    assert int(text.rsplit("grown_kb=", 1)[1]) < 200_000  # main: 1.6-3.1 GB
