"""Benchmark: reading a 12 MP photo of the handwriting sheet; printing a card in one's own hand.

- Reading: the whole path from a 12 MP JPEG (a filled sheet tilted as a phone sees it) to a hand
  (decode, corner codes, perspective, lighting, 232 boxes thresholded and traced, normalised).
  Reference: only decoding the same JPEG to grey, measured in the same run. Informational: the
  aim is "a few seconds", absolute.
- Printing: a card in a captured hand against the same card in a bundled font, to PDF and to PNG;
  target at most 2x.

Medians of 3 reading runs (1 with --quick) and 9 rendering runs (3 with --quick); wall clock for
reading, this process's CPU time for rendering (a few ms, on a shared machine).
`run(library, quick)` is the tests/perf/bench.py contract.

Usage: python tests/perf/bench_hand.py [--quick]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image  # noqa: E402

from lovebridge.core.hand.service import capture_from_photos  # noqa: E402
from lovebridge.render.content import NoteContent  # noqa: E402
from lovebridge.render.fonts import load_all_fonts  # noqa: E402
from lovebridge.render.hand_font import register_hand  # noqa: E402
from lovebridge.render.qt_app import ensure_gui_application  # noqa: E402
from lovebridge.render.renderer import render_image, render_pdf_bytes  # noqa: E402
from lovebridge.render.style import NoteStyle  # noqa: E402
from tests.perf.benchlib import Row, median_of, print_table  # noqa: E402

CARD = NoteContent(
    "Thank you for the coffee you left by my laptop this morning. It was still warm when I "
    "found it, and so was I. See you tonight by the lake, and bring the purple umbrella.",
    recipient="Jonah", sender="Maya", title="Thank you",
)


def twelve_megapixel_photo(folder: Path) -> Path:
    """A filled sheet at 350 dpi (about 12 MP), tilted, lit unevenly, saved as a phone JPEG."""
    from tests.hand.photos import distort, filled_sheet

    flat = filled_sheet(350)
    tilted = distort(flat, "perspective")
    scale = (12_000_000 / (tilted.size[0] * tilted.size[1])) ** 0.5
    photo = tilted.resize((round(tilted.size[0] * scale), round(tilted.size[1] * scale)),
                          Image.Resampling.BILINEAR)
    path = folder / "sheet-12mp.jpg"
    photo.convert("RGB").save(path, "JPEG", quality=90)
    return path


def run(library: Path, quick: bool) -> list[Row]:
    del library  # the sheet and the card are made here
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    ensure_gui_application()
    load_all_fonts()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        photo = twelve_megapixel_photo(Path(tmp))
        with Image.open(photo) as probe:
            megapixels = probe.size[0] * probe.size[1] / 1e6
        read_repeats = 1 if quick else 3
        captures = []
        reading = median_of(lambda: captures.append(capture_from_photos([photo], "Maya")),
                            read_repeats, warmup=0)
        decoding = median_of(lambda: Image.open(photo).convert("L").load(), read_repeats)
        recovered = captures[-1].recovered
        rows.append(Row(f"read a {megapixels:.1f} MP sheet photo ({recovered}/232 boxes)",
                        reading, "s", "decode the same JPEG to grey", decoding, None))
        key = register_hand(captures[-1].hand)
    repeats = 3 if quick else 9
    for target_name, draw in (
        ("PDF", lambda style: render_pdf_bytes(CARD, style)),
        ("PNG 192 dpi", lambda style: render_image(CARD, style, 192.0)),
    ):
        own = median_of(lambda d=draw: d(NoteStyle(layout="card-a6", font=key)), repeats,
                        clock=time.process_time)
        font = median_of(lambda d=draw: d(NoteStyle(layout="card-a6", font="caveat")), repeats,
                         clock=time.process_time)
        rows.append(Row(f"card in own hand to {target_name}", own, "s",
                        "same card in a bundled font", font, 2.0))
    return rows


def main() -> int:
    quick = len(sys.argv) > 1 and sys.argv[1] == "--quick"
    print_table(run(Path.cwd(), quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
