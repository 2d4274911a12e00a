"""Photos arriving by drag-and-drop or paste: file URLs and raw image data from QMimeData."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage


def local_paths(mime: QMimeData | None) -> list[Path]:
    """Local files and folders named by `mime`'s URLs (remote URLs are ignored: no network)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def carries_photos(mime: QMimeData | None) -> bool:
    """True when `mime` holds files/folders or image data worth offering as photos."""
    return bool(local_paths(mime)) or (mime is not None and mime.hasImage())


def pasted_image(mime: QMimeData | None) -> QImage | None:
    """The image data of a paste (a screenshot, an image copied in a browser), if any."""
    if mime is None or not mime.hasImage():
        return None
    image = mime.imageData()
    return image if isinstance(image, QImage) and not image.isNull() else None


def save_pasted_image(image: QImage, folder: Path, stamp: str) -> Path:
    """Write pasted image data as a PNG file to import (runs in a worker: PNG encoding is slow)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"pasted-{stamp}.png"
    if not image.save(str(target), "PNG"):
        raise OSError("the pasted picture could not be saved")
    return target


class AcceptsPhotoDrops:
    """Mixin for a widget that takes photos dropped on it; it calls `photos_dropped(mime)`."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if carries_photos(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if carries_photos(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if carries_photos(event.mimeData()):
            event.acceptProposedAction()
            self.photos_dropped(event.mimeData())
