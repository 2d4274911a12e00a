"""Text wrapped into a few lines of a card, ending in "…" after a whole word when it is longer."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption


def card_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` wrapped at words into at most `max_lines` lines of `width`; when it does not all
    fit, the last line ends in "…" after a whole word. No room for a line: no lines."""
    if max_lines <= 0:
        return []
    flat = " ".join(text.split())
    metrics = QFontMetricsF(font)
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    result = [flat[start:start + length].strip() for start, length in spans[:max_lines]]
    if len(spans) <= max_lines:
        return result
    last = result[-1]
    while last and metrics.horizontalAdvance(last + "…") > width:
        shorter = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        last = shorter
    result[-1] = last.rstrip(" ,;:.-–—") + "…"
    return result
