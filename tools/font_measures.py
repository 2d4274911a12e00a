"""Measure the bundled handwriting fonts and keep the figures in resources/fonts/measures.json.

    python tools/font_measures.py

A captured hand's missing characters come from the bundled font nearest it in slant, capital
height and pen weight (lovebridge/render/hand_match.py). Measuring every font takes most of a
second, so the figures are kept beside the fonts; tests/hand/test_hand_render.py checks they
still match. Run this after adding or changing a font or the way fonts are measured.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from lovebridge.render.fonts import FONTS, load_all_fonts  # noqa: E402
from lovebridge.render.hand_match import MEASURES_FILE, measure_font  # noqa: E402
from lovebridge.resources import resource_path  # noqa: E402


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication([])
    load_all_fonts()
    figures = {font.key: asdict(measure_font(font.key)) for font in FONTS}
    target = resource_path(*MEASURES_FILE)
    target.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
