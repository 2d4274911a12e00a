"""Lay a note out on its layout and paint it, identically, onto a PDF, a printer or an image."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPainter, QPdfWriter

from .content import NoteContent, plain
from .handwriting import FittedText, Jitter, draw_fitted, fit_pages, fit_text, jitter_for
from .layouts import LAYOUTS_BY_KEY, LUNCHBOX_CAPACITY, Layout, Panel
from .paper import (
    draw_border,
    draw_doodles,
    draw_marks,
    draw_ruling,
    draw_sheet,
    paper_colour,
)
from .style import INKS_BY_KEY, NoteStyle, paper_parts

MM = 72 / 25.4  # points per millimetre
PDF_RESOLUTION = 1200
IMAGE_GAP = 18.0  # points between stacked pages in an image
MAX_LETTER_PAGES = 4
_SPLIT_NOTES = re.compile(r"\n\s*(?:-{3,}\s*)?\n|\n\s*-{3,}\s*(?:\n|$)")


@dataclass(frozen=True)
class RenderResult:
    """What happened when a note was laid out: the size chosen and whether it all fitted."""

    layout: str
    overflow: bool
    font_size: float  # points: the smallest size any text panel needed
    min_font_size: float
    suggested_layout: str | None  # a larger layout the whole note fits on, if any
    page_count: int
    notes: int = 1  # lunchbox: how many notes the text makes
    notes_capacity: int = 1


@dataclass(frozen=True)
class PanelPlan:
    """One panel with its text already fitted (or none for a blank/doodle panel)."""

    panel: Panel
    text: str = ""
    fitted: FittedText | None = None
    centred: bool = False
    signed: bool = False  # the last line is the sender's signature


@dataclass(frozen=True)
class NotePlan:
    """A note fully laid out, ready to paint onto any device, page by page."""

    content: NoteContent
    style: NoteStyle
    layout: Layout
    pages: tuple[tuple[PanelPlan, ...], ...]
    result: RenderResult


def split_lunchbox_notes(text: str) -> list[str]:
    """Short notes separated by a blank line or a line of "---"."""
    return [chunk.strip() for chunk in _SPLIT_NOTES.split(text.strip()) if chunk.strip()]


def compose_message(content: NoteContent, layout: Layout) -> str:
    """The note's text with a greeting and a signature, unless the writer already wrote them."""
    text = content.text.strip()
    lines = plain(text).splitlines()  # the checks read the words, not the bold marks
    recipient, sender = content.recipient.strip(), content.sender.strip()
    parts = []
    if recipient and not (lines and recipient.lower() in lines[0].lower()):
        parts.append(f"Dear {recipient}," if layout.kind == "letter" else f"{recipient},")
    if text:
        parts.append(text)
    if sender and not (lines and sender.lower() in " ".join(lines[-2:]).lower()):
        parts.append(f"Love, {sender}")
    return "\n".join(parts)


def front_title(content: NoteContent) -> str:
    if content.title.strip():
        return content.title.strip()
    return f"For {content.recipient.strip()}" if content.recipient.strip() else "For you"


def _text_box(panel: Panel, layout: Layout, style: NoteStyle, reserve_doodle: bool) -> QRectF:
    margin = layout.margin * MM
    box = QRectF(panel.x * MM + margin, panel.y * MM + margin,
                 panel.width * MM - 2 * margin, panel.height * MM - 2 * margin)
    if reserve_doodle and style.decoration in ("hearts", "stars"):
        box.setBottom(box.bottom() - 26)
    return box


def plan_note(content: NoteContent, style: NoteStyle, suggest: bool = True) -> NotePlan:
    """Fit every panel's text; report overflow and a larger layout that would hold it all."""
    layout = LAYOUTS_BY_KEY[style.layout]
    sizes: list[float] = []
    overflow = False
    notes = split_lunchbox_notes(content.text) if layout.kind == "lunchbox" else []
    pages = []
    if layout.kind == "letter":
        letter_pages, overflow = _plan_letter(layout, style, content)
        pages = [(plan,) for plan in letter_pages]
        sizes.append(letter_pages[0].fitted.size)
    for page in layout.pages if layout.kind != "letter" else ():
        planned = []
        for panel in page:
            plan = _plan_panel(panel, layout, style, content, notes)
            if plan.fitted is not None and panel.role in ("message", "note", "address"):
                sizes.append(plan.fitted.size)
                overflow = overflow or plan.fitted.overflow
            planned.append(plan)
        pages.append(tuple(planned))
    if layout.kind == "lunchbox" and len(notes) > LUNCHBOX_CAPACITY:
        overflow = True
    suggestion = _suggest_larger(content, style, layout) if overflow and suggest else None
    result = RenderResult(
        layout=layout.key,
        overflow=overflow,
        font_size=round(min(sizes), 2) if sizes else layout.base_size,
        min_font_size=layout.min_size,
        suggested_layout=suggestion,
        page_count=len(pages),
        notes=len(notes) if layout.kind == "lunchbox" else 1,
        notes_capacity=LUNCHBOX_CAPACITY if layout.kind == "lunchbox" else 1,
    )
    return NotePlan(content, style, layout, tuple(pages), result)


