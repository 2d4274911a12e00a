"""End to end through a real Syncthing: two LoveBridge data folders, each with its own Syncthing
on loopback, share one folder. A calendar and a photo memory imported on one laptop through
LoveBridge's own command line are found on the other.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from lovebridge.store import open_store
from lovebridge.store.models import Memory, Photo, Plan
from tests.sync import syncthing

pytestmark = [pytest.mark.sync_real, pytest.mark.timeout(600),
              pytest.mark.skipif(not syncthing.available(), reason="syncthing is not installed")]

CALENDAR = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//LoveBridge test//EN\r
BEGIN:VEVENT\r
UID:lighthouse-walk@lovebridge.test\r
DTSTAMP:20261201T120000Z\r
DTSTART:20261212T150000Z\r
DTEND:20261212T170000Z\r
SUMMARY:Walk to the lighthouse\r
END:VEVENT\r
END:VCALENDAR\r
"""


def lovebridge(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "lovebridge", "--data-dir", str(data_dir),
                             *args], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def store_rows(data_dir: Path, query):
    store = open_store(data_dir / "lovebridge.db")
    try:
        with store.session_scope() as s:
            return s.execute(query).all()
    finally:
        store.close()


def test_a_calendar_and_a_photo_memory_cross_through_syncthing(tmp_path: Path) -> None:
    maya_st, jonah_st = syncthing.pair_instances(tmp_path)
    maya, jonah = tmp_path / "maya-data", tmp_path / "jonah-data"
    try:
        out = lovebridge(maya, "sync", "setup", "--folder", str(maya_st.folder), "--new",
                         "--name", "Maya's laptop").stdout
        code = out.strip().splitlines()[-1].removeprefix("Pairing code: ")
        # The pairing record and Maya's device folder travel to Jonah's copy of the folder.
        syncthing.wait_until(lambda: list(jonah_st.folder.rglob("*.lbs"))
                             and list(jonah_st.folder.rglob("device.lbd")), 120,
                             "Syncthing to carry the pairing to the other laptop")
        lovebridge(jonah, "sync", "setup", "--folder", str(jonah_st.folder), "--join", code,
                   "--name", "Jonah's laptop")

        calendar = tmp_path / "weekend.ics"
        calendar.write_bytes(CALENDAR)
        photo = tmp_path / "lighthouse.jpg"
        buffer = io.BytesIO()
        Image.new("RGB", (120, 80), "teal").save(buffer, "JPEG")
        photo.write_bytes(buffer.getvalue())
        lovebridge(maya, "dates", "import", str(calendar))
        lovebridge(maya, "scrapbook", "import", str(photo), "--title", "Lighthouse")
        lovebridge(maya, "sync", "now")

        started = time.monotonic()

        def arrived() -> bool:
            lovebridge(jonah, "sync", "now")
            plans = store_rows(jonah, select(Plan.title))
            memories = store_rows(jonah, select(Memory.title))
            return [p.title for p in plans] == ["Walk to the lighthouse"] and \
                [m.title for m in memories] == ["Lighthouse"]

        syncthing.wait_until(arrived, 180, "the plan and the memory on Jonah's laptop")
        print(f"arrived on the other laptop {time.monotonic() - started:.1f} s after sending")
        [(sha, ext)] = store_rows(jonah, select(Photo.sha256, Photo.extension))
        stored = next((jonah / "photos").rglob(f"{sha}.{ext}"))
        assert stored.read_bytes() == photo.read_bytes()
        status = lovebridge(jonah, "sync", "status").stdout
        assert "Maya's laptop" in status
        # Syncthing never saw two writers for one file.
        conflicts = [p for p in tmp_path.rglob("*") if "sync-conflict" in p.name]
        assert conflicts == []
    finally:
        for instance in (maya_st, jonah_st):
            syncthing.stop(instance)
