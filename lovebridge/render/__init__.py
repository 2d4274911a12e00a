"""The note renderer: QPainter onto PDF, printer or image (QtGui only, no widgets)."""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11 releasing a reference to None per void call.

    Each Qt method that returns nothing (setPen, drawLine, save...) drops None's reference
    count by one; a page of handwriting makes thousands of such calls and the interpreter
    aborts once the count reaches zero. From Python 3.12 None is immortal; here we give it
    the same practically endless count once, at import.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if hasattr(sys, "gettotalrefcount"):  # debug builds lay objects out differently
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40


_keep_none_alive()
