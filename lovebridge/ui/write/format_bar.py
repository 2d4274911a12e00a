"""The row above the editor: undo, the note's handwriting and ink, the size on screen, align.

The handwriting and ink here are the card's own (one choice, shared with the Card tab): the
editor shows the note in that hand and ink, so what is typed looks like what is printed. Bold
and italic (Ctrl+B, Ctrl+I) are drawn on the card too; other fonts and free colours are not
offered, because the handwritten card cannot carry them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QTextEdit,
    QToolButton,
    QWidget,
)

from lovebridge.render.fonts import FONTS, FONTS_BY_KEY, base_font_key, font_family
from lovebridge.render.style import INKS, INKS_BY_KEY
from lovebridge.ui.common.flow_layout import FlowLayout
from lovebridge.ui.hand.choices import set_hand_entries
from lovebridge.ui.theme import current_colours
from lovebridge.ui.write.note_panel import note_word

logger = logging.getLogger(__name__)

FONT_SIZES = (10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 48)
DEFAULT_SIZE = 18


def _swatch(colour: str) -> QIcon:
    """A round ink blot with a pale rim, visible on light and dark backgrounds."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#e9dcd6"), 1.5))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 14, 14)
    painter.end()
    return QIcon(pixmap)


class FormatBar(QWidget):
    """The note's handwriting and ink (shared with the card), and how large it shows here."""

    handwriting_chosen = Signal(str)  # font key
    ink_chosen = Signal(str)  # ink key

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formatBar")
        self._editor = editor
        self._font_key = FONTS[0].key
        self._ink_key = INKS[0].key
        # Wraps onto a second row in a narrow window instead of squashing the boxes.
        row = FlowLayout(self, 4)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.undo_button = self._button("↶", self.tr("Undo"), editor.undo)
        self.redo_button = self._button("↷", self.tr("Redo"), editor.redo)
        editor.undoAvailable.connect(self.undo_button.setEnabled)
        editor.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        self.bold_button = self._toggle("B", "boldButton", self.tr("Bold (Ctrl+B)"),
                                        QKeySequence.StandardKey.Bold, self._set_bold)
        bold_face = self.bold_button.font()
        bold_face.setBold(True)
        self.bold_button.setFont(bold_face)
        self.italic_button = self._toggle("I", "italicButton", self.tr("Italic (Ctrl+I)"),
                                          QKeySequence.StandardKey.Italic, self._set_italic)
        italic_face = self.italic_button.font()
        italic_face.setItalic(True)
        self.italic_button.setFont(italic_face)
        row.addWidget(self.bold_button)
        row.addWidget(self.italic_button)
        editor.currentCharFormatChanged.connect(self._follow_format)
        self.colour = QToolButton()
        self.colour.setObjectName("inkColour")
        self.colour.setText(self.tr("Ink"))
        self.colour.setToolTip(self.tr("Ink colour of the note and its card"))
        self.colour.setAccessibleName(self.tr("Ink colour"))
        self.colour.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.colour)
        for ink in INKS:
            action = menu.addAction(_swatch(ink.colour), note_word(ink.label))
            action.setData(ink.key)
            action.triggered.connect(lambda _c=False, k=ink.key: self._ink_picked(k))
        self.colour.setMenu(menu)
        row.addWidget(self.colour)
        self.font_box = QComboBox()
        self.font_box.setObjectName("fontChoice")
        self.font_box.setAccessibleName(self.tr("Handwriting"))
        self.font_box.setToolTip(self.tr("The handwriting of the note and its card"))
        self.font_box.setMinimumContentsLength(8)
        self.font_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for font in FONTS:
            self.font_box.addItem(font.label, font.key)
        self.font_box.activated.connect(
            lambda i: self._font_picked(self.font_box.itemData(i)))
        row.addWidget(self.font_box)
        self.size_box = QComboBox()
        self.size_box.setObjectName("fontSize")
        self.size_box.setAccessibleName(self.tr("Size on screen"))
        self.size_box.setToolTip(self.tr("How large the writing shows here (the card fits "
                                         "its own size)"))
        self.size_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for size in FONT_SIZES:
            self.size_box.addItem(self.tr("{n} pt").format(n=size), size)
        self.size_box.setCurrentIndex(FONT_SIZES.index(DEFAULT_SIZE))
        self.size_box.activated.connect(lambda _i: self._show_in_editor())
        row.addWidget(self.size_box)
        self.align_buttons = []
        for glyph, name, flag in (
            ("⇤", self.tr("Align left"), Qt.AlignmentFlag.AlignLeft),
            ("↔", self.tr("Centre"), Qt.AlignmentFlag.AlignHCenter),
            ("⇥", self.tr("Align right"), Qt.AlignmentFlag.AlignRight),
        ):
            button = self._button(glyph, name, lambda f=flag: editor.setAlignment(f))
            self.align_buttons.append(button)
            row.addWidget(button)
        self.show_style(self._font_key, self._ink_key)

    def _button(self, text: str, name: str, slot) -> QToolButton:  # noqa: ANN001
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        button.setMinimumWidth(26)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _toggle(self, text: str, name: str, tip: str, keys: QKeySequence.StandardKey,
                slot) -> QToolButton:  # noqa: ANN001
        button = self._button(text, tip, lambda: slot(button.isChecked()))
        button.setObjectName(name)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, focus drawn
        shortcut = QShortcut(QKeySequence(keys), self._editor)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)
        return button

    def _set_bold(self, on: bool) -> None:
        change = QTextCharFormat()
        change.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(change)

    def _set_italic(self, on: bool) -> None:
        change = QTextCharFormat()
        change.setFontItalic(on)
        self._merge(change)

    def _merge(self, change: QTextCharFormat) -> None:
        """Onto the selection, or the word being typed from here on."""
        self._editor.mergeCurrentCharFormat(change)
        self._editor.setFocus()

    def _follow_format(self, current: QTextCharFormat) -> None:
        self.bold_button.setChecked(current.fontWeight() >= QFont.Weight.DemiBold)
        self.italic_button.setChecked(current.fontItalic())

    def _font_picked(self, key: str) -> None:
        self.show_style(key, self._ink_key)
        self.handwriting_chosen.emit(key)
        self._editor.setFocus()

    def _ink_picked(self, key: str) -> None:
        self.show_style(self._font_key, key)
        self.ink_chosen.emit(key)
        self._editor.setFocus()

    def show_style(self, font_key: str, ink_key: str) -> None:
        """Follow the card's handwriting and ink (the one choice), and show them in the editor."""
        self._font_key, self._ink_key = font_key, ink_key
        self.font_box.setCurrentIndex(max(0, self.font_box.findData(font_key)))
        self.colour.setIcon(_swatch(INKS_BY_KEY[ink_key].colour))
        self._show_in_editor()

    def set_hands(self, entries: list[tuple[str, str, str]]) -> None:
        """The partners' own hands ((label, font key, partner), writer's first) head the list."""
        set_hand_entries(self.font_box, entries)
        self.font_box.setCurrentIndex(max(0, self.font_box.findData(self._font_key)))

    def editor_font(self) -> QFont:
        """The handwriting font the editor shows, registered with Qt's font database.

        A captured hand shows in the bundled font it falls back to (the editor types text).
        """
        key = base_font_key(self._font_key)
        font = QFont(font_family(key if key in FONTS_BY_KEY else FONTS[0].key))
        font.setPointSizeF(float(self.size_box.currentData()))
        return font

    def _show_in_editor(self) -> None:
        font = self.editor_font()
        if QFontInfo(font).family() != font.family():
            logger.warning("handwriting font %s is not available", self._font_key)
        ink = QColor(INKS_BY_KEY[self._ink_key].colour)
        if current_colours().dark:  # the same ink, light enough to read on a dark page
            ink = QColor.fromHslF(ink.hslHueF(), ink.hslSaturationF() * 0.7, 0.78)
        # The theme's style sheet sets text colours, so the ink goes in as a style too.
        self._editor.setStyleSheet(f"QTextEdit {{ color: {ink.name()}; }}")
        self._editor.setFont(font)
