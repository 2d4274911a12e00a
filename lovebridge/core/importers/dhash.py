"""Near-duplicate detection (burst shots) with a 64-bit difference hash, computed with Pillow.

The dHash (Neal Krawetz's "difference hash", as in the `imagehash` library) shrinks the
picture to 9x8 grey pixels and keeps one bit per neighbour pair: brighter or not. Photos of
the same moment differ in a few bits; different pictures in about half of the 64. It needs
only Pillow: `imagehash` would bring numpy, SciPy and PyWavelets (~70 MB in the app bundle)
for the same ten lines of arithmetic.
"""

from __future__ import annotations

from PIL import Image

DECODE_SIZE = (64, 64)  # JPEGs are decoded at the smallest scale that still covers this
BURST_BITS = 8  # at most this many differing bits of 64: the same scene, a moment apart


def dhash(image: Image.Image) -> int:
    """The 64-bit difference hash of an opened image (JPEGs are decoded at 1/8 scale)."""
    if image.format == "JPEG":
        image.draft("L", DECODE_SIZE)
    grey = image.convert("L").resize((9, 8), Image.Resampling.BOX)
    pixels = grey.tobytes()
    bits = 0
    for row in range(8):
        line = pixels[row * 9:(row + 1) * 9]
        for col in range(8):
            bits = (bits << 1) | (line[col] > line[col + 1])
    return bits


def distance(a: int, b: int) -> int:
    """How many of the 64 bits differ."""
    return (a ^ b).bit_count()


def near_copies(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and distance(a, b) <= BURST_BITS
