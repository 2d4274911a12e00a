"""The photo book: a print-ready PDF (QPdfWriter), a cover and a page per memory."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from lovebridge.core.scrapbook import images
from lovebridge.core.scrapbook.book import Book, BookMemory, BookPhoto, estimated_pdf_bytes
from lovebridge.render.fonts import font_family
from lovebridge.store.guards import disk_full_error, free_bytes, require_free_space

logger = logging.getLogger(__name__)

DPI = 300
MARGIN_MM = 15
PHOTOS_PER_PAGE = 4
INK = QColor("#3b2f2c")
MUTED = QColor("#7d6b66")
ACCENT = QColor("#c4574a")
PAPER_TONE = QColor("#fbf6f2")

Progress = Callable[[int, int], None]
INLINE_FONT = re.compile(r"font-(?:family|size):[^;\"]*;?")


# Kalam reads easily over a whole page of story and has no contextual letter forms.
STORY_HANDWRITING_FONT = "kalam"


def story_font_family(use_handwriting: bool) -> str:
    """The bundled handwriting family when asked for, else a serif (register on the GUI thread)."""
    return font_family(STORY_HANDWRITING_FONT) if use_handwriting else serif_family()


def serif_family() -> str:
    for family in ("DejaVu Serif", "Liberation Serif", "Georgia", "Times New Roman", "Noto Serif"):
        if family in QFontDatabase.families():
            return family
    font = QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    return font.defaultFamily()



class BookWords(QObject):
    """Counts printed in the book, in the couple's language and its plural forms."""

    def memories(self, count: int) -> str:
        return self.tr("%n memory(s)", "", count)

