"""The trash: deleted memories and photos, restorable for 30 days."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.scrapbook.records import TrashEntry
from lovebridge.ui.common.widgets import back_text, heading, muted_label

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashPage(QWidget):
    """Lists what is in the trash; restore one thing, or empty it all (after asking)."""

    back_requested = Signal()
    restore_requested = Signal(object)  # TrashEntry
    empty_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 24)
        layout.setSpacing(14)
        bar = QHBoxLayout()
        back = QPushButton(back_text(self.tr("← Back to the scrapbook")))
        back.clicked.connect(self.back_requested)
        bar.addWidget(back)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(heading(
            self.tr("Trash"),
            self.tr("Deleted memories and photos wait here for 30 days, then they are gone "
                    "for good. Nothing in the trash shows in the scrapbook or the search.")))
        self.entries = QListWidget()
        self.entries.setObjectName("trashList")
        self.entries.setAlternatingRowColors(False)
        self.entries.setSpacing(3)
        self.entries.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.entries, 1)
        self.empty_label = muted_label(self.tr("The trash is empty."))
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._on_restore)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setObjectName("emptyTrashButton")
        self.empty_button.clicked.connect(self.empty_requested)
        buttons.addWidget(self.empty_button)
        layout.addLayout(buttons)

    def show_entries(self, entries: list[TrashEntry]) -> None:
        self.entries.clear()
        for entry in entries:
            what = (self.tr("Memory: {title}") if entry.kind == "memory"
                    else self.tr("A photo from “{title}”")).format(title=entry.title)
            days = self.tr("%n day(s) left", "", entry.days_left)
            item = QListWidgetItem(f"{what}   ·   {days}")
            item.setData(ENTRY_ROLE, entry)
            item.setSizeHint(QSize(0, 40))
            self.entries.addItem(item)
        self.empty_label.setVisible(not entries)
        self.entries.setVisible(bool(entries))
        self.empty_button.setEnabled(bool(entries))
        if entries:
            self.entries.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.entries.currentItem() is not None)

    def _on_restore(self) -> None:
        item = self.entries.currentItem()
        if item is not None:
            self.restore_requested.emit(item.data(ENTRY_ROLE))
