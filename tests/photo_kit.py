"""Camera-like test photos: JPEGs with real EXIF taken times and GPS positions of real cities."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational

LISBON = (38.7107, -9.1366)  # Baixa
SINTRA = (38.7976, -9.3904)  # the palace
PARIS = (48.8584, 2.2945)  # the Eiffel Tower


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 100)


def scene(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A picture unlike any other seed's: coloured blocks and lines in random places."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(20, size[0] // 2), rng.randrange(20, size[1] // 2)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def camera_jpeg(path: Path, taken: datetime | None, where: tuple[float, float] | None = None,
                seed: int = 0, image: Image.Image | None = None,
                size: tuple[int, int] = (320, 240)) -> Path:
    """Write a JPEG as a phone would: EXIF DateTimeOriginal and GPS latitude/longitude."""
    picture = image if image is not None else scene(seed, size)
    exif = Image.Exif()
    exif[0x010F] = "LoveBridge Test Camera"
    if taken is not None:
        stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x0132] = stamp
        exif.get_ifd(0x8769)[0x9003] = stamp
    if where is not None:
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if where[0] >= 0 else "S"
        gps[2] = _dms(where[0])
        gps[3] = "E" if where[1] >= 0 else "W"
        gps[4] = _dms(where[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, "JPEG", quality=85, exif=exif)
    return path


def burst_of(seed: int, shift: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """The same scene a moment later: the camera moved a few pixels."""
    base = scene(seed, (size[0] + 10, size[1] + 10))
    return base.crop((shift, shift, shift + size[0], shift + size[1]))