class BookRenderer:
    """Draws one Book onto a QPdfWriter, page by page."""

    def __init__(self, book: Book, out: Path, handwriting: bool = True,
                 story_family: str | None = None) -> None:
        self.book = book
        self.out = out
        self.writer = QPdfWriter(str(out))
        self.writer.setTitle(book.title)
        self.writer.setCreator("LoveBridge")
        self.writer.setResolution(DPI)
        self.writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter,
        ))
        self.serif = serif_family()
        self.story_family = story_family or story_font_family(handwriting)
        self.pages = 0
        self.painter = QPainter()

    @property
    def area(self) -> QRectF:
        rect = self.writer.pageLayout().paintRectPixels(DPI)
        return QRectF(0, 0, rect.width(), rect.height())

    def font(self, points: float, family: str | None = None, italic: bool = False,
             bold: bool = False) -> QFont:
        font = QFont(family or self.serif)
        # Ligatures and contextual forms would make the story's text unextractable from the PDF.
        font.setFeature(QFont.Tag("liga"), 0)
        font.setFeature(QFont.Tag("calt"), 0)
        font.setPointSizeF(points)
        font.setItalic(italic)
        font.setBold(bold)
        return font

    def render(self, report: Progress | None = None) -> int:
        """Write the PDF; returns the number of pages."""
        if not self.painter.begin(self.writer):
            raise OSError(f"could not write {self.out.name}")
        try:
            self.draw_cover()
            total = len(self.book.memories)
            for done, entry in enumerate(self.book.memories, start=1):
                self.draw_memory(entry)
                if report is not None:
                    report(done, total)
        finally:
            self.painter.end()
        return self.pages

    def new_page(self) -> None:
        if self.pages:
            self.writer.newPage()
        self.pages += 1

    # ---- cover --------------------------------------------------------------------------------
    def draw_cover(self) -> None:
        self.new_page()
        p, area = self.painter, self.area
        p.fillRect(area, PAPER_TONE)
        cover = next((m.photos[0] for m in self.book.memories if m.photos), None)
        top = area.height() * 0.12
        p.setPen(INK)
        p.setFont(self.font(40, bold=False))
        title_rect = QRectF(0, top, area.width(), area.height() * 0.1)
        p.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self.book.title)
        p.setPen(MUTED)
        p.setFont(self.font(16, italic=True))
        p.drawText(QRectF(0, title_rect.bottom(), area.width(), area.height() * 0.05),
                   Qt.AlignmentFlag.AlignCenter, self.book.subtitle)
        if cover is not None:
            box = QRectF(area.width() * 0.12, area.height() * 0.32, area.width() * 0.76,
                         area.height() * 0.5)
            self.draw_photo(cover, box, frame=True)
        p.setPen(MUTED)
        p.setFont(self.font(11))
        count = len(self.book.memories)
        p.drawText(QRectF(0, area.height() * 0.88, area.width(), area.height() * 0.05),
                   Qt.AlignmentFlag.AlignCenter,
                   BookWords().memories(count))

    # ---- memory pages -----------------------------------------------------------------------
    def draw_memory(self, entry: BookMemory) -> None:
        photos = list(entry.photos)
        chunks = [photos[i:i + PHOTOS_PER_PAGE] for i in range(0, len(photos), PHOTOS_PER_PAGE)]
        chunks = chunks or [[]]
        story = self.story_document(entry)
        for index, chunk in enumerate(chunks):
            self.new_page()
            top = self.draw_header(entry, continued=index > 0)
            area = self.area
            last = index == len(chunks) - 1
            story_height = min(story.size().height(), area.height() * 0.4) if last else 0
            photo_area = QRectF(0, top, area.width(),
                                area.bottom() - top - story_height - (60 if story_height else 0))
            if chunk:
                self.draw_photo_grid(chunk, photo_area)
            if last:
                story_top = photo_area.bottom() + 60 if chunk else top
                self.draw_story(story, story_top)

    def draw_header(self, entry: BookMemory, continued: bool) -> float:
        p, area = self.painter, self.area
        memory = entry.memory
        p.setPen(INK)
        p.setFont(self.font(24))
        title = memory.title + (" (continued)" if continued else "")
        p.drawText(QRectF(0, 0, area.width(), 130),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        details = memory.when.label() + (f"  ·  {memory.place}" if memory.place else "")
        p.setPen(MUTED)
        p.setFont(self.font(11, italic=True))
        p.drawText(QRectF(0, 130, area.width(), 70),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, details)
        p.setPen(ACCENT)
        p.drawLine(QPointF(0, 215), QPointF(area.width() * 0.18, 215))
        return 260

    def draw_photo_grid(self, photos: list[BookPhoto], box: QRectF) -> None:
        gap = 50
        if len(photos) == 1:
            cells = [box]
        elif len(photos) == 2:
            half = (box.height() - gap) / 2
            cells = [QRectF(box.x(), box.y(), box.width(), half),
                     QRectF(box.x(), box.y() + half + gap, box.width(), half)]
        else:
            w, h = (box.width() - gap) / 2, (box.height() - gap) / 2
            cells = [QRectF(box.x() + (i % 2) * (w + gap), box.y() + (i // 2) * (h + gap), w, h)
                     for i in range(len(photos))]
        for photo, cell in zip(photos, cells, strict=False):
            caption_height = 70 if photo.caption else 0
            picture = QRectF(cell.x(), cell.y(), cell.width(), cell.height() - caption_height)
            placed = self.draw_photo(photo, picture)
            if photo.caption:
                self.painter.setPen(MUTED)
                self.painter.setFont(self.font(9, italic=True))
                self.painter.drawText(
                    QRectF(placed.x(), placed.bottom() + 8, placed.width(), caption_height - 8),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap, photo.caption)

    def draw_photo(self, photo: BookPhoto, box: QRectF, frame: bool = False) -> QRectF:
        """Draw the photo upright, fitted in `box`, decoded only as large as print needs."""
        # 300 dpi at the placed size: a 48 MP original is never embedded at full size.
        needed = int(max(box.width(), box.height()))
        try:
            data = images.encoded_jpeg(photo.load(), needed, quality=88)
        except (images.PhotoRefusedError, OSError):
            logger.warning("a photo could not be read for the book")
            return self.draw_missing(box)
        image = QImage.fromData(data)
        if image.isNull():
            return self.draw_missing(box)
        size = QSizeF(image.width(), image.height()).scaled(
            box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(box.x() + (box.width() - size.width()) / 2,
                        box.y() + (box.height() - size.height()) / 2,
                        size.width(), size.height())
        if frame:
            self.painter.fillRect(target.adjusted(-24, -24, 24, 24), QColor("white"))
        self.painter.drawImage(target, image)
        return target

    def draw_missing(self, box: QRectF) -> QRectF:
        self.painter.setPen(MUTED)
        self.painter.drawRect(box)
        self.painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "(photo missing)")
        return box

    def story_document(self, entry: BookMemory) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.writer)  # lay out at 300 dpi, not screen
        document.setDocumentMargin(0)
        document.setDefaultFont(self.font(13, family=self.story_family))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
        memory = entry.memory
        if memory.story_html.strip():
            # The editor's own font and sizes give way so the whole book reads in one hand.
            document.setHtml(INLINE_FONT.sub("", memory.story_html))
        else:
            document.setPlainText(memory.story_text)
        document.setTextWidth(self.area.width())
        return document

    def draw_story(self, document: QTextDocument, top: float) -> None:
        """Draw the story from `top`, carrying on over further pages if it is long."""
        area = self.area
        total = document.size().height()
        shown = 0.0
        while shown < total:
            room = area.height() - top
            self.painter.save()
            self.painter.translate(0, top - shown)
            context = QAbstractTextDocumentLayout.PaintContext()
            # Paper is always light: ink colour from the book, never from a dark desktop theme.
            context.palette.setColor(QPalette.ColorRole.Text, INK)
            context.clip = QRectF(0, shown, area.width(), room)
            self.painter.setClipRect(context.clip)
            document.documentLayout().draw(self.painter, context)
            self.painter.restore()
            shown += room
            if shown < total:
                self.new_page()
                top = 0


def render_book_pdf(book: Book, out: Path, report: Progress | None = None,
                    handwriting: bool = True, story_family: str | None = None) -> int:
    """Render `book` to the PDF file `out`; returns the page count.

    Pass `story_family` (from `story_font_family`, called on the GUI thread) when rendering
    in a worker thread, so fonts are only registered where Qt allows it.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    needed = estimated_pdf_bytes(book)
    require_free_space(out.parent, needed, BOOK_DOING)  # before the drawing, not after
    temp = out.with_name(f".{out.name}.part")
    try:
        pages = BookRenderer(book, temp, handwriting, story_family).render(report)
        # Qt's PDF writer does not report a failed write: a whole PDF ends with its trailer.
        if not complete_pdf(temp):
            raise disk_full_error(out.parent, needed, BOOK_DOING) if short_of_space(
                out.parent, needed) else OSError(f"the book could not be written to {out}")
        temp.replace(out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return pages


BOOK_DOING = "write the book"


def complete_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(max(path.stat().st_size - 64, 0))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def short_of_space(folder: Path, needed: int) -> bool:
    free = free_bytes(folder)
    return free is not None and free < min(needed, 64 * 1024 * 1024)
