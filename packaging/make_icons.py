"""Render LoveBridge's icon (resources/icons/lovebridge.svg) to PNG sizes, a .ico and a .icns.

Run after changing the SVG: `python packaging/make_icons.py`. QtSvg draws the PNGs (the same
renderer the app uses for its window icon); Pillow packs them into .ico and .icns.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "lovebridge.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int, folder: Path = ICONS) -> Path:
    """Where the PNG of one size lives, e.g. resources/icons/lovebridge-48.png."""
    return folder / f"lovebridge-{size}.png"


def render_png(size: int) -> bytes:
    """The SVG drawn at `size` x `size` pixels, antialiased, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_icons(folder: Path = ICONS) -> list[Path]:
    """Write every PNG size, lovebridge.ico and lovebridge.icns into `folder`."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    images = {}
    written = []
    for size in PNG_SIZES:
        data = render_png(size)
        png_path(size, folder).write_bytes(data)
        written.append(png_path(size, folder))
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    ico = folder / "lovebridge.ico"
    # Each size drawn by the renderer (not downscaled by Pillow) stays crisp in Explorer.
    images[256].save(
        ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    icns = folder / "lovebridge.icns"
    # macOS wants 512 pt at 2x too: draw a 1024 px one for it rather than let Pillow upscale.
    retina = Image.open(io.BytesIO(render_png(1024))).convert("RGBA")
    retina.save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    written += [ico, icns]
    return written


if __name__ == "__main__":
    for path in make_icons():
        print(path.relative_to(ROOT))
