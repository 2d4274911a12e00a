"""The message history: drafts and sent notes, with search, reopen, duplicate, trash and restore."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.excerpt import excerpt
from lovebridge.core.write.messages import MessageRecord, MessageService
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.formatting import short_day_text
from lovebridge.ui.write.inbox import sealed_text
from lovebridge.ui.write.message_cards import MessageCardModel
from lovebridge.ui.write.suggestion_model import (
    HEADER_ROLE,
    PREVIEW_ROLE,
    note_card_list,
)

_Index = QModelIndex | QPersistentModelIndex
STATUS_WORDS = {
    "draft": QT_TRANSLATE_NOOP("HistoryModel", "Draft"),
    "sent": QT_TRANSLATE_NOOP("HistoryModel", "Sent"),
    "printed": QT_TRANSLATE_NOOP("HistoryModel", "Printed"),
    "given": QT_TRANSLATE_NOOP("HistoryModel", "Given"),
}
TOOLTIP_CHARS = 1500  # a long letter's tooltip stops before it covers the screen
PAGE = 60  # notes read at a time: more come as the list is scrolled to its end

# A page of records: (how many, how many to pass over first).
Pages = Callable[[int, int], list[MessageRecord]]


class HistoryModel(MessageCardModel):
    """Messages as cards: status and date above, the first words below; read a page at a
    time (`set_pages`), the next when the list is scrolled to its end."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pages: Pages | None = None
        self._more = False
        self.names = {"a": "", "b": ""}

    def set_messages(self, records: list[MessageRecord]) -> None:
        """Show exactly `records`."""
        self._pages, self._more = None, False
        super().set_messages(records)

    def set_pages(self, pages: Pages, rows: int = PAGE) -> None:
        """Show what `pages` gives: its first `rows` now (at least a page), more as asked."""
        rows = max(rows, PAGE)
        first = pages(rows, 0)
        super().set_messages(first)
        self._pages, self._more = pages, len(first) == rows

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more or self._pages is None:
            return
        page = self._pages(PAGE, len(self._rows))
        self._more = len(page) == PAGE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def card_data(self, record: MessageRecord, role: int) -> object:
        if record.sealed and role in (Qt.ItemDataRole.DisplayRole, PREVIEW_ROLE,
                                      Qt.ItemDataRole.ToolTipRole):
            return sealed_text(self.names.get(record.author, ""), record)
        if role in (Qt.ItemDataRole.DisplayRole, PREVIEW_ROLE):
            return record.preview or self.tr("(empty draft)")
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole note (a card shows its start)
            return excerpt(record.body_text, TOOLTIP_CHARS) or self.tr("(empty draft)")
        if role == HEADER_ROLE:
            when = short_day_text((record.given_at or record.updated_at).astimezone())
            status = self.tr(STATUS_WORDS.get(record.status, record.status))
            author = self.names.get(record.author, "")
            return f"{status} · {when}" + (f" · {author}" if author else "")
        return None


class HistoryPanel(QWidget):
    """Search and act on past notes; the trash is one toggle away."""

    open_requested = Signal(str)
    changed = Signal()

    def __init__(self, messages: MessageService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._messages = messages
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Search your notes…"))
        self.search.setAccessibleName(self.tr("Search notes"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.trash_toggle = QPushButton(self.tr("Trash"))
        self.trash_toggle.setObjectName("historyTrash")
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setToolTip(self.tr("Show notes in the trash (they can be restored)"))
        top.addWidget(self.trash_toggle)
        layout.addLayout(top)
        self.model = HistoryModel(self)
        self.list = note_card_list("historyList", self.model)
        self.list.setAccessibleName(self.tr("Your notes"))
        self.list.activated.connect(lambda _i: self._open())
        self.list.doubleClicked.connect(lambda _i: self._open())
        layout.addWidget(self.list, 1)
        holder, buttons = flow_container()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("historyOpen")
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setObjectName("historyDuplicate")
        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.trash_button.setObjectName("historyMoveToTrash")
        self.open_button.clicked.connect(self._open)
        self.duplicate_button.clicked.connect(self._duplicate)
        self.trash_button.clicked.connect(self._trash_or_restore)
        for button in (self.open_button, self.duplicate_button, self.trash_button):
            buttons.addWidget(button)
        layout.addWidget(holder)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(180)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.trash_toggle.toggled.connect(self._trash_mode)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self._enable()

    def set_names(self, names: dict[str, str]) -> None:
        self.model.names = dict(names)

    def reload(self) -> None:
        current = self.current()
        text, trashed = self.search.text(), self.trash_toggle.isChecked()
        # As many notes as were listed, so a note chosen far down stays chosen where it was.
        self.model.set_pages(lambda count, passed: self._messages.search(
            text, trashed=trashed, limit=count, offset=passed), self.model.rowCount())
        for row in range(self.model.rowCount()):
            record = self.model.record(row)
            if current and record and record.uuid == current.uuid:
                self.list.setCurrentIndex(self.model.index(row, 0))
        self._enable()

    def current(self) -> MessageRecord | None:
        return self.model.record(self.list.currentIndex().row())

    def _trash_mode(self, on: bool) -> None:
        self.trash_button.setText(self.tr("Restore") if on else self.tr("Move to trash"))
        self.trash_button.setObjectName("historyRestore" if on else "historyMoveToTrash")
        self.reload()

    def _enable(self) -> None:
        current = self.current()
        has = current is not None
        trash = self.trash_toggle.isChecked()
        self.open_button.setEnabled(has and not trash)
        self.duplicate_button.setEnabled(has and not trash and not current.sealed)
        self.trash_button.setEnabled(has)

    def _open(self) -> None:
        record = self.current()
        if record is not None and not self.trash_toggle.isChecked():
            self.open_requested.emit(record.uuid)

    def _duplicate(self) -> None:
        record = self.current()
        if record is not None:
            copy = self._messages.duplicate(record.uuid)
            self.reload()
            self.changed.emit()
            self.open_requested.emit(copy.uuid)

    def _trash_or_restore(self) -> None:
        record = self.current()
        if record is None:
            return
        if self.trash_toggle.isChecked():
            self._messages.restore(record.uuid)
        else:
            self._messages.trash(record.uuid)
        self.reload()
        self.changed.emit()
