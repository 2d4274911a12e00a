"""Realistic test photos of a filled-in capture sheet: a bundled font writes in every box, then
the page is warped the way a phone sees it (perspective, rotation, blur, noise, light, JPEG)."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import QBuffer, QIODevice, QPointF
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from lovebridge.core.hand import sheet as geo
from lovebridge.render.fonts import font_family
from lovebridge.render.hand_sheet import render_sheet_image

FILL_FONT = "indie_flower"  # not the default printing font (Caveat)
CODE = "T3ST01"


def font_filler(font_key: str = FILL_FONT, skip: set[int] | None = None, lean: float = 0.0,
                size: float = 6.6):
    """Writes each box's character in a bundled font, each take a little different, as a hand.

    `lean` shears the writing further to the right (tan of the angle); `size` is the em in mm.
    """
    family = font_family(font_key)

    def fill(painter: QPainter, box: geo.Box) -> None:
        if skip and box.index in skip:
            return
        rng = random.Random(box.index)
        font = QFont(family)
        font.setPixelSize(100)
        path = QPainterPath()
        path.addText(QPointF(0, 0), font, box.text)
        em = size * (1 + 0.07 * (box.variant - 1))  # mm; each take a little larger
        painter.translate(box.x + 1.8 + rng.uniform(0, 1.5), box.baseline + rng.uniform(-.3, .3))
        painter.rotate((box.variant - 1) * 3.0)
        painter.shear(-0.06 * box.variant - lean, 0)
        painter.scale(em / 100, em / 100)
        ink = QColor("#1b1b2a")
        painter.fillPath(path, ink)
        # A ballpoint line is about half a millimetre wide; the font's strokes are thinner.
        painter.strokePath(path, QPen(ink, 0.18 * 100 / em))

    return fill


def filled_sheet(dpi: float = 300, paper: str = "a4", skip: set[int] | None = None,
                 filler=None) -> Image.Image:
    """The sheet filled in with a bundled font, as a flat grey Pillow image."""
    image = render_sheet_image(paper, CODE, dpi, "Your handwriting", "Write one per box.",
                               filler or font_filler(skip=skip))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")


def _perspective(image: Image.Image, strength: float, rng: random.Random) -> Image.Image:
    """Tilt the page as a phone held at an angle sees it, on a darker table."""
    from lovebridge.core.hand.photo import solve_perspective

    width, height = image.size
    canvas = Image.new("L", (round(width * 1.3), round(height * 1.3)), 90)
    canvas.paste(image, (round(width * 0.15), round(height * 0.15)))
    cw, ch = canvas.size
    page = [(width * 0.15, height * 0.15), (width * 1.15, height * 0.15),
            (width * 1.15, height * 1.15), (width * 0.15, height * 1.15)]
    jiggle = strength * width
    seen = [(page[0][0] + rng.uniform(0, jiggle), page[0][1] + rng.uniform(0, jiggle)),
            (page[1][0] - rng.uniform(0, jiggle), page[1][1] + rng.uniform(0, jiggle * 0.5)),
            (page[2][0] + rng.uniform(-jiggle, jiggle) * 0.3, page[2][1]),
            (page[3][0] - rng.uniform(-jiggle, jiggle) * 0.3, page[3][1])]
    coefficients = solve_perspective(seen, page)
    return canvas.transform((cw, ch), Image.Transform.PERSPECTIVE, coefficients,
                            Image.Resampling.BICUBIC, fillcolor=90)


def _uneven_light(image: Image.Image) -> Image.Image:
    """A lamp to one side: the far corner gets about half the light."""
    gradient = Image.linear_gradient("L").rotate(35).resize(image.size)
    return ImageChops.multiply(image, gradient.point(lambda v: 120 + v * 135 // 255))


def _noise(image: Image.Image, sigma: float, seed: int) -> Image.Image:
    """Sensor noise of about `sigma` grey levels, the same for the same seed."""
    rng = random.Random(seed)
    noise = Image.frombytes("L", image.size, rng.randbytes(image.size[0] * image.size[1]))
    spread = sigma * 1.7 / 128  # uniform noise with this spread has a deviation near sigma
    noise = noise.point(lambda v: round(128 + (v - 128) * spread))
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


DISTORTIONS = ("clean", "perspective", "rotate+15", "rotate-15", "blur", "noise",
               "uneven light", "jpeg q35", "all together")


def distort(image: Image.Image, kind: str, seed: int = 7) -> Image.Image:
    """One named distortion (or all of them) applied to a flat sheet image."""
    rng = random.Random(seed)
    if kind == "clean":
        return image
    if kind == "perspective":
        return _perspective(image, 0.12, rng)
    if kind.startswith("rotate"):
        angle = float(kind.removeprefix("rotate"))
        return image.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=90)
    if kind == "blur":
        return image.filter(ImageFilter.GaussianBlur(1.6))
    if kind == "noise":
        return _noise(image, 28, seed)
    if kind == "uneven light":
        return _uneven_light(image)
    if kind.startswith("jpeg"):
        return _jpeg(image, int(kind.removeprefix("jpeg q")))
    if kind == "all together":
        out = _perspective(image, 0.08, rng)
        out = out.rotate(rng.uniform(-12, 12), Image.Resampling.BICUBIC, expand=True,
                         fillcolor=80)
        out = _uneven_light(out.filter(ImageFilter.GaussianBlur(1.0)))
        return _jpeg(_noise(out, 14, seed), 55)
    raise ValueError(kind)


def save(image: Image.Image, path: Path) -> Path:
    if path.suffix.lower() in (".jpg", ".jpeg"):
        image.save(path, "JPEG", quality=92)
    else:
        image.save(path)
    return path

