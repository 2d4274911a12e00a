"""Reading photos safely with Pillow: checks from the header, scaled decoding, EXIF, thumbnails."""

from __future__ import annotations

import io
import logging
import math
import re
import struct
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

try:  # HEIC/HEIF photos (iPhones) when the well-kept pillow-heif plug-in is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF_SUPPORTED = True
except ImportError:  # pragma: no cover - declared as a dependency; a bare install still works
    HEIF_SUPPORTED = False

# A 48-megapixel phone photo is ~8000x6000 and a stitched panorama rarely passes 150 MP;
# anything bigger is refused before a single pixel is decoded.
MAX_PIXELS = 200_000_000
MAX_SIDE = 40_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# What decoding may take in memory (width x height x bytes per pixel, read from the header and
# after JPEG's scaled decode): a 48 MP photo needs 144 MB; a tiny WebP claiming 16383 x 12000
# would need 590 MB (and Pillow several times that), so it is refused before any decoding.
MAX_DECODE_BYTES = 320_000_000
# Errors Pillow's plug-ins raise on crafted or broken headers besides OSError.
BROKEN_FILE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, struct.error, IndexError,
                      KeyError, TypeError, ZeroDivisionError, OverflowError, MemoryError)

# MPO (3D cameras, Nintendo 3DS) is a JPEG followed by more frames: kept as its first frame.
ACCEPTED_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif",
                    "HEIF": "heic"}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".heic", ".heif"}
THUMBNAIL_SIDE = 480
THUMBNAIL_QUALITY = 86

EXIF_ORIENTATION = 0x0112
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003


class PhotoRefusedError(ValueError):
    """A file that cannot become a photo; the message is meant for the couple to read."""


@dataclass(frozen=True)
class PhotoInfo:
    """What a photo's header says: format, stored size, EXIF orientation and time."""

    extension: str
    width: int
    height: int
    orientation: int
    taken_at: datetime | None


def looks_like_photo(path: Path) -> bool:
    """True for file names a photo usually has (folders are scanned by suffix first)."""
    return path.suffix.lower() in PHOTO_SUFFIXES


def exif_orientation(image: Image.Image) -> int:
    try:
        value = int(image.getexif().get(EXIF_ORIENTATION, 1))
    except (TypeError, ValueError, OSError):
        return 1
    return value if 1 <= value <= 8 else 1


def exif_taken_at(image: Image.Image) -> datetime | None:
    """When the photo was taken (EXIF is local time without a zone: read it as this laptop's)."""
    try:
        exif = image.getexif()
        raw = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not raw:
        return None
    try:
        naive = datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return naive.astimezone()


# A photo to read: a file the user picked, or the bytes of one stored in the library (which
# may be encrypted at rest, so the library hands over bytes rather than a path).
PhotoSource = Path | bytes


def source_name(source: PhotoSource) -> str:
    """How a photo is named in messages: its file name, or plainly "This photo"."""
    return source.name if isinstance(source, Path) else "This photo"


