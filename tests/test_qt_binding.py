"""Guards against a Qt binding that corrupts the interpreter (seen with PySide6 6.12.0)."""

import sys

from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_qt_calls_do_not_steal_references_to_none(qapp) -> None:
    # PySide6 6.12.0 released a reference to None on every void call; on Python 3.11, where
    # None is not immortal, the app then aborts with "none_dealloc" after a few thousand calls.
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setPen(QPen(QColor("red")))
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, "the Qt binding releases references it does not own"
