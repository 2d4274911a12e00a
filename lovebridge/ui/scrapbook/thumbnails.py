"""Thumbnails for the GUI: made and read in worker threads, kept in QPixmapCache."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap, QPixmapCache

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.photo_import import thumbnail_bytes
from lovebridge.core.scrapbook.records import PhotoRef

logger = logging.getLogger(__name__)

CACHE_LIMIT_KB = 192 * 1024  # a few hundred card-sized thumbnails: smooth scrolling back and forth
_priority = itertools.count()


class _Relay(QObject):
    loaded = Signal(str, object)  # sha256, QImage or None


class _LoadThumbnail(QRunnable):
    """Make the thumbnail file if needed and read it into a QImage (off the GUI thread)."""

    def __init__(self, ctx: AppContext, photo: PhotoRef, relay: _Relay) -> None:
        super().__init__()
        self._ctx = ctx
        self._photo = photo
        self._relay = relay

    def run(self) -> None:
        image: QImage | None = None
        try:
            loaded = QImage.fromData(thumbnail_bytes(self._ctx, self._photo))
            image = None if loaded.isNull() else loaded
        except (images.PhotoRefusedError, OSError):
            logger.warning("a thumbnail could not be made", exc_info=True)
        self._relay.loaded.emit(self._photo.sha256, image)


class ThumbnailLoader(QObject):
    """Hands out cached thumbnails at once, and loads missing ones in the background.

    `ready(sha256)` is emitted when a requested thumbnail is in the cache.
    """

    ready = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # leave cores for the GUI and the import
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._relay = _Relay()
        self._relay.loaded.connect(self._on_loaded)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), CACHE_LIMIT_KB))

    @staticmethod
    def key(sha256: str) -> str:
        return f"lovebridge-thumb-{sha256}"

    def cached(self, photo: PhotoRef) -> QPixmap | None:
        """The thumbnail if it is in memory; otherwise ask for it and return None for now."""
        pixmap = QPixmapCache.find(self.key(photo.sha256))
        if pixmap is not None:
            return pixmap
        self.request(photo)
        return None

    def request(self, photo: PhotoRef) -> None:
        if photo.sha256 in self._pending or photo.sha256 in self._failed:
            return
        self._pending.add(photo.sha256)
        # Newest requests first: what is on screen now matters more than what scrolled past.
        self._pool.start(_LoadThumbnail(self._ctx, photo, self._relay), next(_priority) % 1_000_000)

    def _on_loaded(self, sha256: str, image: QImage | None) -> None:
        self._pending.discard(sha256)
        if image is None:
            self._failed.add(sha256)
            return
        QPixmapCache.insert(self.key(sha256), QPixmap.fromImage(image))
        self.ready.emit(sha256)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until queued loads finish (shutdown and tests)."""
        return self._pool.waitForDone(msecs)
