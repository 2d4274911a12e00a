"""A handwriting as plain data: glyph outlines per character, with variants, and its JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .trace import Contour

FORMAT = 1
UNITS = 1000  # outline points are stored as integers in thousandths of an em


@dataclass(frozen=True)
class Glyph:
    """One written character (or pair): closed outlines in ems, baseline at y=0, y down.

    `box` is the sheet box it came from (or -1 when drawn on screen), so a box can be redone.
    """

    text: str
    variant: int
    contours: tuple[Contour, ...]
    advance: float
    box: int = -1

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for contour in self.contours for x, _y in contour]
        ys = [y for contour in self.contours for _x, y in contour]
        if not xs:
            return 0.0, 0.0, 0.0, 0.0
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Hand:
    """A writer's handwriting: every glyph recovered, and the hand's size and slant."""

    name: str
    glyphs: tuple[Glyph, ...] = ()
    x_height: float = 0.5  # ems; the normaliser makes it 0.5
    slant: float = 0.0  # degrees, positive leaning right
    # The sheet measures the hand was scaled by (x-height and distance below the printed line,
    # in mm), so a box redone later is scaled and placed exactly like the rest.
    measures: tuple[float, float] | None = None

    def variants(self, text: str) -> list[Glyph]:
        return [glyph for glyph in self.glyphs if glyph.text == text]

    def characters(self) -> set[str]:
        return {glyph.text for glyph in self.glyphs}


def to_json(hand: Hand) -> str:
    """Compact JSON: integers in thousandths of an em."""
    glyphs = [
        {
            "t": glyph.text,
            "v": glyph.variant,
            "b": glyph.box,
            "a": round(glyph.advance * UNITS),
            "c": [[coordinate for x, y in contour
                   for coordinate in (round(x * UNITS), round(y * UNITS))]
                  for contour in glyph.contours],
        }
        for glyph in hand.glyphs
    ]
    return json.dumps({"format": FORMAT, "x_height": hand.x_height, "slant": hand.slant,
                       "measures": hand.measures, "glyphs": glyphs}, separators=(",", ":"))


def from_json(name: str, text: str) -> Hand:
    """The hand back from `to_json`; a damaged record gives a ValueError."""
    try:
        data = json.loads(text)
        glyphs = tuple(
            Glyph(
                item["t"], int(item["v"]),
                tuple(tuple((flat[i] / UNITS, flat[i + 1] / UNITS)
                            for i in range(0, len(flat) - 1, 2)) for flat in item["c"]),
                item["a"] / UNITS, int(item.get("b", -1)),
            )
            for item in data["glyphs"]
        )
        measures = data.get("measures")
        return Hand(name, glyphs, float(data.get("x_height", 0.5)), float(data.get("slant", 0)),
                    tuple(measures) if measures else None)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ValueError("the stored handwriting is damaged") from exc
