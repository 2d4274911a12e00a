"""Small exports written the way each product documents them: Takeout, Day One, Journey."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.photo_kit import LISBON, PARIS, scene


def jpeg(seed: int, exif_time: datetime | None = None) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    exif = Image.Exif()
    if exif_time is not None:
        exif.get_ifd(0x8769)[0x9003] = exif_time.strftime("%Y:%m:%d %H:%M:%S")
    scene(seed).save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def _stamp(moment: datetime) -> dict:
    return {"timestamp": str(int(moment.timestamp())), "formatted": moment.strftime("%b %d")}


def takeout_sidecar(title: str, taken: datetime, where: tuple[float, float] | None,
                    description: str = "") -> bytes:
    geo = {"latitude": where[0], "longitude": where[1], "altitude": 12.0,
           "latitudeSpan": 0.0, "longitudeSpan": 0.0} if where else {
        "latitude": 0.0, "longitude": 0.0, "altitude": 0.0, "latitudeSpan": 0.0,
        "longitudeSpan": 0.0}
    return json.dumps({
        "title": title, "description": description, "imageViews": "3",
        "creationTime": _stamp(taken), "photoTakenTime": _stamp(taken), "geoData": geo,
        "geoDataExif": geo, "people": [{"name": "Jonah"}],
        "url": "https://photos.google.com/photo/AF1Qip",
        "googlePhotosOrigin": {"mobileUpload": {"deviceType": "ANDROID_PHONE"}},
    }).encode()


def write_takeout(path: Path) -> Path:
    """Two days: a Sunday in Lisbon (also in an album) and a Sunday in Paris."""
    root = "Takeout/Google Photos/"
    year = root + "Photos from 2024/"
    album = root + "Lisbon weekend/"
    lisbon = datetime(2024, 7, 14, 10, 0, tzinfo=UTC)
    paris = datetime(2024, 9, 1, 14, 0, tzinfo=UTC)
    long_name = "PXL_20240901_140500123.NIGHT.EXTRA.LONG.NAME.jpg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(year + "IMG_0001.jpg", jpeg(1))
        archive.writestr(year + "IMG_0001.jpg.supplemental-metadata.json",
                         takeout_sidecar("IMG_0001.jpg", lisbon, LISBON, "Custard tarts!"))
        archive.writestr(year + "IMG_0002.jpg", jpeg(2))
        archive.writestr(year + "IMG_0002.jpg.json", takeout_sidecar(
            "IMG_0002.jpg", lisbon.replace(hour=12), LISBON))
        archive.writestr(year + long_name, jpeg(3))
        archive.writestr(year + long_name[:46] + ".json",  # Takeout cut the name short
                         takeout_sidecar(long_name, paris, PARIS, "Lights on the tower"))
        archive.writestr(year + "VID_0004.mp4", b"\x00\x00\x00\x18ftypmp42")
        archive.writestr(album + "metadata.json", json.dumps({"title": "Lisbon weekend"}))
        archive.writestr(album + "IMG_0001.jpg", jpeg(1))
        archive.writestr(album + "IMG_0001.jpg.supplemental-metadata.json",
                         takeout_sidecar("IMG_0001.jpg", lisbon, LISBON, "Custard tarts!"))
        archive.writestr(root + "archive_browser.html", "<html></html>")
    return path


def write_dayone(path: Path) -> Path:
    """Journal.json with two entries (one with a photo and a place) and photos/<md5>.jpeg."""
    photo = jpeg(11)
    md5 = hashlib.md5(photo).hexdigest()
    journal = {"metadata": {"version": "1.0"}, "entries": [
        {
            "uuid": "6F1B4C2D9E8A4B7C8D9E0F1A2B3C4D5E",
            "creationDate": "2024-07-14T18:30:00Z", "modifiedDate": "2024-07-15T08:00:00Z",
            "timeZone": "Europe/Lisbon", "starred": True,
            "text": "# Dinner by the river\n\nWe shared grilled sardines\\. It rained\\!\n\n"
                    "![](dayone-moment://A1B2C3D4E5F6)",
            "tags": ["travel", "us two"],
            "location": {"localityName": "Lisbon", "country": "Portugal",
                         "placeName": "Cais do Sodré", "administrativeArea": "Lisboa",
                         "latitude": LISBON[0], "longitude": LISBON[1]},
            "weather": {"temperatureCelsius": 24, "conditionsDescription": "Clear"},
            "photos": [{"identifier": "A1B2C3D4E5F6", "md5": md5, "type": "jpeg",
                        "width": 320, "height": 240, "orderInEntry": 0}],
        },
        {
            "uuid": "0A0B0C0D0E0F40418283848586878889",
            "creationDate": "2024-12-24T21:00:00Z", "timeZone": "Europe/Paris",
            "text": "Christmas Eve at home, the two of us and a very small tree.",
            "tags": [], "starred": False,
        },
    ]}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps(journal, indent=2))
        archive.writestr(f"photos/{md5}.jpeg", photo)
    return path


def write_journey(path: Path) -> Path:
    """Two entries as <id>.json, each naming its photo files."""
    first_ms = int(datetime(2024, 9, 1, 17, 0, tzinfo=UTC).timestamp() * 1000)
    second_ms = int(datetime(2025, 2, 14, 20, 0, tzinfo=UTC).timestamp() * 1000)
    first = {
        "id": f"{first_ms}-3f9a2b1c", "date_journal": first_ms, "date_modified": first_ms,
        "timezone": "Europe/Paris", "type": "html",
        "text": "<p>Picnic on the Champ de Mars</p><p>Baguette, cheese &amp; far too many "
                "grapes.</p>",
        "preview_text": "Picnic on the Champ de Mars", "lat": PARIS[0], "lon": PARIS[1],
        "address": "Champ de Mars, Paris", "tags": ["picnic"], "favourite": True,
        "photos": [f"{first_ms}-3f9a2b1c-0.jpg"], "music_title": "La Vie en rose",
        "music_artist": "Édith Piaf", "mood": 1, "weather": {"degree_c": 22},
    }
    second = {
        "id": f"{second_ms}-77aa", "date_journal": second_ms, "timezone": "Europe/London",
        "type": "markdown", "text": "Valentine's soup\nTomato soup by candlelight.",
        "lat": 1.7976931348623157e308, "lon": 1.7976931348623157e308, "address": "",
        "tags": [], "favourite": False, "photos": [],
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{first['id']}.json", json.dumps(first))
        archive.writestr(f"{first_ms}-3f9a2b1c-0.jpg", jpeg(21))
        archive.writestr(f"{second['id']}.json", json.dumps(second))
    return path