def _open_checked(source: PhotoSource) -> Image.Image:
    """Open `source` reading only the header; refuse empty, unreadable and gigantic files."""
    name = source_name(source)
    try:
        size = source.stat().st_size if isinstance(source, Path) else len(source)
    except OSError as exc:
        reason = exc.strerror or "no access"
        raise PhotoRefusedError(f"{name} could not be read ({reason}).") from exc
    if size == 0:
        raise PhotoRefusedError(f"{name} is empty (0 bytes).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source if isinstance(source, Path) else io.BytesIO(source))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoRefusedError(f"{name} is far too large to open safely.") from exc
    except UnidentifiedImageError as exc:
        raise PhotoRefusedError(f"{name} is not a photo LoveBridge can read.") from exc
    except BROKEN_FILE_ERRORS as exc:  # a broken chunk, a compressed text bomb, a cut header
        raise PhotoRefusedError(f"{name} is damaged and could not be read as a photo.") from exc
    if image.format not in ACCEPTED_FORMATS:
        image.close()
        raise PhotoRefusedError(
            f"{name} is a {image.format or 'unknown'} image; LoveBridge keeps JPEG, PNG, WebP, "
            "GIF and HEIC photos."
        )
    width, height = image.size
    if width <= 0 or height <= 0 or width > MAX_SIDE or height > MAX_SIDE or (
        width * height > MAX_PIXELS
    ):
        image.close()
        raise PhotoRefusedError(
            f"{name} is far too large to open safely ({width:,} x {height:,} pixels)."
        )
    return image


def read_info(source: PhotoSource) -> PhotoInfo:
    """The header facts of a photo, without decoding its pixels."""
    with _open_checked(source) as image:
        return info_of(image, source_name(source))


def open_checked(source: PhotoSource) -> Image.Image:
    """The photo opened from its header only, checked as `read_info` checks it (refused with
    PhotoRefusedError when empty, unreadable, of another kind or gigantic); close it."""
    return _open_checked(source)


def info_of(image: Image.Image, name: str) -> PhotoInfo:
    """The header facts of an image opened by `open_checked`."""
    try:
        return PhotoInfo(
            ACCEPTED_FORMATS[image.format or "JPEG"],
            image.size[0],
            image.size[1],
            exif_orientation(image),
            exif_taken_at(image),
        )
    except BROKEN_FILE_ERRORS as exc:
        raise PhotoRefusedError(f"{name} is damaged and could not be read as a photo.") from exc


def decode_bytes(image: Image.Image) -> int:
    """Memory a decode of `image` at its current (maybe draft-reduced) size takes, in bytes.

    At least 3 bytes a pixel: palette and grey pictures are given real colour afterwards.
    """
    mode = image.mode
    depth = 2 if "16" in mode else 4 if mode in ("I", "F") else 1
    return image.width * image.height * max(len(image.getbands()) * depth, 3)


def check_decode_budget(image: Image.Image, name: str) -> None:
    needed = decode_bytes(image)
    if needed > MAX_DECODE_BYTES:
        raise PhotoRefusedError(
            f"{name} would need {needed / 1e6:,.0f} MB of memory to open "
            f"({image.width:,} x {image.height:,} pixels); LoveBridge opens photos needing up "
            f"to {MAX_DECODE_BYTES / 1e6:,.0f} MB.")


def jpeg_end(data: bytes) -> int | None:
    """Where the first JPEG image in `data` ends (just after its EOI marker), or None when no
    end is found: `jpeg_end_in_file` over the bytes."""
    return jpeg_end_in_file(io.BytesIO(data), len(data))


# In entropy-coded data a 0xFF is followed by 0x00 (a stuffed byte), a restart marker
# (0xD0-0xD7) or another 0xFF (fill); anything else is the marker that ends the scan.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def jpeg_end_in_file(handle: BinaryIO, size: int) -> int | None:
    """Where the first JPEG image in an open file of `size` bytes ends (just after its EOI
    marker; `size` when nothing follows it), or None when no end is found (a file cut short).

    Walks the marker segments and the entropy-coded data (skipping stuffed 0xFF00 bytes and
    restart markers), reading it in chunks (never the whole file), so a file padded with junk
    - or an MPO's further frames - can be cut.
    """
    handle.seek(0)
    if handle.read(2) != b"\xff\xd8":
        return None
    pos = 2
    while pos + 2 <= size:
        handle.seek(pos)
        head = handle.read(4)
        if len(head) < 2 or head[0] != 0xFF:
            return None
        marker = head[1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xD9:
            return pos + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if len(head) < 4:
            return None
        pos += 2 + int.from_bytes(head[2:4], "big")
        if marker == 0xDA:
            found = _scan_end_in_file(handle, pos)
            if found is None:
                return None
            pos = found
    return None


def _scan_end_in_file(handle: BinaryIO, pos: int) -> int | None:
    """Where the next real marker after entropy-coded data starting at `pos` is, or None."""
    handle.seek(pos)
    carried = b""  # the last byte of the chunk before: a marker may straddle two chunks
    while chunk := handle.read(SCAN_CHUNK):
        window = carried + chunk
        found = _SCAN_END.search(window)
        if found is not None:
            return pos - len(carried) + found.start()
        pos += len(chunk)
        carried = window[-1:]
    return None


SCAN_CHUNK = 256 * 1024


def without_trailing_data(data: bytes, info: PhotoInfo) -> bytes:
    """A JPEG (or MPO) cut at the end of its first image: no junk, no further frames kept."""
    if info.extension != "jpg":
        return data
    end = jpeg_end(data)
    return data[:end] if end is not None and end < len(data) else data


def decode_scaled(source: PhotoSource, longest_side: int) -> Image.Image:
    """Decode `source` no bigger than needed for `longest_side`, upright, in RGB.

    JPEGs are decoded at 1/2, 1/4 or 1/8 scale by libjpeg itself (`draft`), so a 12 MP photo
    never becomes 12 million pixels in memory when a thumbnail is wanted.
    """
    image = _open_checked(source)
    try:
        if image.format in ("JPEG", "MPO"):
            # Ask for the scaled shape, not a square: a square box makes the short side the
            # limit, so a 4000x3000 photo stopped at 1/4 scale when 1/8 covers a 480 px side.
            # The smallest scale that still covers the side: the DCT scaling averages each
            # block, so what is left for the resize below is a gentle step, not a big one.
            shrink = min(1.0, longest_side / max(image.size))
            image.draft("RGB", (math.ceil(image.width * shrink), math.ceil(image.height * shrink)))
        check_decode_budget(image, source_name(source))
        image.load()
        picture = fit_upright(image, longest_side, exif_orientation(image))
        return picture.copy() if picture is image else picture  # `image` is closed below
    except PhotoRefusedError:
        raise
    except (*BROKEN_FILE_ERRORS, Image.DecompressionBombError) as exc:
        raise PhotoRefusedError(
            f"{source_name(source)} is damaged or incomplete and could not be read.") from exc
    finally:
        image.close()


# EXIF orientation -> the turn that stands the picture upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def fit_upright(image: Image.Image, longest_side: int, orientation: int = 1) -> Image.Image:
    """A decoded image scaled to fit `longest_side`, then turned upright, in RGB.

    Scaling comes first so turning and flattening touch only the small picture. The resize
    is Lanczos with a `reducing_gap`: a big step is first shrunk by a cheap box reduction, then
    finished with Lanczos, which looks as good as Lanczos all the way at a fraction of its cost.
    """
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        # Palette and 1-bit images resize only with "nearest" (jagged); give them real colour.
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    width, height = image.size
    if max(width, height) > longest_side:
        scale = longest_side / max(width, height)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    turn = _UPRIGHT.get(orientation)
    if turn is not None:
        image = image.transpose(turn)
    if image.mode in ("RGBA", "LA"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def jpeg_bytes(picture: Image.Image, quality: int = 90) -> bytes:
    """`picture` as JPEG bytes (no EXIF: the pixels are already upright)."""
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def encoded_jpeg(source: PhotoSource, longest_side: int, quality: int = 90) -> bytes:
    """Upright JPEG bytes of `source` scaled to `longest_side` (viewer and print book)."""
    return jpeg_bytes(decode_scaled(source, longest_side), quality)


def upright_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Width and height as shown, once EXIF orientation 5..8 (quarter turns) is applied."""
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)
