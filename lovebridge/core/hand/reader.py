"""Read a photographed capture sheet into raw glyph outlines, box by box, saying what failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageFilter

from . import sheet as geo
from .photo import MARGIN_MM, PX_PER_MM, FlatSheet, read_sheet
from .trace import Contour, otsu_threshold, simplify, trace_outlines

INSET_MM = 0.8  # kept clear of a box's printed border
MIN_INK_MM2 = 0.15  # less ink than this (an apostrophe has more) and the box is empty
MAX_INK_SHARE = 0.55  # more and it is a smudge or a shadow, not a letter
THRESHOLD_RANGE = (80, 200)
SIMPLIFY_PX = 0.35
Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class RawGlyph:
    """Outlines from one box, in mm: x from the box's left, y from its printed baseline (down)."""

    box: geo.Box
    contours: tuple[Contour, ...]


@dataclass(frozen=True)
class SheetReading:
    """What one photo gave: glyphs per box index, and boxes that failed with the reason."""

    paper: str
    sheet_code: str
    glyphs: dict[int, RawGlyph] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)

    @property
    def recovered(self) -> int:
        return len(self.glyphs)


def grid_threshold(flat: FlatSheet) -> int:
    """One threshold for the whole grid, from Otsu on the evened sheet, kept in a sane range."""
    left, top = flat.to_pixels(0, geo.GRID_TOP)
    right, bottom = flat.to_pixels(geo.MARKER_SPAN[0], geo.GRID_BOTTOM)
    histogram = flat.image.crop((round(left), round(top), round(right), round(bottom))).histogram()
    # Paper is the great majority; Otsu among the darker half separates ink from faint guides.
    level = otsu_threshold(histogram[:230] + [0] * 26)
    return max(THRESHOLD_RANGE[0], min(THRESHOLD_RANGE[1], level))


def read_box(flat: FlatSheet, box: geo.Box, threshold: int) -> RawGlyph | str:
    """The glyph written in one box, or the reason there is none."""
    left, top = flat.to_pixels(box.x + INSET_MM, box.y + INSET_MM)
    right, bottom = flat.to_pixels(box.x + box.width - INSET_MM, box.y + box.height - INSET_MM)
    crop = flat.image.crop((round(left), round(top), round(right), round(bottom)))
    crop = crop.filter(ImageFilter.MedianFilter(3))  # specks of sensor noise go
    # Where the crop's top-left pixel sits, in mm from the box's left and its baseline.
    origin = (round(left) / PX_PER_MM - MARGIN_MM - box.x,
              round(top) / PX_PER_MM - MARGIN_MM - box.baseline)
    return glyph_from_image(crop, box, threshold, PX_PER_MM, origin)


def read_drawing(image: Image.Image, box: geo.Box) -> RawGlyph | str:
    """A glyph drawn on screen: `image` is the box's whole writing area, dark ink on white."""
    px_per_mm = image.size[0] / box.width
    return glyph_from_image(image.convert("L"), box, 128, px_per_mm,
                            (0.0, -box.height * geo.BASELINE_FRACTION))


def glyph_from_image(crop: Image.Image, box: geo.Box, threshold: int, px_per_mm: float,
                     origin: tuple[float, float]) -> RawGlyph | str:
    """Threshold and trace one box's picture; `origin` places its top-left pixel (mm)."""
    histogram = crop.histogram()
    ink = sum(histogram[:threshold])
    area = crop.size[0] * crop.size[1]
    if ink < MIN_INK_MM2 * px_per_mm * px_per_mm:
        return "empty"
    if ink > area * MAX_INK_SHARE:
        return "too dark (a shadow or a smudge?)"
    bbox = crop.point(lambda v: 255 if v < threshold else 0).getbbox()
    pad = 2
    x0, y0 = max(0, bbox[0] - pad), max(0, bbox[1] - pad)
    x1, y1 = min(crop.size[0], bbox[2] + pad), min(crop.size[1], bbox[3] + pad)
    outlines = trace_outlines(crop.crop((x0, y0, x1, y1)), threshold,
                              min_area=px_per_mm * px_per_mm * 0.12)
    if not outlines:
        return "only specks"
    tolerance = SIMPLIFY_PX * px_per_mm / PX_PER_MM
    contours = tuple(
        tuple((round(origin[0] + (x0 + x) / px_per_mm, 3),
               round(origin[1] + (y0 + y) / px_per_mm, 3))
              for x, y in simplify(outline, tolerance))
        for outline in outlines)
    return RawGlyph(box, contours)


def read_boxes(flat: FlatSheet, progress: Progress | None = None,
               only: set[int] | None = None) -> SheetReading:
    """Every box of a flattened sheet (or just `only` those), reporting progress as it goes."""
    threshold = grid_threshold(flat)
    reading = SheetReading(flat.paper, flat.sheet_code)
    boxes = [box for box in geo.BOXES if only is None or box.index in only]
    for done, box in enumerate(boxes, start=1):
        result = read_box(flat, box, threshold)
        if isinstance(result, str):
            reading.failed[box.index] = result
        else:
            reading.glyphs[box.index] = result
        if progress is not None and (done % 8 == 0 or done == len(boxes)):
            progress(done, len(boxes))
    return reading


def read_photo(path: str | Path, progress: Progress | None = None,
               only: set[int] | None = None) -> SheetReading:
    """Read one photo of a capture sheet (raises SheetPhotoError with a person's message)."""
    flat = read_sheet(path)
    return read_boxes(flat, progress, only)


def flat_image_of(path: str | Path) -> Image.Image:
    """The flattened, evened sheet (for looking at what the reader saw)."""
    return read_sheet(path).image
