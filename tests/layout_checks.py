"""What a person would see as a broken layout: text cut off by its own box, or widgets on top of
each other. Used at several window sizes and with a large font."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QStackedWidget,
    QWidget,
)


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible() and widget.width() > 0


def _inside_visible_area(widget: QWidget, root: QWidget) -> bool:
    """False for widgets scrolled wholly out of view (a scroll area may hold more than it
    shows); anything partly in view is checked."""
    return not widget.visibleRegion().isEmpty()


def clipped_text(root: QWidget) -> list[str]:
    """Buttons, boxes and one-line labels narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root) or not _inside_visible_area(widget, root):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint().width()
        elif (isinstance(widget, QComboBox) and widget.currentText()) or (
                isinstance(widget, QLabel) and widget.text() and not widget.wordWrap()
                and widget.pixmap().isNull() and not widget.property("elided")):
            need = widget.minimumSizeHint().width()
        else:
            continue
        if widget.width() < need - 2:
            found.append(f"{type(widget).__name__} {widget.objectName() or ''} "
                         f"'{getattr(widget, 'text', lambda: '')() or widget.currentText()}' "
                         f"{widget.width()} < {need}")
    return found


def overlapping(root: QWidget) -> list[str]:
    """Visible sibling widgets laid over each other."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        if (isinstance(parent, QStackedWidget) or not _shown(parent, root)
                or not _inside_visible_area(parent, root)):
            continue
        kids = [w for w in parent.children() if isinstance(w, QWidget) and _shown(w, root)
                and not w.isWindow() and parent.layout() is not None
                and parent.layout().indexOf(w) >= 0]
        for index, first in enumerate(kids):
            for second in kids[index + 1:]:
                shared = first.geometry().intersected(second.geometry())
                if shared.width() > 2 and shared.height() > 2:
                    found.append(f"{first.objectName() or type(first).__name__} overlaps "
                                 f"{second.objectName() or type(second).__name__} in "
                                 f"{parent.objectName() or type(parent).__name__}")
    return found
