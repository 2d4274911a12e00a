"""The handwriting capture sheet, described once: drawing and reading it share these numbers.

Everything is in millimetres in the *sheet frame*: the origin is the centre of the top-left
corner marker, x grows to the right, y grows down. The four corner markers are QR codes whose
centres sit at the corners of a MARKER_SPAN rectangle; that rectangle is centred on the paper,
so A4 and Letter share one grid and differ only in the white paper around it.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

# Sheets already printed are read with these numbers: changing any of them means a new
# version, and CODE_PREFIX must change with it so an older sheet is never misread.
SHEET_VERSION = 1
CODE_PREFIX = "LBH1"  # what every marker's text starts with: LoveBridge handwriting, sheet v1
VARIANTS = 3  # each single character is written three times so the printed hand varies
PUNCTUATION = "'\"?!,.-:;()&"
PAIRS = ("th", "he", "in", "er", "an", "ll", "oo", "ee", "ss", "nd")
CHARACTERS = string.ascii_lowercase + string.ascii_uppercase + string.digits + PUNCTUATION
# Letters that sit on the baseline with nothing below it: they show where the writer's line is.
BASELINE_LETTERS = frozenset("acemnorsuvwxzbdhiklt")
# Lowercase letters as tall as an "x": they show how large the writer's hand is.
X_HEIGHT_LETTERS = frozenset("acemnorsuvwxz")

PAPERS_MM: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARKER_SIZE = 12.0  # side of a corner QR code, quiet zone included
MARKER_SPAN = (190.0, 258.0)  # between marker centres
COLUMNS = 13
CELL_WIDTH = MARKER_SPAN[0] / COLUMNS
GRID_TOP = 7.0
GRID_BOTTOM = MARKER_SPAN[1] - 7.0
LABEL_HEIGHT = 2.0  # the printed character above each writing box
BOX_GAP = 0.5  # between neighbouring boxes
BASELINE_FRACTION = 0.62  # where the baseline ticks sit, from the top of the writing box
CORNERS = ("TL", "TR", "BL", "BR")
# Printed at the top of the sheet (the app passes them through its translations).
SHEET_TITLE = "My handwriting · LoveBridge"
SHEET_INSTRUCTIONS = (
    "Write one character in each box with a dark pen, resting on the line the little ticks "
    "mark; letters like g and y hang below it. Keep inside the box. Then photograph the whole "
    "sheet from above, all four corner squares in the picture, or scan it."
)


@dataclass(frozen=True)
class Box:
    """One writing box: which character it holds, which take of it, where it is (mm)."""

    index: int
    text: str  # one character, or a pair such as "th"
    variant: int
    x: float
    y: float
    width: float
    height: float

    @property
    def baseline(self) -> float:
        return self.y + self.height * BASELINE_FRACTION

    @property
    def label_y(self) -> float:
        return self.y - LABEL_HEIGHT

    def describe(self) -> str:
        """How a person names this box: 'g (2nd)'."""
        take = ("1st", "2nd", "3rd")[self.variant] if self.variant < 3 else f"{self.variant + 1}th"
        return f"{self.text} ({take})" if self.text not in PAIRS else self.text


def entries() -> list[tuple[str, int]]:
    """(text, variant) for every box, in reading order: each character thrice, then the pairs."""
    singles = [(char, variant) for char in CHARACTERS for variant in range(VARIANTS)]
    return singles + [(pair, 0) for pair in PAIRS]


def _layout() -> tuple[Box, ...]:
    items = entries()
    slots = sum(2 if len(text) > 1 else 1 for text, _v in items)
    rows = -(-slots // COLUMNS)
    row_height = (GRID_BOTTOM - GRID_TOP) / rows
    boxes: list[Box] = []
    column = row = 0
    for index, (text, variant) in enumerate(items):
        span = 2 if len(text) > 1 else 1
        if column + span > COLUMNS:
            column, row = 0, row + 1
        top = GRID_TOP + row * row_height + LABEL_HEIGHT
        boxes.append(Box(index, text, variant, column * CELL_WIDTH + BOX_GAP / 2, top,
                         span * CELL_WIDTH - BOX_GAP, row_height - LABEL_HEIGHT - BOX_GAP))
        column += span
    return tuple(boxes)


BOXES: tuple[Box, ...] = _layout()


def marker_centre(corner: str) -> tuple[float, float]:
    """Where a corner marker's centre is in the sheet frame."""
    return (MARKER_SPAN[0] if corner.endswith("R") else 0.0,
            MARKER_SPAN[1] if corner.startswith("B") else 0.0)


def sheet_origin_on_paper(paper: str) -> tuple[float, float]:
    """Where the sheet frame's origin sits on the paper (mm from the paper's top-left)."""
    width, height = PAPERS_MM[paper]
    return (width - MARKER_SPAN[0]) / 2, (height - MARKER_SPAN[1]) / 2


def new_sheet_code() -> str:
    """A short random code telling one printed sheet from another (upper case, QR alphanumeric)."""
    return "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(6))


def marker_text(corner: str, sheet_code: str, paper: str) -> str:
    """What a corner's QR code says, e.g. 'LBH1 TL A4 7QX2KD'."""
    return f"{CODE_PREFIX} {corner} {paper.upper()} {sheet_code}"


@dataclass(frozen=True)
class MarkerText:
    corner: str
    paper: str
    sheet_code: str


def parse_marker_text(text: str) -> MarkerText | None:
    """The corner, paper and code of a marker's text; None for any other QR code."""
    parts = text.strip().split()
    if len(parts) != 4 or parts[0] != CODE_PREFIX or parts[1] not in CORNERS:
        return None
    if parts[2].lower() not in PAPERS_MM:
        return None
    return MarkerText(parts[1], parts[2].lower(), parts[3])
