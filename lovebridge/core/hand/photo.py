"""Find a capture sheet in a photo and flatten it: markers, perspective, even lighting (Pillow).

The corner markers are read with zxing-cpp, which reports each QR code's corners; the centres of
the four codes give a perspective mapping from the sheet frame (mm) into the photo, which Pillow
applies in C. Each marker names its corner, so a sheet photographed upside down or sideways
comes out the right way up without any guessing.
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image, ImageFilter, ImageMath, ImageOps

from . import sheet as geo

logger = logging.getLogger(__name__)

PX_PER_MM = 8  # resolution of the flattened sheet (about 200 dpi)
MARGIN_MM = 2.0  # flattened area around the marker rectangle
MAX_PIXELS = 80_000_000  # larger photos are refused before they are decoded
MIN_SHORT_SIDE = 700  # smaller photos cannot show the glyphs' shapes
DETECT_LONG_SIDE = 2400  # markers are looked for on a reduced copy first


class SheetPhotoError(ValueError):
    """A photo that cannot be read as a capture sheet; the message says why, for a person."""


@dataclass(frozen=True)
class FlatSheet:
    """A capture sheet flattened to the sheet frame: 8 px per mm, ink dark on white."""

    image: Image.Image  # mode "L", lighting evened
    paper: str
    sheet_code: str
    corners_found: int

    def to_pixels(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        return (x_mm + MARGIN_MM) * PX_PER_MM, (y_mm + MARGIN_MM) * PX_PER_MM


def open_photo(path: str | Path) -> Image.Image:
    """Decode a photo to grey, turned as the camera said; clear errors for unusable files."""
    path = Path(path)
    try:
        with warnings.catch_warnings():
            # Size is checked just below, with a message a person understands.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(path)
        with probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise SheetPhotoError(
                    f"{path.name} is {width * height / 1e6:.0f} megapixels, more than the "
                    f"{MAX_PIXELS / 1e6:.0f} a photo of the sheet can be. "
                    "Please use a smaller copy."
                )
            probe.draft("L", (width, height))
            image = ImageOps.exif_transpose(probe).convert("L")
    except SheetPhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise SheetPhotoError(f"{path.name} is far too large to be a photo of the sheet.") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise SheetPhotoError(f"{path.name} could not be opened as a picture ({exc}).") from exc
    if min(image.size) < MIN_SHORT_SIDE:
        raise SheetPhotoError(
            f"{path.name} is only {image.size[0]} × {image.size[1]} pixels; the letters need "
            f"at least {MIN_SHORT_SIDE} pixels across the short side. Photograph the sheet "
            "closer, or scan it."
        )
    return image


def find_markers(image: Image.Image) -> tuple[dict[str, tuple[float, float]], str, str]:
    """Corner -> marker centre (photo pixels), the paper, and the sheet code."""
    scale = max(1, round(max(image.size) / DETECT_LONG_SIDE))
    found = _read_markers(image.reduce(scale) if scale > 1 else image, scale)
    if len(found) < 4 and scale > 1:
        found = _read_markers(image, 1) or found
    if 2 <= len(found) < 4 and len({text.sheet_code for text, _c in found}) == 1:
        found += _look_for_missing(image, found)
    if not found:
        raise SheetPhotoError(
            "No LoveBridge sheet was found in this photo: the square codes in its corners "
            "could not be seen. Make sure all four corners are in the picture and in focus."
        )
    codes = {text.sheet_code for text, _centre in found}
    corners = [text.corner for text, _centre in found]
    if len(codes) > 1 or len(corners) != len(set(corners)):
        raise SheetPhotoError(
            "This photo shows more than one handwriting sheet. Photograph one sheet at a time."
        )
    if len(found) < 3:
        missing = ", ".join(_corner_name(c) for c in geo.CORNERS if c not in corners)
        raise SheetPhotoError(
            f"Only {len(found)} of the sheet's four corner codes could be seen (missing: "
            f"{missing}). Keep the whole sheet in the picture."
        )
    papers = {text.paper for text, _centre in found}
    return {text.corner: centre for text, centre in found}, papers.pop(), codes.pop()


def _expected_centres(found: list) -> dict[str, tuple[float, float]]:
    """Where every corner should be, from the markers seen (three: affine; two: similarity)."""
    centres = {text.corner: centre for text, centre in found}
    if len(centres) >= 3:
        return _complete_corners(dict(list(centres.items())[:3]))
    (c1, (x1, y1)), (c2, (x2, y2)) = list(centres.items())[:2]
    (u1, v1), (u2, v2) = geo.marker_centre(c1), geo.marker_centre(c2)
    # Complex numbers turn two point pairs into a rotation, scale and shift.
    factor = complex(x2 - x1, y2 - y1) / complex(u2 - u1, v2 - v1)
    shift = complex(x1, y1) - factor * complex(u1, v1)
    guesses = {}
    for corner in geo.CORNERS:
        point = factor * complex(*geo.marker_centre(corner)) + shift
        guesses[corner] = (point.real, point.imag)
    return guesses


def _look_for_missing(image: Image.Image, found: list) -> list:
    """Look again where the markers seen say the others must be, with the contrast stretched.

    A corner in deep shadow or glare is missed on the whole photo but read on its own.
    """
    guesses = _expected_centres(found)
    seen = {text.corner for text, _centre in found}
    code = found[0][0].sheet_code
    (first, (ax, ay)), (second, (bx, by)) = [(t.corner, c) for t, c in found[:2]]
    (ma, mb) = geo.marker_centre(first), geo.marker_centre(second)
    px_per_mm = math.dist((ax, ay), (bx, by)) / max(1e-6, math.dist(ma, mb))
    half = geo.MARKER_SIZE * px_per_mm * (2.5 if len(found) == 3 else 4.0)
    extra = []
    for corner in geo.CORNERS:
        if corner in seen:
            continue
        x, y = guesses[corner]
        box = (max(0, round(x - half)), max(0, round(y - half)),
               min(image.size[0], round(x + half)), min(image.size[1], round(y + half)))
        if box[2] - box[0] < 20 or box[3] - box[1] < 20:
            continue
        extra += _read_patch(image, box, corner, code, px_per_mm)
    return extra


def _read_patch(image: Image.Image, box: tuple[int, int, int, int], corner: str,
                code: str, px_per_mm: float) -> list:
    patch = ImageOps.autocontrast(image.crop(box), cutoff=2)
    # Enlarged until a QR module is about ten pixels: small soft modules are what fails.
    module_px = px_per_mm * geo.MARKER_SIZE / 25
    zoom = max(1, min(4, math.ceil(10 / max(module_px, 0.1))))
    patch = patch.resize((patch.size[0] * zoom, patch.size[1] * zoom), Image.Resampling.BICUBIC)
    # A noisy corner often reads once smoothed.
    for attempt in (patch, patch.filter(ImageFilter.MedianFilter(2 * zoom + 1))):
        for text, (cx, cy) in _read_markers(attempt, 1):
            if text.corner == corner and text.sheet_code == code:
                return [(text, (box[0] + cx / zoom, box[1] + cy / zoom))]
    return []


def _corner_name(corner: str) -> str:
    return {"TL": "top left", "TR": "top right", "BL": "bottom left", "BR": "bottom right"}[
        corner]


def _read_markers(image: Image.Image, scale: int) -> list[tuple[geo.MarkerText, tuple]]:
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    found = []
    for result in results:
        text = geo.parse_marker_text(result.text)
        if text is None:
            continue
        pos = result.position
        points = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
        centre = (sum(p.x for p in points) / 4 * scale, sum(p.y for p in points) / 4 * scale)
        found.append((text, centre))
    return found


def solve_perspective(source: list[tuple[float, float]], target: list[tuple[float, float]]
                      ) -> tuple[float, ...]:
    """Pillow PERSPECTIVE coefficients mapping each `source` point onto its `target` point.

    Eight unknowns from four point pairs, by Gaussian elimination with partial pivoting.
    """
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(source, target, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    size = 8
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        if abs(rows[pivot][col]) < 1e-12:
            raise SheetPhotoError("The sheet's corners are in a line; the photo is too skewed.")
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(size):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return tuple(rows[i][size] / rows[i][i] for i in range(size))


def _complete_corners(centres: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """With three corners seen, the fourth is put where a flat parallelogram would have it."""
    if len(centres) == 4:
        return centres
    opposite = {"TL": ("TR", "BL", "BR"), "TR": ("TL", "BR", "BL"),
                "BL": ("TL", "BR", "TR"), "BR": ("TR", "BL", "TL")}
    missing = next(c for c in geo.CORNERS if c not in centres)
    a, b, across = opposite[missing]
    (ax, ay), (bx, by), (cx, cy) = centres[a], centres[b], centres[across]
    return {**centres, missing: (ax + bx - cx, ay + by - cy)}


def flatten(image: Image.Image, centres: dict[str, tuple[float, float]]) -> Image.Image:
    """The sheet frame cut out of the photo and squared up, at PX_PER_MM, in grey."""
    centres = _complete_corners(centres)
    width_mm = geo.MARKER_SPAN[0] + 2 * MARGIN_MM
    height_mm = geo.MARKER_SPAN[1] + 2 * MARGIN_MM
    target_points = []
    source_points = []
    for corner in geo.CORNERS:
        x_mm, y_mm = geo.marker_centre(corner)
        target_points.append(((x_mm + MARGIN_MM) * PX_PER_MM, (y_mm + MARGIN_MM) * PX_PER_MM))
        source_points.append(centres[corner])
    coefficients = solve_perspective(target_points, source_points)
    size = (round(width_mm * PX_PER_MM), round(height_mm * PX_PER_MM))
    return image.transform(size, Image.Transform.PERSPECTIVE, coefficients,
                           Image.Resampling.BILINEAR, fillcolor=255)


def even_lighting(flat: Image.Image) -> Image.Image:
    """Divide by the paper's own brightness, so shadows and kitchen light become white paper."""
    small = flat.reduce(PX_PER_MM)  # one pixel per millimetre
    # The brightest nearby pixel is paper (strokes are far thinner than 7 mm); blur smooths it.
    paper = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(4))
    paper = paper.resize(flat.size, Image.Resampling.BILINEAR)
    return ImageMath.lambda_eval(
        lambda env: env["convert"](
            env["min"](env["ink"] * 255 / (env["paper"] + 1), 255), "L"),
        ink=flat, paper=paper)


def read_sheet(path: str | Path) -> FlatSheet:
    """Open a photo of a capture sheet and return it flattened and evenly lit."""
    image = open_photo(path)
    centres, paper, code = find_markers(image)
    flat = even_lighting(flatten(image, centres))
    return FlatSheet(flat, paper, code, len(centres))