def _plan_letter(layout: Layout, style: NoteStyle, content: NoteContent
                 ) -> tuple[list[PanelPlan], bool]:
    """A letter keeps a comfortable hand and continues over more sheets, as letters do."""
    panel = layout.pages[0][0]
    text = compose_message(content, layout)
    box = _text_box(panel, layout, style, reserve_doodle=True)
    comfortable = max(layout.min_size, layout.base_size * 0.85)
    pages, overflow = fit_pages(text, style.font, box.width(), box.height(), layout.base_size,
                                comfortable, layout.min_size, MAX_LETTER_PAGES)
    signed = _is_signed(content, text)
    return [PanelPlan(panel, text, fitted, signed=signed and index == len(pages) - 1)
            for index, fitted in enumerate(pages)], overflow


def _is_signed(content: NoteContent, text: str) -> bool:
    return bool(content.sender.strip()) and plain(text).endswith(
        f"Love, {content.sender.strip()}")


def _plan_panel(panel: Panel, layout: Layout, style: NoteStyle, content: NoteContent,
                notes: list[str]) -> PanelPlan:
    if panel.role == "message":
        text = compose_message(content, layout)
        box = _text_box(panel, layout, style, reserve_doodle=True)
        fitted = fit_text(text, style.font, box.width(), box.height(), layout.base_size,
                          layout.min_size)
        return PanelPlan(panel, text, fitted, signed=_is_signed(content, text))
    if panel.role == "note":
        text = notes[panel.index] if panel.index < len(notes) else ""
        if not text:
            return PanelPlan(panel)
        box = _text_box(panel, layout, style, reserve_doodle=False)
        fitted = fit_text(text, style.font, box.width(), box.height(), layout.base_size,
                          layout.min_size)
        return PanelPlan(panel, text, fitted, centred=True)
    if panel.role in ("front", "address"):
        text = front_title(content) if panel.role == "front" else _envelope_name(content)
        box = _title_box(panel, layout)
        base = layout.base_size * (1.6 if panel.role == "front" else 1.0)
        fitted = fit_text(text, style.font, box.width(), box.height(), base, layout.min_size)
        return PanelPlan(panel, text, fitted, centred=True)
    return PanelPlan(panel)


def _envelope_name(content: NoteContent) -> str:
    return content.recipient.strip() or content.title.strip() or "For you"


def _title_box(panel: Panel, layout: Layout) -> QRectF:
    margin = layout.margin * MM
    full = QRectF(panel.x * MM + margin, panel.y * MM + margin,
                  panel.width * MM - 2 * margin, panel.height * MM - 2 * margin)
    if panel.role == "address":  # the lower middle of an envelope, clear of the stamp corner
        return QRectF(full.left() + full.width() * 0.22, full.top() + full.height() * 0.38,
                      full.width() * 0.7, full.height() * 0.55)
    return QRectF(full.left(), full.top() + full.height() * 0.22, full.width(),
                  full.height() * 0.45)


def _suggest_larger(content: NoteContent, style: NoteStyle, layout: Layout) -> str | None:
    seen = {layout.key}
    candidate = layout.larger
    while candidate and candidate not in seen:
        seen.add(candidate)
        if not plan_note(content, replace(style, layout=candidate), suggest=False).result.overflow:
            return candidate
        candidate = LAYOUTS_BY_KEY[candidate].larger
    return None


# --- painting ---------------------------------------------------------------------------------


