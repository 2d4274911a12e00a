"""How a note looks: layout, font, ink, paper, decoration, neatness and the take (seed)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP

from .fonts import DEFAULT_FONT, FONTS_BY_KEY


@dataclass(frozen=True)
class Ink:
    key: str
    label: str
    colour: str  # #rrggbb


INKS: tuple[Ink, ...] = (
    Ink("blue", QT_TRANSLATE_NOOP("NoteWords", "Blue"), "#1f3f9a"),
    Ink("black", QT_TRANSLATE_NOOP("NoteWords", "Black"), "#1d1d22"),
    Ink("navy", QT_TRANSLATE_NOOP("NoteWords", "Blue-black"), "#1b2a4a"),
    Ink("red", QT_TRANSLATE_NOOP("NoteWords", "Red"), "#b0262e"),
    Ink("green", QT_TRANSLATE_NOOP("NoteWords", "Green"), "#1f6a3f"),
    Ink("purple", QT_TRANSLATE_NOOP("NoteWords", "Purple"), "#5b2b82"),
    Ink("brown", QT_TRANSLATE_NOOP("NoteWords", "Sepia"), "#6b4226"),
)
INKS_BY_KEY = {ink.key: ink for ink in INKS}

PAPER_COLOURS = {"white": "#ffffff", "cream": "#fbf4e2", "kraft": "#d9bf98"}
RULINGS = ("plain", "lined", "dotted", "grid")
PAPERS: tuple[str, ...] = tuple(
    colour if ruling == "plain" else f"{colour}-{ruling}"
    for colour in PAPER_COLOURS
    for ruling in RULINGS
)
DECORATIONS = ("none", "border", "hearts", "stars")


def paper_parts(paper: str) -> tuple[str, str]:
    """("cream", "lined") from "cream-lined"; ("white", "plain") from "white"."""
    colour, _, ruling = paper.partition("-")
    return colour, ruling or "plain"


@dataclass(frozen=True)
class NoteStyle:
    """Everything about a note's look; JSON-serialisable so it can be kept with the message."""

    layout: str = "card-a6"
    font: str = DEFAULT_FONT
    ink: str = "blue"
    paper: str = "cream-lined"
    decoration: str = "none"
    neat: bool = False
    seed: int = 1

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> NoteStyle:
        """Parse a stored style; unknown or bad values fall back to the defaults, never fail."""
        if not text:
            return cls()
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        style = cls()
        for name, value in data.items():
            if name in known:
                candidate = replace(style, **{name: value})
                if candidate.is_valid_field(name):
                    style = candidate
        return style

    def is_valid_field(self, name: str) -> bool:
        from .hand_font import is_registered
        from .layouts import LAYOUTS_BY_KEY

        value = getattr(self, name)
        checks = {
            "layout": lambda v: v in LAYOUTS_BY_KEY,
            "font": lambda v: v in FONTS_BY_KEY or is_registered(v),
            "ink": lambda v: v in INKS_BY_KEY,
            "paper": lambda v: v in PAPERS,
            "decoration": lambda v: v in DECORATIONS,
            "neat": lambda v: isinstance(v, bool),
            "seed": lambda v: isinstance(v, int) and not isinstance(v, bool),
        }
        return checks[name](value)
