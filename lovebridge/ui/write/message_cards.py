"""Notes as a list of cards: a list model of message records (the history, the partner's notes)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from lovebridge.core.write.messages import MessageRecord
from lovebridge.ui.write.suggestion_model import HEADER_ROLE, KEY_ROLE, PREVIEW_ROLE

_Index = QModelIndex | QPersistentModelIndex


class MessageCardModel(QAbstractListModel):
    """Message records, one card each, known by their uuid (KEY_ROLE); a card shows the
    note's first words, and a subclass may say more (`card_data`)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - a QObject or None
        super().__init__(parent)
        self._rows: list[MessageRecord] = []

    def set_messages(self, records: list[MessageRecord]) -> None:
        """Show exactly `records`."""
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> MessageRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        return record.uuid if role == KEY_ROLE else self.card_data(record, role)

    def card_data(self, record: MessageRecord, role: int) -> object:
        """What the card of `record` shows for `role` (None for nothing): here its first
        words, nothing above them."""
        if role in (Qt.ItemDataRole.DisplayRole, PREVIEW_ROLE):
            return record.preview
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({KEY_ROLE: b"uuid", HEADER_ROLE: b"header", PREVIEW_ROLE: b"preview"})
        return names