def paint_page(painter: QPainter, plan: NotePlan, page_index: int) -> None:
    """Paint one page in points (the caller has scaled the painter so 1 unit = 1 point)."""
    layout, style = plan.layout, plan.style
    colour, ruling = paper_parts(style.paper)
    page_rect = QRectF(0, 0, layout.width * MM, layout.height * MM)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setBackground(paper_colour(colour))  # what opaque printer ink is mixed into
    draw_sheet(painter, page_rect, colour, style.seed)
    ink = QColor(INKS_BY_KEY[style.ink].colour)
    jitter = jitter_for(style.font, style.neat)
    for panel_index, item in enumerate(plan.pages[page_index]):
        panel = item.panel
        seed = style.seed * 101 + page_index * 17 + panel_index
        painter.save()
        if panel.rotated:
            centre = QPointF((panel.x + panel.width / 2) * MM, (panel.y + panel.height / 2) * MM)
            painter.translate(centre)
            painter.rotate(180)
            painter.translate(-centre)
        _paint_panel(painter, item, layout, style, ink, ruling, jitter, seed,
                     plan.content.sender)
        painter.restore()
    paper = paper_colour(colour)
    draw_marks(painter, layout.fold_lines, dashed=False, scale=MM, paper=paper)
    draw_marks(painter, layout.cut_lines, dashed=True, scale=MM, paper=paper)


def _paint_panel(painter: QPainter, item: PanelPlan, layout: Layout, style: NoteStyle,
                 ink: QColor, ruling: str, jitter: Jitter, seed: int, sender: str) -> None:
    panel = item.panel
    outer = QRectF(panel.x * MM, panel.y * MM, panel.width * MM, panel.height * MM)
    inset = layout.margin * MM * 0.45
    if style.decoration == "border" and panel.role in ("message", "note", "front"):
        draw_border(painter, outer.adjusted(inset, inset, -inset, -inset), ink, seed)
    if item.fitted is None:
        if panel.role in ("back", "inside_left") and style.decoration in ("hearts", "stars"):
            draw_doodles(painter, outer.adjusted(inset, inset, -inset, -inset), style.decoration,
                         ink, seed, count=2 if panel.role == "back" else 3)
        elif panel.role == "back":
            draw_doodles(painter, _centre_square(outer, 40), "hearts", ink, seed, count=1,
                         size=18)
        return
    if panel.role == "message":
        box = _text_box(panel, layout, style, reserve_doodle=True)
        first_baseline = item.fitted.pitch * 0.9
        rule_area = QRectF(outer.left() + inset, box.top(), outer.width() - 2 * inset,
                           outer.bottom() - inset - box.top())
        margin_line = box.left() - 8 if layout.kind == "letter" else None
        draw_ruling(painter, rule_area, ruling, box.top() + first_baseline, item.fitted.pitch,
                    margin_line, paper_colour(paper_parts(style.paper)[0]))
        draw_fitted(painter, item.fitted, style.font, box, ink, seed, jitter, signed=item.signed)
        if style.decoration in ("hearts", "stars"):
            draw_doodles(painter, outer.adjusted(inset, inset, -inset, -inset), style.decoration,
                         ink, seed)
        return
    if panel.role == "note":
        box = _text_box(panel, layout, style, reserve_doodle=False)
        lines = min(len(item.fitted.lines), item.fitted.lines_fitting)
        top = box.top() + max(0.0, (box.height() - lines * item.fitted.pitch) / 2)
        centred_box = QRectF(box.left(), top, box.width(), box.bottom() - top)
        draw_fitted(painter, item.fitted, style.font, centred_box, ink, seed, jitter,
                    align_centre=True)
        if style.decoration in ("hearts", "stars"):
            draw_doodles(painter, outer.adjusted(inset, inset, -inset, -inset), style.decoration,
                         ink, seed, count=1, size=12)
        return
    box = _title_box(panel, layout)
    if panel.role == "address":
        _paint_sender(painter, sender, panel, layout, style, ink, jitter, seed)
    draw_fitted(painter, item.fitted, style.font, box, ink, seed, jitter, align_centre=True)
    if panel.role == "front" and style.decoration in ("hearts", "stars"):
        below = QRectF(outer.left(), box.bottom(), outer.width() * 0.5 + 40, 60)
        draw_doodles(painter, below, style.decoration, ink, seed, count=3, size=22)


