"""Photos made ready for the screen in a worker thread: decoded small, upright, as a QImage."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage

from lovebridge.core.scrapbook import images


def to_qimage(picture: Image.Image) -> QImage:
    """An RGB picture as a QImage that owns its pixels (safe to hand to the GUI thread)."""
    data = picture.tobytes()
    image = QImage(data, picture.width, picture.height, picture.width * 3,
                   QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: `data` goes away with this function


def decode_preview(source: images.PhotoSource, longest_side: int) -> QImage:
    """Decode a photo no bigger than `longest_side`, upright (runs in a worker thread)."""
    return to_qimage(images.decode_scaled(source, longest_side))
