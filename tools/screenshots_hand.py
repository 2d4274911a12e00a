"""Render Preferences › My handwriting and a note in a captured hand to PNG, to look at.

    python tools/screenshots_hand.py [OUT_DIR] [--dark]

Makes a filled-in sheet photo (a bundled font writing in every box, tilted as a phone sees it,
a quarter of the boxes left empty), imports it through the real page, then captures the page
with its review grid (small and large window), the on-screen writing dialog, and a card written
in the captured hand beside the same card in a bundled font.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from shot_kit import couple_context, open_window, options, settle, shoot, start_app

from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.service import HandwritingService
from lovebridge.render.content import NoteContent
from lovebridge.render.hand_font import register_hand
from lovebridge.render.renderer import render_image
from lovebridge.render.style import NoteStyle
from tests.hand.photos import distort, filled_sheet


def wait_for(app, condition, seconds: float = 60) -> None:  # noqa: ANN001
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        settle(app, 0.05)
    raise TimeoutError("the screen did not reach the expected state")


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "couple")
        photo = Path(tmp) / "sheet.jpg"
        gaps = {box.index for box in geo.BOXES if box.index % 9 == 4}
        distort(filled_sheet(200, skip=gaps), "perspective").save(photo, quality=90)
        window = open_window(ctx)
        prefs = window.open_preferences()
        page = prefs.hand_page
        prefs.tabs.setCurrentWidget(page)
        wait_for(app, page.isVisible)
        shoot(app, prefs, out / f"hand-page-empty-{theme}.png")
        page.import_photos([str(photo)])
        wait_for(app, lambda: not page.busy)
        prefs.resize(640, 720)
        shoot(app, prefs, out / f"hand-page-read-small-{theme}.png")
        prefs.resize(1000, 900)
        shoot(app, prefs, out / f"hand-page-read-large-{theme}.png")
        draw = page.open_drawing(page.grid.missing())
        wait_for(app, draw.isVisible)
        pad = draw.pad
        w, h = pad.width(), pad.height()
        points = [QPoint(int(w * x), int(h * y)) for x, y in
                  ((0.42, 0.66), (0.40, 0.45), (0.47, 0.38), (0.55, 0.45), (0.52, 0.66),
                   (0.56, 0.62))]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
        for point in points[1:]:
            QTest.mouseMove(pad, point)
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])
        shoot(app, draw, out / f"hand-draw-dialog-{theme}.png")
        draw.reject()
        prefs.reject()

        hand = HandwritingService(ctx.store).load("a")
        key = register_hand(hand)
        card = NoteContent("Thank you for the coffee by my laptop this morning. It was still "
                           "warm, and so was I. Shall we walk by the river tonight? 7 o'clock!",
                           "Jonah", "Maya")
        own, _ = render_image(card, NoteStyle(layout="card-a6", font=key), 150)
        bundled, _ = render_image(card, NoteStyle(layout="card-a6", font="caveat"), 150)
        both = QImage(own.width() * 2 + 30, own.height(), QImage.Format.Format_RGB32)
        both.fill(QColor("#e9e4dc"))
        painter = QPainter(both)
        painter.drawImage(0, 0, own)
        painter.drawImage(own.width() + 30, 0, bundled)
        painter.end()
        both.save(str(out / "hand-card-own-vs-font.png"))
        window.close()
        ctx.store.close()


if __name__ == "__main__":
    main()