def _paint_sender(painter: QPainter, sender: str, panel: Panel, layout: Layout,
                  style: NoteStyle, ink: QColor, jitter: Jitter, seed: int) -> None:
    """The sender's name, small, in an envelope's top-left corner."""
    if not sender.strip():
        return
    margin = layout.margin * MM
    box = QRectF(panel.x * MM + margin, panel.y * MM + margin, panel.width * MM * 0.45, 60)
    text = f"from {sender.strip()}"
    fitted = fit_text(text, style.font, box.width(), box.height(), layout.base_size * 0.45,
                      layout.min_size * 0.7)
    draw_fitted(painter, fitted, style.font, box, ink, seed + 7, jitter)


def _centre_square(rect: QRectF, side: float) -> QRectF:
    return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)


# --- devices ----------------------------------------------------------------------------------


def paint_on_device(painter: QPainter, plan: NotePlan, device_width: float,
                    new_page=None) -> None:
    """Paint every page; `new_page()` advances paged devices (PDF, printer)."""
    scale = device_width / (plan.layout.width * MM)
    for index in range(len(plan.pages)):
        if index and new_page is not None:
            new_page()
        painter.save()
        painter.scale(scale, scale)
        paint_page(painter, plan, index)
        painter.restore()


def render_pdf(content: NoteContent, style: NoteStyle, target: str | Path | QIODevice
               ) -> RenderResult:
    """Write the note as a vector PDF with its fonts embedded."""
    plan = plan_note(content, style)
    writer = QPdfWriter(str(target) if isinstance(target, str | Path) else target)
    writer.setCreator("LoveBridge")
    writer.setTitle(plan.layout.label)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(plan.layout.page_layout())
    _paint_paged(writer, plan)
    return plan.result


def render_pdf_bytes(content: NoteContent, style: NoteStyle) -> tuple[bytes, RenderResult]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    result = render_pdf(content, style, buffer)
    buffer.close()
    return bytes(buffer.data()), result


def _paint_paged(device: QPagedPaintDevice, plan: NotePlan) -> None:
    painter = QPainter(device)
    if not painter.isActive():  # a printer that cannot be opened fails here, not silently
        raise OSError("the printer or file could not be opened")
    try:
        full = device.pageLayout().fullRectPixels(device.resolution())
        paint_on_device(painter, plan, full.width(), device.newPage)
    finally:
        finished = painter.end()
    if not finished:
        raise OSError("the print job could not be finished")


def print_plan(printer: QPagedPaintDevice, content: NoteContent, style: NoteStyle
               ) -> RenderResult:
    """Paint onto a QPrinter already set up (page size, orientation) by the caller."""
    plan = plan_note(content, style)
    if hasattr(printer, "setFullPage"):
        printer.setFullPage(True)
    _paint_paged(printer, plan)
    return plan.result


def render_image(content: NoteContent, style: NoteStyle, dpi: float = 150.0
                 ) -> tuple[QImage, RenderResult]:
    """All pages of the note, one under the other, as an image at `dpi`."""
    plan = plan_note(content, style)
    return render_plan_image(plan, dpi), plan.result


def render_plan_image(plan: NotePlan, dpi: float) -> QImage:
    px_per_pt = dpi / 72
    page_w = round(plan.layout.width * MM * px_per_pt)
    page_h = round(plan.layout.height * MM * px_per_pt)
    gap = round(IMAGE_GAP * px_per_pt) if len(plan.pages) > 1 else 0
    count = len(plan.pages)
    image = QImage(page_w, page_h * count + gap * (count - 1), QImage.Format.Format_RGB32)
    image.fill(QColor("#e9e4dc"))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        for index in range(count):
            painter.save()
            painter.translate(0, index * (page_h + gap))
            painter.setClipRect(QRectF(0, 0, page_w, page_h))
            painter.scale(page_w / (plan.layout.width * MM), page_h / (plan.layout.height * MM))
            paint_page(painter, plan, index)
            painter.restore()
    finally:
        painter.end()
    return image


def png_bytes(content: NoteContent, style: NoteStyle, dpi: float = 192.0
              ) -> tuple[bytes, RenderResult]:
    """The note as PNG bytes in memory (the caller writes them where it wants)."""
    image, result = render_image(content, style, dpi)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the image")
    buffer.close()
    return bytes(buffer.data()), result


def save_png(content: NoteContent, style: NoteStyle, path: str | Path, dpi: float = 192.0
             ) -> RenderResult:
    image, result = render_image(content, style, dpi)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write the image {Path(path).name}")
    return result

