"""From a grey glyph image to vector outlines: Otsu's threshold, marching squares, simplification.

No tracing library fit: potrace's Python packages are either unmaintained bindings that need a
compiler (pypotrace) or a pure-Python port that needs numpy (potracer), and OpenCV's contours
cost ~60 MB in the bundle. Glyph boxes are small (a few thousand pixels), so an iso-line traced
at the threshold with linear interpolation gives smooth outlines quickly enough in plain Python.
"""

from __future__ import annotations

import math

from PIL import Image

Point = tuple[float, float]
Contour = tuple[Point, ...]


def otsu_threshold(histogram: list[int]) -> int:
    """The grey level that best separates dark ink from light paper (Otsu, 1979)."""
    histogram = histogram[:256]
    total = sum(histogram)
    if not total:
        return 128
    sum_all = sum(level * count for level, count in enumerate(histogram))
    weight_dark = sum_dark = 0.0
    best_level, best_spread = 128, -1.0
    for level, count in enumerate(histogram):
        weight_dark += count
        if weight_dark == 0:
            continue
        weight_light = total - weight_dark
        if weight_light == 0:
            break
        sum_dark += level * count
        mean_dark = sum_dark / weight_dark
        mean_light = (sum_all - sum_dark) / weight_light
        spread = weight_dark * weight_light * (mean_dark - mean_light) ** 2
        if spread > best_spread:
            best_level, best_spread = level, spread
    return best_level


def trace_outlines(image: Image.Image, threshold: float, min_area: float = 6.0
                   ) -> list[Contour]:
    """Closed outlines (pixel coordinates) of the regions darker than `threshold`.

    Marching squares on the grey values, with each crossing interpolated along its cell edge,
    so the outline is smooth rather than stair-stepped. Each crossing belongs to exactly two
    cells, so every point has two neighbours and the loops close by themselves. Holes come out
    as loops too; fill them with the even-odd rule.
    """
    width, height = image.size
    padded_w, padded_h = width + 2, height + 2
    data = image.tobytes()
    # One pixel of paper around the glyph so every outline closes inside the grid.
    grid = [255.0] * (padded_w * padded_h)
    for y in range(height):
        row = data[y * width:(y + 1) * width]
        base = (y + 1) * padded_w + 1
        grid[base:base + width] = row
    inside = [value < threshold for value in grid]
    neighbours: dict[tuple, list[tuple]] = {}
    position: dict[tuple, Point] = {}

    def crossing(edge: tuple) -> tuple:
        if edge not in position:
            kind, x, y = edge
            a = grid[y * padded_w + x]
            b = grid[(y + 1) * padded_w + x] if kind == "v" else grid[y * padded_w + x + 1]
            t = 0.5 if a == b else min(1.0, max(0.0, (threshold - a) / (b - a)))
            position[edge] = (x + t - 1, y - 1) if kind == "h" else (x - 1, y + t - 1)
        return edge

    def link(e1: tuple, e2: tuple) -> None:
        neighbours.setdefault(crossing(e1), []).append(e2)
        neighbours.setdefault(crossing(e2), []).append(e1)

    for y in range(padded_h - 1):
        row, below = y * padded_w, (y + 1) * padded_w
        for x in range(padded_w - 1):
            tl, tr = inside[row + x], inside[row + x + 1]
            bl, br = inside[below + x], inside[below + x + 1]
            if tl == tr == bl == br:
                continue
            top, bottom = ("h", x, y), ("h", x, y + 1)
            left, right = ("v", x, y), ("v", x + 1, y)
            case = (tl << 3) | (tr << 2) | (br << 1) | bl
            if case in (1, 14):
                link(left, bottom)
            elif case in (2, 13):
                link(bottom, right)
            elif case in (3, 12):
                link(left, right)
            elif case in (4, 11):
                link(top, right)
            elif case in (6, 9):
                link(top, bottom)
            elif case in (7, 8):
                link(left, top)
            else:  # a saddle: the cell's average decides whether the diagonals join
                centre = (grid[row + x] + grid[row + x + 1] + grid[below + x]
                          + grid[below + x + 1]) / 4
                joined = (centre < threshold) == (case == 10)
                if joined:  # 10: tr and bl inside and connected through the middle
                    link(left, top)
                    link(bottom, right)
                else:
                    link(left, bottom)
                    link(top, right)
    return [c for c in _chain(neighbours, position) if abs(polygon_area(c)) >= min_area]


def _chain(neighbours: dict[tuple, list[tuple]], position: dict[tuple, Point]) -> list[Contour]:
    seen: set[tuple] = set()
    loops = []
    for start in neighbours:
        if start in seen:
            continue
        loop = [start]
        seen.add(start)
        previous, current = None, start
        while True:
            options = [n for n in neighbours[current] if n != previous]
            following = next((n for n in options if n not in seen), None)
            if following is None:
                break
            seen.add(following)
            loop.append(following)
            previous, current = current, following
        if len(loop) >= 3:
            loops.append(tuple(position[edge] for edge in loop))
    return loops


def polygon_area(points: Contour) -> float:
    """Signed area (shoelace); positive and negative mark the two winding directions."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def simplify(points: Contour, tolerance: float) -> Contour:
    """Fewer points, none further than `tolerance` from the original closed outline."""
    if len(points) < 8:
        return points
    # Split the loop at its two most distant points and simplify each half (Douglas-Peucker).
    first = points[0]
    far = max(range(len(points)), key=lambda i: _distance2(points[i], first))
    half_a = _douglas_peucker(list(points[: far + 1]), tolerance)
    half_b = _douglas_peucker([*points[far:], first], tolerance)
    return tuple(half_a[:-1] + half_b[:-1])


def _distance2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        length = math.hypot(x2 - x1, y2 - y1)
        best, best_index = 0.0, -1
        for i in range(start + 1, end):
            px, py = points[i]
            if length:
                distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
            else:
                distance = math.hypot(px - x1, py - y1)
            if distance > best:
                best, best_index = distance, i
        if best > tolerance and best_index > 0:
            keep[best_index] = True
            stack.append((start, best_index))
            stack.append((best_index, end))
    return [point for point, kept in zip(points, keep, strict=True) if kept]
