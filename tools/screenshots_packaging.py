"""Render LoveBridge's icon as people will meet it: every size on a light and a dark panel.

    python tools/screenshots_packaging.py [OUT_DIR]    (default: screenshots/)

Writes icon-sizes-light.png and icon-sizes-dark.png (each size at 1:1, then 16/24/32 px blown
up 8x with hard pixels, to judge tray and menu readability).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL = (16, 24, 32)
PANELS = {"light": (250, 246, 242, 255), "dark": (38, 34, 36, 255)}
GAP = 16
ZOOM = 8


def sheet(background: tuple[int, int, int, int]) -> Image.Image:
    """One panel: the sizes side by side, then the small ones enlarged."""
    zoomed_width = sum(s * ZOOM for s in SMALL) + GAP * (len(SMALL) + 1)
    width = max(sum(SIZES) + GAP * (len(SIZES) + 1), zoomed_width)
    height = GAP * 3 + max(SIZES) + max(SMALL) * ZOOM
    panel = Image.new("RGBA", (width, height), background)
    x = GAP
    for size in SIZES:
        icon = Image.open(ICONS / f"lovebridge-{size}.png")
        panel.alpha_composite(icon, (x, GAP + max(SIZES) - size))
        x += size + GAP
    x = GAP
    for size in SMALL:
        icon = Image.open(ICONS / f"lovebridge-{size}.png")
        tile = Image.new("RGBA", (size, size), background)
        tile.alpha_composite(icon)
        panel.paste(tile.resize((size * ZOOM, size * ZOOM), Image.NEAREST),
                    (x, GAP * 2 + max(SIZES)))
        x += size * ZOOM + GAP
    return panel


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name, background in PANELS.items():
        target = out / f"icon-sizes-{name}.png"
        sheet(background).save(target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
