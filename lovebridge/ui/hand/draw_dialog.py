"""Fill the sheet's boxes on screen, one at a time, with a pen tablet or the mouse."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.reader import RawGlyph, read_drawing
from lovebridge.ui.common.widgets import muted_label

from .draw_pad import DrawPad


class DrawDialog(QDialog):
    """Walks through boxes (all, or the ones given); `drawn` carries the glyphs kept."""

    drawn = Signal(object)  # dict[int, RawGlyph]

    def __init__(self, boxes: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handDrawDialog")
        self.setWindowTitle(self.tr("Write on screen"))
        self._boxes = boxes or [box.index for box in geo.BOXES]
        self._position = 0
        self.glyphs: dict[int, RawGlyph] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Write the character shown, resting on the dashed line. A pen tablet's pressure "
            "is used; a mouse or touchpad works too.")))
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        layout.addWidget(self.title)
        self.pad = DrawPad()
        layout.addWidget(self.pad, 1)
        row = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Keep and next"))
        self.next_button.setDefault(True)
        for button in (self.clear_button, self.back_button, self.next_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.problem = muted_label("")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._finish)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.clear_button.clicked.connect(self.pad.clear)
        self.back_button.clicked.connect(lambda: self._go(self._position - 1))
        self.next_button.clicked.connect(self.keep_and_next)
        self._go(0)

    def current_box(self) -> geo.Box:
        return geo.BOXES[self._boxes[self._position]]

    def _go(self, position: int) -> None:
        self._position = max(0, min(len(self._boxes) - 1, position))
        box = self.current_box()
        self.pad.set_box(box)
        self.title.setText(self.tr("Box {n} of {total}: {what}").format(
            n=self._position + 1, total=len(self._boxes), what=box.describe()))
        self.back_button.setEnabled(self._position > 0)
        self.problem.setText("")

    def keep_and_next(self) -> bool:
        """Keep what is drawn in this box; move on. False (with a reason shown) if unusable."""
        result = read_drawing(self.pad.picture(), self.current_box())
        if isinstance(result, str):
            self.problem.setText(self.tr("Nothing kept for this box ({why}).").format(why=result))
            return False
        self.glyphs[self.current_box().index] = result
        if self._position < len(self._boxes) - 1:
            self._go(self._position + 1)
        else:
            self.problem.setText(self.tr("That was the last box: press Save."))
        return True

    def _finish(self) -> None:
        if not self.pad.is_empty() and self.current_box().index not in self.glyphs:
            self.keep_and_next()
        if self.glyphs:
            self.drawn.emit(dict(self.glyphs))
        self.accept()
