"""What a person would see as a broken layout: text cut off by its own box, widgets on top of
each other, or widgets reaching past the window. Used at several window sizes and with a large
font."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible() and widget.width() > 0


def _inside_visible_area(widget: QWidget, root: QWidget) -> bool:
    """False for widgets scrolled wholly out of view (a scroll area may hold more than it
    shows); anything partly in view is checked."""
    return not widget.visibleRegion().isEmpty()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''}".strip()


def _combo_room(combo: QComboBox) -> int:
    """The width a combo box gives its current text (its box minus the arrow and frame)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width()


def _text_need(widget: QWidget) -> tuple[int, int] | None:
    """(width it has, width its text needs), for widgets that show one line of text."""
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.width(), widget.sizeHint().width()
    if isinstance(widget, QComboBox) and widget.currentText():
        text = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            text += widget.iconSize().width() + 4
        return _combo_room(widget), text
    if (isinstance(widget, QLabel) and widget.text() and not widget.wordWrap()
            and widget.pixmap().isNull() and not widget.property("elided")):
        return widget.width(), widget.minimumSizeHint().width()
    return None


def clipped_text(root: QWidget) -> list[str]:
    """Buttons, boxes (their current text) and one-line labels narrower than their text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root) or not _inside_visible_area(widget, root):
            continue
        sizes = _text_need(widget)
        if sizes is None:
            continue
        have, need = sizes
        if have < need - 2:
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            found.append(f"{_name(widget)} '{text}' {have} < {need}")
    return found


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def past_the_window(root: QWidget) -> list[str]:
    """Visible widgets reaching past the window's edge (and not inside something that
    scrolls), and page scroll areas that scroll sideways."""
    found = []
    window = QRect(QPoint(0, 0), root.size())
    for widget in root.findChildren(QWidget):
        if (not _shown(widget, root) or widget.isWindow()
                or not _inside_visible_area(widget, root)):
            continue
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            found.append(f"{_name(widget)} scrolls sideways")
        if _in_scroll_area(widget, root):
            continue
        box = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        if not window.adjusted(-1, -1, 1, 1).contains(box):
            found.append(f"{_name(widget)} {box.getRect()} reaches past the window "
                         f"{window.width()}x{window.height()}")
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


def cut_by_parent(root: QWidget) -> list[str]:
    """Visible widgets that stick out of the widget holding them (the part outside is not
    drawn: a row of boxes cut in half, a button missing its bottom). A scroll area's page is
    allowed to be larger than the scroll area: that part scrolls into view."""
    found = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if (parent is None or not _shown(widget, root) or widget.isWindow()
                or not _inside_visible_area(widget, root)
                or isinstance(parent.parentWidget(), QAbstractScrollArea)
                or isinstance(parent, QAbstractScrollArea)):
            continue
        inside = QRect(QPoint(0, 0), parent.size()).adjusted(-1, -1, 1, 1)
        if not inside.contains(widget.geometry()):
            found.append(f"{_name(widget)} {widget.geometry().getRect()} is cut off by "
                         f"{_name(parent)} {parent.width()}x{parent.height()}")
    return found
