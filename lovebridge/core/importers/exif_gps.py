"""GPS position from a photo's EXIF, read with Pillow from the header only."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image

GPS_IFD = 0x8825
GPS_LATITUDE_REF, GPS_LATITUDE, GPS_LONGITUDE_REF, GPS_LONGITUDE = 1, 2, 3, 4


def _degrees(value: Sequence[object]) -> float | None:
    try:
        d, m, s = (float(part) for part in value)  # IFDRational or plain numbers
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    total = d + m / 60 + s / 3600
    return total if math.isfinite(total) else None


def gps_position(image: Image.Image) -> tuple[float, float] | None:
    """(latitude, longitude) in decimal degrees, or None when missing or nonsensical."""
    try:
        gps = image.getexif().get_ifd(GPS_IFD)
    except (OSError, ValueError, TypeError, KeyError, SyntaxError):
        return None
    if not gps:
        return None
    lat = _degrees(gps.get(GPS_LATITUDE) or ())
    lon = _degrees(gps.get(GPS_LONGITUDE) or ())
    if lat is None or lon is None:
        return None
    if str(gps.get(GPS_LATITUDE_REF, "N")).strip("\x00 ").upper().startswith("S"):
        lat = -lat
    if str(gps.get(GPS_LONGITUDE_REF, "E")).strip("\x00 ").upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None  # (0, 0) is what a camera without a fix writes
    return lat, lon


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
