"""Pillow-drawn sample photos (skies, hills, seas, city lights) for screenshots and benchmarks."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

PALETTES = [
    ((255, 183, 148), (255, 236, 210), (94, 140, 120)),   # golden hour over green hills
    ((120, 170, 220), (220, 236, 250), (60, 110, 160)),   # blue sea day
    ((64, 52, 104), (236, 140, 120), (40, 36, 60)),       # dusk
    ((250, 210, 170), (255, 245, 230), (190, 120, 90)),   # desert / terracotta
    ((160, 200, 190), (235, 245, 235), (70, 120, 90)),    # misty forest
    ((30, 40, 80), (90, 90, 150), (20, 20, 40)),          # city night
]


def draw_scene(seed: int, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A small painted landscape: a sky, a sun or moon, layered hills or a sea."""
    rng = random.Random(seed)
    width, height = size
    top, bottom, land = PALETTES[seed % len(PALETTES)]
    gradient = ImageOps.colorize(Image.linear_gradient("L").resize(size), top, bottom)
    image = gradient.convert("RGB")
    draw = ImageDraw.Draw(image)
    radius = rng.randint(height // 14, height // 8)
    cx, cy = rng.randint(radius, width - radius), rng.randint(height // 6, height // 2)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius),
                 fill=(255, 244, 214) if seed % 6 != 5 else (245, 245, 255))
    for layer in range(3):
        base = int(height * (0.55 + 0.13 * layer))
        shade = tuple(max(0, min(255, c + 25 * (2 - layer) - 10 * layer)) for c in land)
        points = [(0, height)]
        for x in range(0, width + 60, 60):
            points.append((x, base + int(rng.gauss(0, height * 0.03))))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    if seed % 6 == 5:  # city lights
        for _ in range(160):
            x, y = rng.randint(0, width), rng.randint(int(height * 0.6), height)
            draw.rectangle((x, y, x + 4, y + 6), fill=(255, 214, 140))
    for _ in range(2):  # two figures, side by side
        x = width // 2 + rng.randint(-width // 5, width // 5)
        y = int(height * 0.78)
        draw.ellipse((x - 14, y - 90, x + 14, y - 62), fill=(50, 40, 40))
        draw.rounded_rectangle((x - 20, y - 62, x + 20, y + 10), radius=12, fill=(50, 40, 40))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def save_photo(image: Image.Image, path: Path, taken: datetime | None = None,
               orientation: int = 1, quality: int = 85) -> Path:
    """Save as JPEG with EXIF time (and orientation, if not upright)."""
    exif = Image.Exif()
    if taken is not None:
        exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if orientation != 1:
        exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, exif=exif)
    return path
