"""Audit: real pictures inside the pixel limit that would still exhaust memory are refused by
the decode budget (bytes) before any large allocation, and junk after a JPEG's end is never
read into memory nor stored.

The pictures are real encodings, not edited headers: the WebP was made once by libwebp (see
fixtures/README.md), the PNG is deflated here row by row and checked whole by inflating it
back in a stream, the JPEG's 300 MB of junk is a sparse file that takes no disk.
Each decode runs in a fresh interpreter, so its peak memory (ru_maxrss) is its own.
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

from lovebridge.core.scrapbook import images

FIXTURES = Path(__file__).parent / "fixtures"
WEBP = FIXTURES / "solid-16383x12000.webp"
SIDE = 14_000
MB = 1024  # ru_maxrss is in kB on Linux

PROBE = """
import resource, sys
from pathlib import Path
from lovebridge.core.scrapbook import images
path = Path(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    images.decode_scaled(path, 480)
    print("decoded", end=" ")
except images.PhotoRefusedError as exc:
    print("refused:", exc, end=" ")
print(f"grown_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before}")
"""

IMPORT_PROBE = """
import resource, sys
from pathlib import Path
from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
paths = resolve_paths(Path(sys.argv[2])).ensure()
ctx = AppContext(paths=paths, store=open_store(paths.database))
PhotoImporter(ctx).import_files([Path(sys.argv[3])])  # warms every import path up
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = PhotoImporter(ctx).import_files([Path(sys.argv[1])])
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
photo = report.photos[0]
Path(sys.argv[4]).write_bytes(ctx.media.read_bytes(photo.sha256, photo.extension))
ctx.store.close()
print(f"refused={len(report.refused)} grown_kb={grown}")
"""


def probe(script: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def grown_kb(text: str) -> int:
    return int(text.rsplit("grown_kb=", 1)[1])


def real_png(path: Path, side: int = SIDE) -> Path:
    """A whole side x side RGB PNG of one grey, deflated row by row (a few hundred kB)."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * side * 3
    with path.open("wb") as out:
        def chunk(kind: bytes, body: bytes) -> None:
            out.write(struct.pack(">I", len(body)) + kind + body
                      + struct.pack(">I", zlib.crc32(kind + body)))

        out.write(b"\x89PNG\r\n\x1a\n")
        chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
        chunk(b"IDAT", b"".join(packer.compress(row) for _ in range(side)) + packer.flush())
        chunk(b"IEND", b"")
    return path


def png_is_whole(path: Path, side: int) -> bool:
    """Inflate the IDAT back in a stream: exactly side rows of 1 + 3*side bytes, all grey."""
    data = path.read_bytes()
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8:start - 4])[0]
    inflater = zlib.decompressobj()
    total, view = 0, memoryview(data[start:start + length])
    for offset in range(0, len(view), 65536):
        piece = inflater.decompress(view[offset:offset + 65536], 1 << 22)
        while piece:
            total += len(piece)
            if piece.strip(b"\x00\x80"):
                return False
            piece = inflater.decompress(inflater.unconsumed_tail, 1 << 22)
    return inflater.eof and total == side * (1 + 3 * side)


def test_the_webp_fixture_is_a_real_196_megapixel_encoding() -> None:
    data = WEBP.read_bytes()
    assert data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8L" and len(data) < 10_000
    bits = struct.unpack("<I", data[21:25])[0]  # the VP8L header, as libwebp wrote it
    assert ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1) == (16383, 12000)
    with Image.open(WEBP) as image:  # the header only: nothing is decoded here
        assert (image.format, image.size) == ("WEBP", (16383, 12000))


def test_a_real_16383_by_12000_webp_is_refused_by_the_byte_budget() -> None:
    text = probe(PROBE, str(WEBP))
    # 196,596,000 pixels is inside the 200 MP pixel cap: the byte budget is what refuses it.
    assert images.MAX_PIXELS > 16383 * 12000
    assert text.startswith("refused:") and "16,383 x 12,000 pixels" in text, text
    assert "MB of memory to open" in text
    assert grown_kb(text) < 48 * MB  # the audit measured 3.1 GB


def test_a_real_14000_square_png_is_refused_by_the_byte_budget(tmp_path: Path) -> None:
    png = real_png(tmp_path / "grey.png")
    assert 100_000 < png.stat().st_size < 2_000_000
    assert png_is_whole(png, SIDE)
    text = probe(PROBE, str(png))
    assert text.startswith("refused:") and "14,000 x 14,000 pixels" in text, text
    assert "MB of memory to open" in text
    assert grown_kb(text) < 48 * MB  # the audit measured 1.6 GB


def test_a_jpeg_with_300_mb_of_trailing_junk_is_cut_without_reading_the_junk(
        tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 80).convert("RGB").save(buffer, "JPEG", quality=90)
    clean = buffer.getvalue()
    padded = tmp_path / "padded.jpg"
    with padded.open("wb") as out:  # sparse: 300 MB long, hardly any of it on the disk
        out.write(clean)
        out.seek(300 * 1024 * 1024 - 5)
        out.write(b"\xffJUNK")
    warm = tmp_path / "warm.jpg"
    Image.new("RGB", (32, 32), "red").save(warm, "JPEG")
    try:
        assert padded.stat().st_size > 300_000_000
        stored = tmp_path / "stored.jpg"
        text = probe(IMPORT_PROBE, str(padded), str(tmp_path / "lib"), str(warm), str(stored))
    finally:
        padded.unlink()
    assert text.startswith("refused=0"), text
    assert stored.read_bytes() == clean  # not one byte of the junk is kept
    assert grown_kb(text) < 64 * MB, text  # main read all 300 MB in (and more)


@pytest.mark.slow
def test_plain_pillow_really_decodes_the_webp_fixture_to_196_megapixels() -> None:
    """What the budget saves: without it the fixture decodes, whole, into ~800 MB."""
    script = """
import resource, sys
from PIL import Image
Image.MAX_IMAGE_PIXELS = None
with Image.open(sys.argv[1]) as image:
    image.load()
    print(image.size, image.getextrema(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    text = probe(script, str(WEBP))
    size, rest = text.split(") ", 1)
    assert size == "(16383, 12000"
    assert rest.startswith("((200, 200), (120, 120), (90, 90))"), text
    assert int(rest.rsplit(" ", 1)[1]) > 500 * MB
