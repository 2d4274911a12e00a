"""The bundled handwriting fonts: what they are, their licences, and loading them into Qt."""

from __future__ import annotations

import logging
import struct
import threading
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from lovebridge.resources import resource_path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandFont:
    """One handwriting font shipped in resources/fonts/<key>/."""

    key: str
    label: str
    file: str
    licence: str
    # Script fonts draw small for their point size; this brings them to a common x-height.
    scale: float = 1.0
    # Joined-up scripts must keep their letters touching, so no sideways jitter inside a word.
    joined: bool = False
    # OpenType features switched off: contextual forms that break copy-and-paste out of PDFs.
    features_off: tuple[str, ...] = ()

    @property
    def folder(self) -> str:
        return self.key

    def licence_text(self) -> str:
        return resource_path("fonts", self.folder, "OFL.txt").read_text(encoding="utf-8")


FONTS: tuple[HandFont, ...] = (
    HandFont("caveat", "Caveat", "Caveat-Variable.ttf", "SIL OFL 1.1", scale=1.3,
             features_off=("calt",)),
    HandFont("indie_flower", "Indie Flower", "IndieFlower-Regular.ttf", "SIL OFL 1.1",
             scale=1.0),
    HandFont("kalam", "Kalam", "Kalam-Regular.ttf", "SIL OFL 1.1", scale=0.95),
    HandFont("shadows_into_light", "Shadows Into Light", "ShadowsIntoLight.ttf", "SIL OFL 1.1",
             scale=1.1),
    HandFont("kristi", "Kristi", "Kristi.ttf", "SIL OFL 1.1", scale=1.45, joined=True,
             features_off=("calt",)),
    HandFont("dancing_script", "Dancing Script", "DancingScript-Regular.otf", "SIL OFL 1.1",
             scale=1.15, joined=True, features_off=("calt",)),
    HandFont("comic_neue", "Comic Neue", "ComicNeue-Regular.otf", "SIL OFL 1.1", scale=0.95),
    HandFont("humor_sans", "Humor Sans", "Humor-Sans.ttf", "SIL OFL 1.1", scale=0.9),
)
FONTS_BY_KEY = {font.key: font for font in FONTS}
DEFAULT_FONT = "caveat"

# A captured hand ("hand:NAME", see hand_font.py) measures and falls back to a bundled font.
_hand_fallbacks: dict[str, str] = {}


def register_hand_fallback(key: str, bundled: str) -> None:
    _hand_fallbacks[key] = bundled


def base_font_key(key: str) -> str:
    """The bundled font behind a key: itself, or a captured hand's fallback font."""
    return _hand_fallbacks.get(key, key)


_families: dict[str, str] = {}
_lock = threading.Lock()


def font_family(key: str) -> str:
    """Qt family name of a bundled font, registering it on first use (needs a QGuiApplication)."""
    with _lock:
        family = _families.get(key)
        if family is not None:
            return family
        font = FONTS_BY_KEY[key]
        path = resource_path("fonts", font.folder, font.file)
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"the bundled font {font.label} could not be loaded")
        _families[key] = families[0]
        return families[0]


def load_all_fonts() -> None:
    """Register every bundled font; call once on the GUI thread before rendering elsewhere."""
    for font in FONTS:
        font_family(font.key)


def make_qfont(key: str, point_size: float) -> QFont:
    """A QFont for a bundled font at a size, with PDF-unfriendly features turned off."""
    key = base_font_key(key)
    spec = FONTS_BY_KEY[key]
    qfont = QFont(font_family(key))
    qfont.setPointSizeF(point_size * spec.scale)
    qfont.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    qfont.setKerning(True)
    for tag in spec.features_off:
        qfont.setFeature(QFont.Tag(tag), 0)
    # Ligatures merge letters into one glyph; text copied out of the PDF must stay letters.
    qfont.setFeature(QFont.Tag("liga"), 0)
    return qfont


@cache
def font_features(key: str) -> frozenset[str]:
    """OpenType substitution features (GSUB) a bundled font offers, read from the file."""
    if key in _hand_fallbacks:
        return frozenset()  # a captured hand has its own takes instead of alternates
    spec = FONTS_BY_KEY[key]
    data = resource_path("fonts", spec.folder, spec.file).read_bytes()
    return frozenset(gsub_feature_tags(data))


def gsub_feature_tags(data: bytes) -> set[str]:
    """Feature tags in a TrueType/OpenType font's GSUB table (empty when it has none)."""
    try:
        num_tables = struct.unpack_from(">H", data, 4)[0]
        for index in range(num_tables):
            tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag == b"GSUB":
                feature_list = offset + struct.unpack_from(">H", data, offset + 6)[0]
                count = struct.unpack_from(">H", data, feature_list)[0]
                return {
                    data[feature_list + 2 + 6 * i: feature_list + 6 + 6 * i].decode("latin-1")
                    for i in range(count)
                }
    except struct.error:
        logger.warning("could not read the feature list of a bundled font")
    return set()
