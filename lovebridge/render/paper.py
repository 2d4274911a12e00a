"""Paper and pen-drawn extras: paper colour and grain, ruling, borders, doodles, cut and fold marks.

Everything is drawn in points. Doodles are wobbly QPainterPaths so they look drawn by hand.
"""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .ink import on_paper, set_ink_opacity
from .style import PAPER_COLOURS

RULE_COLOUR = QColor(96, 140, 190, 110)
MARGIN_COLOUR = QColor(210, 90, 90, 120)
MARK_COLOUR = QColor(120, 120, 120, 150)
GRAIN_TONES = 4


def paper_colour(colour: str) -> QColor:
    return QColor(PAPER_COLOURS.get(colour, "#ffffff"))


def draw_sheet(painter: QPainter, page: QRectF, colour: str, seed: int) -> None:
    """Fill the sheet with its colour; kraft and cream get a faint fibre grain.

    The fibres are gathered into a few paths by tone, so a PDF holds a handful of strokes
    rather than a thousand separate ones.
    """
    painter.fillRect(page, paper_colour(colour))
    if colour == "white":
        return
    rng = random.Random(f"{seed}:grain")
    base = QColor(120, 85, 40) if colour == "kraft" else QColor(170, 140, 90)
    count = min(int(page.width() * page.height() / (300 if colour == "kraft" else 800)), 1000)
    tones = [QPainterPath() for _ in range(GRAIN_TONES)]
    for _ in range(count):
        x, y = rng.uniform(page.left(), page.right()), rng.uniform(page.top(), page.bottom())
        length = rng.uniform(0.6, 2.4)
        angle = rng.uniform(0, math.pi)
        path = tones[rng.randrange(GRAIN_TONES)]
        path.moveTo(x, y)
        path.lineTo(x + length * math.cos(angle), y + length * math.sin(angle))
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for index, path in enumerate(tones):
        tone = QColor(base)
        tone.setAlpha(18 + index * 9)
        painter.setPen(QPen(on_paper(tone, paper_colour(colour)), 0.2 + 0.05 * index))
        painter.drawPath(path)
    painter.restore()


def draw_ruling(painter: QPainter, area: QRectF, ruling: str, first_baseline: float,
                pitch: float, margin_line: float | None = None,
                paper: QColor | None = None) -> None:
    """Lines on the writing's baselines, or a dot/square grid at half the line pitch."""
    if ruling == "plain":
        return
    paper = paper or QColor("white")
    painter.save()
    step = pitch / 2
    if ruling == "lined":
        painter.setPen(QPen(on_paper(RULE_COLOUR, paper), 0.5))
        y = first_baseline
        while y <= area.bottom():
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            y += pitch
        if margin_line is not None:
            painter.setPen(QPen(on_paper(MARGIN_COLOUR, paper), 0.6))
            painter.drawLine(QPointF(margin_line, area.top()), QPointF(margin_line, area.bottom()))
    elif ruling == "dotted":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(on_paper(
            QColor(RULE_COLOUR.red(), RULE_COLOUR.green(), RULE_COLOUR.blue(), 150), paper))
        for x, y in _grid_points(area, first_baseline, step):
            painter.drawEllipse(QPointF(x, y), 0.55, 0.55)
    elif ruling == "grid":
        faint = QColor(RULE_COLOUR.red(), RULE_COLOUR.green(), RULE_COLOUR.blue(), 70)
        painter.setPen(QPen(on_paper(faint, paper), 0.35))
        x = area.left()
        while x <= area.right() + 0.01:
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            x += step
        y = area.top() + (first_baseline - area.top()) % step
        while y <= area.bottom() + 0.01:
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            y += step
    painter.restore()


def _grid_points(area: QRectF, first_baseline: float, step: float):
    y = area.top() + (first_baseline - area.top()) % step
    while y <= area.bottom():
        x = area.left()
        while x <= area.right():
            yield x, y
            x += step
        y += step


def wobbly_line(path: QPainterPath, start: QPointF, end: QPointF, rng: random.Random,
                wobble: float) -> None:
    """Continue `path` from start to end in short, slightly wavering strokes."""
    length = math.hypot(end.x() - start.x(), end.y() - start.y())
    steps = max(2, int(length / 18))
    nx, ny = (-(end.y() - start.y()) / length, (end.x() - start.x()) / length) if length else (0, 0)
    for i in range(1, steps + 1):
        t = i / steps
        offset = 0.0 if i == steps else rng.uniform(-wobble, wobble)
        target = QPointF(start.x() + (end.x() - start.x()) * t + nx * offset,
                         start.y() + (end.y() - start.y()) * t + ny * offset)
        mid_t = (i - 0.5) / steps
        control = QPointF(start.x() + (end.x() - start.x()) * mid_t + nx * offset * 0.5,
                          start.y() + (end.y() - start.y()) * mid_t + ny * offset * 0.5)
        path.quadTo(control, target)


