"""Benchmark: milliseconds to render a note to PDF and to PNG, per layout, with a reference.

The reference is a plain QPainter.drawText of the same text onto the same page, in the same
font, measured in the same run: it shows what the handwriting (layout fitting, per-word
shaping, jitter, paper) costs on top of Qt's own text drawing.

Each figure is a median of 9 runs (3 with --quick), wall-clock, PNG including its encoding.
`run(library, quick)` is the tests/perf/bench.py contract.

Usage: python tests/perf/bench_render.py [--quick]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter  # noqa: E402

from lovebridge.render.content import NoteContent  # noqa: E402
from lovebridge.render.fonts import load_all_fonts, make_qfont  # noqa: E402
from lovebridge.render.layouts import LAYOUTS  # noqa: E402
from lovebridge.render.qt_app import ensure_gui_application  # noqa: E402
from lovebridge.render.renderer import MM, compose_message, render_image, render_pdf  # noqa: E402
from lovebridge.render.style import NoteStyle  # noqa: E402
from tests.perf.benchlib import Row, median_of, print_table  # noqa: E402

PNG_DPI = 192.0
NOTE = NoteContent(
    "Thank you for the coffee you left by my laptop this morning. It was still warm when I "
    "found it, and so was I.\n\nI love how you remember the little things, like the extra "
    "cinnamon. See you tonight by the lake, and bring the purple umbrella just in case.",
    recipient="Jonah", sender="Maya", title="Thank you",
)
LUNCH = NoteContent("Good luck today!\n---\nChocolate in the side pocket.\n---\nProud of you."
                    "\n---\nWalk tonight?\n---\nSoup is in the blue tub.\n---\nSee you at six")


def pdf_buffer() -> QBuffer:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer


def reference_pdf(layout, text: str) -> None:
    buffer = pdf_buffer()  # must outlive the writer
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)
    writer.setPageLayout(layout.page_layout())
    painter = QPainter(writer)
    painter.scale(writer.width() / (layout.width * MM), writer.width() / (layout.width * MM))
    painter.setFont(make_qfont("caveat", 16))
    painter.drawText(QRectF(30, 30, layout.width * MM - 60, layout.height * MM - 60),
                     int(Qt.TextFlag.TextWordWrap), text)
    painter.end()


def reference_png(layout, text: str) -> None:
    scale = PNG_DPI / 72
    image = QImage(round(layout.width * MM * scale), round(layout.height * MM * scale),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.setFont(make_qfont("caveat", 16))
    painter.drawText(QRectF(30, 30, layout.width * MM - 60, layout.height * MM - 60),
                     int(Qt.TextFlag.TextWordWrap), text)
    painter.end()
    image.save(pdf_buffer(), "PNG")


def our_png(content: NoteContent, style: NoteStyle) -> None:
    image, _result = render_image(content, style, PNG_DPI)
    image.save(pdf_buffer(), "PNG")


def run(library: Path, quick: bool) -> list[Row]:
    """Per layout: a note to PDF and to PNG, each against plain drawText of the same text."""
    del library  # a note is rendered from its content alone
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])  # widgets may follow in the same process
    ensure_gui_application()
    load_all_fonts()
    repeats = 3 if quick else 9
    rows = []
    for layout in LAYOUTS:
        content = LUNCH if layout.kind == "lunchbox" else NOTE
        style = NoteStyle(layout=layout.key, font="caveat", paper="cream-lined",
                          decoration="hearts")
        text = compose_message(content, layout)
        pdf = median_of(lambda c=content, s=style: render_pdf(c, s, pdf_buffer()), repeats)
        ref_pdf = median_of(lambda lay=layout, t=text: reference_pdf(lay, t), repeats)
        png = median_of(lambda c=content, s=style: our_png(c, s), repeats)
        ref_png = median_of(lambda lay=layout, t=text: reference_png(lay, t), repeats)
        rows.append(Row(f"note to PDF, {layout.key}", pdf, "s", "plain drawText to PDF",
                        ref_pdf, None))
        rows.append(Row(f"note to PNG ({PNG_DPI:.0f} dpi), {layout.key}", png, "s",
                        "plain drawText to PNG", ref_png, None))
    return rows


def main() -> int:
    quick = len(sys.argv) > 1 and sys.argv[1] == "--quick"
    print_table(run(Path.cwd(), quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
