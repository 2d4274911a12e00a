"""Photos arriving by drag-and-drop or paste: file URLs and raw image data from QMimeData."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
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


def pasted_png_bytes(image: QImage) -> bytes:
    """Pasted image data as PNG bytes, in memory (runs in a worker: PNG encoding is slow).

    Never a file: with the privacy lock on, a plain picture must not touch the disk; the
    library seals the bytes when it stores them.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the pasted picture could not be encoded")
    buffer.close()
    return bytes(data.data())


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