def wobbly_rect(rect: QRectF, rng: random.Random, wobble: float) -> QPainterPath:
    """A rectangle drawn freehand: corners overshoot a little, sides waver."""
    corners = [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()]
    jittered = [QPointF(c.x() + rng.uniform(-wobble, wobble), c.y() + rng.uniform(-wobble, wobble))
                for c in corners]
    path = QPainterPath(jittered[0])
    for i in range(4):
        wobbly_line(path, jittered[i], jittered[(i + 1) % 4], rng, wobble * 0.6)
    overshoot = QPointF(jittered[0].x() + rng.uniform(2, 5), jittered[0].y() + rng.uniform(-1, 1))
    path.lineTo(overshoot)
    return path


def heart_path(centre: QPointF, size: float, rng: random.Random) -> QPainterPath:
    """A freehand heart, `size` points wide."""
    s = size / 2

    def p(x: float, y: float) -> QPointF:
        return QPointF(centre.x() + (x + rng.uniform(-0.04, 0.04)) * s,
                       centre.y() + (y + rng.uniform(-0.04, 0.04)) * s)

    path = QPainterPath(p(0, -0.45))
    path.cubicTo(p(0.15, -1.05), p(1.15, -0.95), p(0.95, -0.2))
    path.cubicTo(p(0.85, 0.25), p(0.3, 0.6), p(0.02, 0.95))
    path.cubicTo(p(-0.3, 0.6), p(-0.9, 0.25), p(-0.97, -0.2))
    path.cubicTo(p(-1.1, -0.9), p(-0.15, -1.05), p(0.04, -0.4))
    return path


def star_path(centre: QPointF, size: float, rng: random.Random) -> QPainterPath:
    """A five-pointed star drawn in one stroke, as a doodler does."""
    radius = size / 2
    turn = rng.uniform(-0.2, 0.2)
    points = []
    for k in range(6):
        angle = turn + k * 4 * math.pi / 5
        reach = radius * rng.uniform(0.92, 1.05)
        points.append(QPointF(centre.x() + reach * math.sin(angle),
                              centre.y() - reach * math.cos(angle)))
    path = QPainterPath(points[0])
    for a, b in zip(points, points[1:], strict=False):
        wobbly_line(path, a, b, rng, radius * 0.03)
    return path


def draw_doodles(painter: QPainter, area: QRectF, kind: str, ink: QColor, seed: int,
                 count: int = 3, size: float = 16.0) -> None:
    """A few hearts or stars scattered along the bottom-right corner of `area`."""
    if kind not in ("hearts", "stars"):
        return
    rng = random.Random(f"{seed}:doodle:{kind}:{area.x():.0f}:{area.y():.0f}")
    colour = QColor(196, 58, 80) if kind == "hearts" else QColor(ink)
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for index in range(count):
        scale = size * (1.0 - 0.22 * index) * rng.uniform(0.9, 1.1)
        centre = QPointF(area.right() - size * (0.8 + 1.35 * index) + rng.uniform(-3, 3),
                         area.bottom() - size * (0.8 + 0.45 * (index % 2)) + rng.uniform(-3, 3))
        pen = QPen(colour, max(0.6, scale * 0.07))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setColor(set_ink_opacity(painter, rng.uniform(0.75, 0.95), colour))
        painter.setPen(pen)
        shape = heart_path if kind == "hearts" else star_path
        painter.drawPath(shape(centre, scale, rng))
    painter.restore()


def draw_border(painter: QPainter, rect: QRectF, ink: QColor, seed: int) -> None:
    """A single freehand frame inside `rect`."""
    rng = random.Random(f"{seed}:border:{rect.x():.0f}:{rect.y():.0f}")
    pen = QPen(ink, 0.9)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    pen.setColor(set_ink_opacity(painter, 0.75, ink))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(wobbly_rect(rect, rng, 1.2))
    painter.restore()


def draw_marks(painter: QPainter, lines, dashed: bool, scale: float,
               paper: QColor | None = None) -> None:
    """Fold lines (fine dots) or cut lines (dashes); `lines` in mm, `scale` mm -> points.

    The dashes are laid out here as one path of short solid strokes: a dashed pen would be
    turned into hundreds of tiny outlines by the PDF writer.
    """
    if not lines:
        return
    dash, gap = (4.0, 3.0) if dashed else (1.0, 2.5)
    path = QPainterPath()
    for x1, y1, x2, y2 in lines:
        start, end = QPointF(x1 * scale, y1 * scale), QPointF(x2 * scale, y2 * scale)
        length = math.hypot(end.x() - start.x(), end.y() - start.y())
        if not length:
            continue
        ux, uy = (end.x() - start.x()) / length, (end.y() - start.y()) / length
        position = 0.0
        while position < length:
            stop = min(position + dash, length)
            path.moveTo(start.x() + ux * position, start.y() + uy * position)
            path.lineTo(start.x() + ux * stop, start.y() + uy * stop)
            position = stop + gap
    pen = QPen(on_paper(MARK_COLOUR, paper or QColor("white")), 0.5)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()
