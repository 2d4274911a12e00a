"""Python counts characters by code point, Qt by UTF-16 unit: emoji need converting between them."""

from __future__ import annotations


def utf16_offset(text: str, index: int) -> int:
    """The Qt (UTF-16) position of Python index `index` in `text`."""
    return len(text[:index].encode("utf-16-le")) // 2
