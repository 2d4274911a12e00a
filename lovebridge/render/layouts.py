"""Page layouts: flat cards, letters, folded cards, lunchbox notes and envelopes.

Sizes are in millimetres on the printed sheet, origin at the top-left. Panels that end up upside
down once a sheet is folded are marked `rotated` and drawn turned by 180 degrees.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

INCH = 25.4


@dataclass(frozen=True)
class Panel:
    """A rectangle of the sheet holding one part of the note.

    role: "message" (the note's text), "front" (a folded card's title), "back" (a folded card's
    back), "inside_left" (the blank-ish left page inside a card), "note" (one lunchbox note),
    "address" (an envelope's front).
    """

    role: str
    x: float
    y: float
    width: float
    height: float
    rotated: bool = False
    index: int = 0  # which lunchbox note this panel carries


@dataclass(frozen=True)
class Layout:
    """One way of putting a note on paper."""

    key: str
    label: str
    kind: str  # card | letter | halffold | quarterfold | lunchbox | envelope
    width: float  # mm, as printed (landscape sheets are wider than tall)
    height: float
    pages: tuple[tuple[Panel, ...], ...]
    base_size: float  # preferred handwriting size in points
    min_size: float  # smallest size still comfortable to read on this paper
    margin: float  # mm inside each panel
    page_size_id: QPageSize.PageSizeId | None = None
    fold_lines: tuple[tuple[float, float, float, float], ...] = ()  # mm, x1 y1 x2 y2
    cut_lines: tuple[tuple[float, float, float, float], ...] = ()
    larger: str | None = None  # the next size up when the text does not fit

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def page_size(self) -> QPageSize:
        """The paper as Qt knows it (standard sizes by id so printers pick the right tray)."""
        if self.page_size_id is not None:
            return QPageSize(self.page_size_id)
        short, long = sorted((self.width, self.height))
        return QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, self.label)

    def page_layout(self) -> QPageLayout:
        orientation = (QPageLayout.Orientation.Landscape if self.landscape
                       else QPageLayout.Orientation.Portrait)
        from PySide6.QtCore import QMarginsF

        return QPageLayout(self.page_size(), orientation, QMarginsF(0, 0, 0, 0),
                           QPageLayout.Unit.Millimeter)

    @property
    def message_panels(self) -> int:
        return sum(1 for page in self.pages for p in page if p.role in ("message", "note"))


def _flat(key: str, label: str, width: float, height: float, base: float, margin: float,
          size_id: QPageSize.PageSizeId | None, larger: str | None,
          kind: str = "card", min_size: float = 11.0) -> Layout:
    panel = Panel("message", 0, 0, width, height)
    return Layout(key, label, kind, width, height, ((panel,),), base, min_size, margin, size_id,
                  larger=larger)


def _halffold(key: str, label: str, short: float, long: float,
              size_id: QPageSize.PageSizeId, larger: str | None) -> Layout:
    # Landscape sheet folded down the middle: outside (back | front), then inside (left | right).
    half = long / 2
    outside = (Panel("back", 0, 0, half, short), Panel("front", half, 0, half, short))
    inside = (Panel("inside_left", 0, 0, half, short), Panel("message", half, 0, half, short))
    return Layout(key, label, "halffold", long, short, (outside, inside), 24.0, 12.0, 14.0,
                  size_id, fold_lines=((half, 0, half, short),), larger=larger)


def _quarterfold(key: str, label: str, short: float, long: float,
                 size_id: QPageSize.PageSizeId, larger: str | None) -> Layout:
    # Portrait sheet: fold the top half back, then the left half back. The bottom row is the
    # outside (back | front, upright); the top row becomes the inside spread and is printed
    # upside down: top-left is the inside right page (the message), top-right the inside left.
    w, h = short / 2, long / 2
    panels = (
        Panel("message", 0, 0, w, h, rotated=True),
        Panel("inside_left", w, 0, w, h, rotated=True),
        Panel("back", 0, h, w, h),
        Panel("front", w, h, w, h),
    )
    folds = ((0, h, short, h), (w, 0, w, long))
    return Layout(key, label, "quarterfold", short, long, (panels,), 20.0, 11.0, 10.0, size_id,
                  fold_lines=folds, larger=larger)


def _lunchbox(key: str, label: str, short: float, long: float,
              size_id: QPageSize.PageSizeId) -> Layout:
    columns, rows = 2, 4
    w, h = short / columns, long / rows
    panels = tuple(
        Panel("note", col * w, row * h, w, h, index=row * columns + col)
        for row in range(rows)
        for col in range(columns)
    )
    cuts = tuple((col * w, 0, col * w, long) for col in range(1, columns)) + tuple(
        (0, row * h, short, row * h) for row in range(1, rows)
    )
    return Layout(key, label, "lunchbox", short, long, (panels,), 20.0, 11.0, 8.0, size_id,
                  cut_lines=cuts)


def _envelope(key: str, label: str, width: float, height: float,
              size_id: QPageSize.PageSizeId | None) -> Layout:
    panel = Panel("address", 0, 0, width, height)
    return Layout(key, label, "envelope", width, height, ((panel,),), 42.0, 14.0, 12.0, size_id)


PageId = QPageSize.PageSizeId
# The window shows these labels through QCoreApplication.translate (context NoteWords).
LAYOUTS: tuple[Layout, ...] = (
    _flat("card-a6", QT_TRANSLATE_NOOP("NoteWords", "Card, A6"),
          105, 148, 22.0, 9.0, PageId.A6, "card-5x7"),
    _flat("card-4x6", QT_TRANSLATE_NOOP("NoteWords", "Card, 4 × 6 in"),
          4 * INCH, 6 * INCH, 22.0, 9.0, None, "card-5x7"),
    _flat("card-5x7", QT_TRANSLATE_NOOP("NoteWords", "Card, 5 × 7 in"),
          5 * INCH, 7 * INCH, 24.0, 11.0, None, "halffold-a4"),
    _halffold("halffold-a4", QT_TRANSLATE_NOOP("NoteWords", "Folded card, A4"),
              210, 297, PageId.A4, "letter-a4"),
    _halffold("halffold-letter", QT_TRANSLATE_NOOP("NoteWords", "Folded card, US Letter"),
              8.5 * INCH, 11 * INCH, PageId.Letter,
              "letter-us"),
    _quarterfold("quarterfold-a4", QT_TRANSLATE_NOOP("NoteWords", "Quarter-fold card, A4"),
                 210, 297, PageId.A4, "halffold-a4"),
    _quarterfold("quarterfold-letter",
                 QT_TRANSLATE_NOOP("NoteWords", "Quarter-fold card, US Letter"),
                 8.5 * INCH, 11 * INCH, PageId.Letter, "halffold-letter"),
    _flat("letter-a4", QT_TRANSLATE_NOOP("NoteWords", "Letter, A4"),
          210, 297, 20.0, 22.0, PageId.A4, None, kind="letter",
          min_size=10.0),
    _flat("letter-us", QT_TRANSLATE_NOOP("NoteWords", "Letter, US Letter"),
          8.5 * INCH, 11 * INCH, 20.0, 22.0, PageId.Letter,
          None, kind="letter", min_size=10.0),
    _lunchbox("lunchbox-a4", QT_TRANSLATE_NOOP("NoteWords", "Lunchbox notes, A4"),
              210, 297, PageId.A4),
    _lunchbox("lunchbox-letter", QT_TRANSLATE_NOOP("NoteWords", "Lunchbox notes, US Letter"),
              8.5 * INCH, 11 * INCH,
              PageId.Letter),
    _envelope("envelope-dl", QT_TRANSLATE_NOOP("NoteWords", "Envelope, DL"), 220, 110, PageId.DLE),
    _envelope("envelope-c6", QT_TRANSLATE_NOOP("NoteWords", "Envelope, C6"), 162, 114, None),
    _envelope("envelope-10", QT_TRANSLATE_NOOP("NoteWords", "Envelope, US #10"),
              9.5 * INCH, 4.125 * INCH, PageId.Comm10E),
)
LAYOUTS_BY_KEY = {layout.key: layout for layout in LAYOUTS}
LUNCHBOX_CAPACITY = 8
