"""Audit: nothing plain on disk that should not be - pasted pictures, crash leftovers, modes."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from lovebridge.core.opening import open_library
from lovebridge.core.scrapbook.photo_import import PhotoImporter
from lovebridge.paths import Paths
from lovebridge.store import media as media_module
from tests.test_scrapbook_core import make_photo
from tests.test_scrapbook_ui import WAIT, open_scrapbook


def plain_pictures(paths: Paths) -> list[Path]:
    """Files outside the photo library that start like a PNG or JPEG."""
    found = []
    for root in (paths.data, paths.cache):
        for path in root.rglob("*"):
            if not path.is_file() or paths.photos in path.parents:
                continue
            picture = path.read_bytes()[:4].startswith((b"\x89PNG", b"\xff\xd8\xff"))
            if picture and "thumbnails" not in path.parts:
                found.append(path)
    return found


def test_a_pasted_picture_is_never_written_as_a_plain_file(
        qtbot, main_window, monkeypatch) -> None:  # noqa: ANN001
    seen: list[list[Path]] = []
    original = media_module.MediaStore.add_bytes

    def watching(self, data, extension):  # noqa: ANN001, ANN202
        seen.append(plain_pictures(main_window.ctx.paths))  # while the import runs
        return original(self, data, extension)

    monkeypatch.setattr(media_module.MediaStore, "add_bytes", watching)
    room = open_scrapbook(main_window)
    qtbot.mouseClick(room.home.new_button, Qt.MouseButton.LeftButton)
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(picture)
    room.editor.photo_strip.setFocus()
    with qtbot.waitSignal(room.import_finished, timeout=WAIT):
        qtbot.keyClick(room.editor.photo_strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert room.editor.photo_strip.count() == 1
    assert seen == [[]]  # main: cache/pasted/pasted-*.png, 0644, while the import ran
    assert not (main_window.ctx.paths.cache / "pasted").exists()


def test_start_up_sweeps_what_a_crash_left_readable(paths: Paths) -> None:
    pasted = paths.cache / "pasted"
    pasted.mkdir(parents=True)
    (pasted / "pasted-20261123-183000.png").write_bytes(b"\x89PNG\r\n\x1a\n plain")
    torn = paths.thumbnails / "ab"
    torn.mkdir(parents=True)
    paths.thumbnails.chmod(0o755)
    (torn / ".incoming-x1y2z3").write_bytes(b"\xff\xd8\xff half a thumbnail")
    (paths.backups / "pool").mkdir(parents=True)
    (paths.backups / "pool").chmod(0o755)
    ctx = open_library(paths, None)
    ctx.store.close()
    assert not pasted.exists()
    assert list(paths.thumbnails.rglob(".incoming-*")) == []
    for folder in (paths.thumbnails, paths.backups / "pool"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_folders_made_for_thumbnails_and_the_pool_are_private(ctx, tmp_path) -> None:  # noqa: ANN001
    PhotoImporter(ctx).import_files([make_photo(tmp_path / "beach.jpg")])
    thumbnails = ctx.paths.thumbnails
    assert thumbnails.is_dir()
    for folder in [thumbnails, *thumbnails.iterdir()]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
