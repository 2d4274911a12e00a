"""The formatting row above the editor: undo, bold, italic, underline, ink, font, size, align."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMenu,
    QTextEdit,
    QToolButton,
    QWidget,
)

from lovebridge.resources import resource_path

logger = logging.getLogger(__name__)

FONT_SIZES = (10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 48)
# Warm ink colours that print well on white and cream paper.
INK_COLOURS = (
    ("Ink", "#2f2a28"), ("Rose", "#c4574a"), ("Berry", "#8e3b5b"), ("Forest", "#3f6b4f"),
    ("Ocean", "#2f5d80"), ("Plum", "#5b4a8a"), ("Amber", "#b7791f"),
)


def handwriting_families() -> list[str]:
    """Families of the bundled handwriting fonts, registered with Qt's font database."""
    try:
        from lovebridge.render.fonts import FONTS, font_family

        return [font_family(font.key) for font in FONTS]
    except (ImportError, RuntimeError, KeyError, AttributeError):
        logger.info("renderer fonts unavailable; scanning resources/fonts")
    families: list[str] = []
    folder = resource_path("fonts")
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                families += [f for f in QFontDatabase.applicationFontFamilies(font_id)
                             if f not in families]
    return families


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
    """Acts on the editor's selection (or the typing position)."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formatBar")
        self._editor = editor
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.undo_button = self._button("↶", self.tr("Undo"), QKeySequence.StandardKey.Undo,
                                        editor.undo)
        self.redo_button = self._button("↷", self.tr("Redo"), QKeySequence.StandardKey.Redo,
                                        editor.redo)
        editor.undoAvailable.connect(self.undo_button.setEnabled)
        editor.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        self.bold = self._toggle("B", self.tr("Bold"), QKeySequence.StandardKey.Bold, self._bold)
        self.bold.setStyleSheet("font-weight: 700;")
        self.italic = self._toggle("I", self.tr("Italic"), QKeySequence.StandardKey.Italic,
                                   lambda on: self._merge(_fmt(italic=on)))
        self.italic.setStyleSheet("font-style: italic;")
        self.underline = self._toggle("U", self.tr("Underline"),
                                      QKeySequence.StandardKey.Underline,
                                      lambda on: self._merge(_fmt(underline=on)))
        self.underline.setStyleSheet("text-decoration: underline;")
        for button in (self.bold, self.italic, self.underline):
            row.addWidget(button)
        self.colour = QToolButton()
        self.colour.setObjectName("inkColour")
        self.colour.setText(self.tr("Ink"))
        self.colour.setToolTip(self.tr("Ink colour"))
        self.colour.setAccessibleName(self.tr("Ink colour"))
        self.colour.setIcon(_swatch(INK_COLOURS[0][1]))
        self.colour.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.colour.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.colour)
        for name, value in INK_COLOURS:
            action = menu.addAction(_swatch(value), self.tr(name))
            action.triggered.connect(lambda _c=False, v=value: self.set_colour(v))
        self.colour.setMenu(menu)
        row.addWidget(self.colour)
        self.font_box = QComboBox()
        self.font_box.setObjectName("fontChoice")
        self.font_box.setAccessibleName(self.tr("Font"))
        self.font_box.setMinimumContentsLength(10)
        self.font_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.font_box.setMinimumWidth(120)
        self.handwriting = handwriting_families()
        for family in self.handwriting:
            self.font_box.addItem(family, family)
        if self.handwriting:
            self.font_box.insertSeparator(self.font_box.count())
        for family in QFontDatabase.families():
            if family not in self.handwriting and not QFontDatabase.isPrivateFamily(family):
                self.font_box.addItem(family, family)
        self.font_box.activated.connect(self._font_chosen)
        row.addWidget(self.font_box)
        self.size_box = QComboBox()
        self.size_box.setObjectName("fontSize")
        self.size_box.setAccessibleName(self.tr("Size"))
        for size in FONT_SIZES:
            self.size_box.addItem(self.tr("{n} pt").format(n=size), size)
        self.size_box.setCurrentIndex(FONT_SIZES.index(16))
        self.size_box.activated.connect(
            lambda i: self._merge(_fmt(size=self.size_box.itemData(i))))
        row.addWidget(self.size_box)
        row.addStretch(1)
        self.align_buttons = []
        for glyph, name, flag in (
            ("⇤", self.tr("Align left"), Qt.AlignmentFlag.AlignLeft),
            ("↔", self.tr("Centre"), Qt.AlignmentFlag.AlignHCenter),
            ("⇥", self.tr("Align right"), Qt.AlignmentFlag.AlignRight),
        ):
            button = self._button(glyph, name, None, lambda f=flag: editor.setAlignment(f))
            self.align_buttons.append(button)
            row.addWidget(button)
        editor.currentCharFormatChanged.connect(self._show_format)

    def _button(self, text: str, name: str, shortcut: object, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        button.setMinimumWidth(26)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _toggle(self, text: str, name: str, shortcut: object, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setMinimumWidth(26)
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name} ({keys})" if keys else name)
        button.setAccessibleName(name)
        button.setShortcut(QKeySequence(shortcut))
        button.toggled.connect(slot)
        return button

    def _bold(self, on: bool) -> None:
        self._merge(_fmt(weight=QFont.Weight.Bold if on else QFont.Weight.Normal))

    def set_colour(self, value: str) -> None:
        self.colour.setIcon(_swatch(value))
        self._merge(_fmt(colour=value))

    def _font_chosen(self, index: int) -> None:
        family = self.font_box.itemData(index)
        if family:
            self._merge(_fmt(family=family))

    def _merge(self, fmt: QTextCharFormat) -> None:
        self._editor.mergeCurrentCharFormat(fmt)
        self._editor.setFocus()

    def _show_format(self, fmt: QTextCharFormat) -> None:
        """Keep the buttons in step with the text under the cursor."""
        for button, state in (
            (self.bold, fmt.fontWeight() >= QFont.Weight.Bold),
            (self.italic, fmt.fontItalic()),
            (self.underline, fmt.fontUnderline()),
        ):
            button.blockSignals(True)
            button.setChecked(state)
            button.blockSignals(False)
        families = fmt.fontFamilies()
        if families:
            index = self.font_box.findData(families[0])
            if index >= 0:
                self.font_box.setCurrentIndex(index)
        if fmt.fontPointSize() > 0:
            index = self.size_box.findData(round(fmt.fontPointSize()))
            if index >= 0:
                self.size_box.setCurrentIndex(index)


def _fmt(*, weight=None, italic=None, underline=None, colour=None, family=None, size=None
         ) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if weight is not None:
        fmt.setFontWeight(weight)
    if italic is not None:
        fmt.setFontItalic(italic)
    if underline is not None:
        fmt.setFontUnderline(underline)
    if colour is not None:
        fmt.setForeground(QColor(colour))
    if family is not None:
        fmt.setFontFamilies([family])
    if size is not None:
        fmt.setFontPointSize(size)
    return fmt
