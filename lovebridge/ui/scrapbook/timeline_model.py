"""The timeline: memories newest first, under year headings with month tabs, loaded in pages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from lovebridge.core.scrapbook.records import Filters, MemorySummary
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.ui.formatting import memory_date_text, month_abbreviation
from lovebridge.ui.scrapbook.thumbnails import ThumbnailLoader

Index = QModelIndex | QPersistentModelIndex

_USER = int(Qt.ItemDataRole.UserRole)
KIND_ROLE = _USER + 1  # "header" or "memory"
UUID_ROLE = _USER + 2
DATE_ROLE = _USER + 3
PLACE_ROLE = _USER + 4
FAVOURITE_ROLE = _USER + 5
PHOTO_COUNT_ROLE = _USER + 6
THUMBNAIL_ROLE = _USER + 7
SUMMARY_ROLE = _USER + 8
MONTH_START_ROLE = _USER + 9  # "Nov" on the first card of each month
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

PAGE_SIZE = 150


@dataclass(frozen=True)
class _Header:
    """A year's heading, across the whole width."""

    year: int

    kind = "header"

    def label(self) -> str:
        return str(self.year)


class TimelineModel(QAbstractListModel):
    """Headers and memory cards in one flat list; pages are fetched as the view scrolls."""

    def __init__(self, service: MemoryService, thumbnails: ThumbnailLoader, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._service = service
        self._thumbnails = thumbnails
        self._filters = Filters()
        self._rows: list[_Header | MemorySummary] = []
        self._loaded = 0
        self._total = 0
        self._rows_by_sha: dict[str, list[int]] = {}
        self._month_starts: set[str] = set()
        thumbnails.ready.connect(self._on_thumbnail_ready)

    # ---- loading ------------------------------------------------------------------------------
    @property
    def filters(self) -> Filters:
        return self._filters

    @property
    def total(self) -> int:
        """How many memories match, loaded or not."""
        return self._total

    def reload(self, filters: Filters | None = None) -> None:
        """Start again from the first page (after a save, a delete, or new filters)."""
        chosen = self._filters if filters is None else filters
        self.show_first_page(chosen, *self.first_page(self._service, chosen))

    @staticmethod
    def first_page(service: MemoryService, filters: Filters) -> tuple[int, list[MemorySummary]]:
        """How many match, and the first page: plain queries, safe to run in a worker thread."""
        return service.count(filters), service.timeline(0, PAGE_SIZE, filters)

    def show_first_page(self, filters: Filters, total: int, page: list[MemorySummary]) -> None:
        """Replace the model's rows with a first page fetched (possibly in a worker) for filters."""
        self.beginResetModel()
        self._filters = filters
        self._rows = []
        self._rows_by_sha = {}
        self._month_starts = set()
        self._loaded = 0
        self._total = total
        self._append(page)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._service.timeline(self._loaded, PAGE_SIZE, self._filters)
        if not page:
            self._total = self._loaded
            return
        new_rows = self._with_headers(page)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._store(new_rows, page)
        self.endInsertRows()

    def _append(self, page: list[MemorySummary]) -> None:
        self._store(self._with_headers(page), page)

    def _store(self, new_rows: list[_Header | MemorySummary], page: list[MemorySummary]) -> None:
        first = len(self._rows)
        self._rows.extend(new_rows)
        self._loaded += len(page)
        for offset, row in enumerate(new_rows):
            if isinstance(row, MemorySummary) and row.cover is not None:
                self._rows_by_sha.setdefault(row.cover.sha256, []).append(first + offset)

    def _with_headers(self, page: list[MemorySummary]) -> list[_Header | MemorySummary]:
        last = next((r for r in reversed(self._rows) if isinstance(r, MemorySummary)), None)
        year, month = (last.when.year, last.when.month) if last else (None, None)
        rows: list[_Header | MemorySummary] = []
        for summary in page:
            if summary.when.year != year:
                year, month = summary.when.year, None
                rows.append(_Header(year))
            if summary.when.month != month:
                month = summary.when.month
                self._month_starts.add(summary.uuid)
            rows.append(summary)
        return rows

    # ---- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not isinstance(self._rows[index.row()], MemorySummary):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not isinstance(row, MemorySummary):
            return self._header_data(row, role)
        role = int(role)  # one cheap int compare per branch (the view asks thousands of times)
        if role == KIND_ROLE:
            return "memory"
        if role == MONTH_START_ROLE:
            starts = row.uuid in self._month_starts and row.when.month is not None
            return month_abbreviation(row.when.month) if starts else ""
        if role in (DISPLAY, ACCESSIBLE_TEXT):
            return row.title
        if role == THUMBNAIL_ROLE:
            return self._thumbnails.cached(row.cover) if row.cover is not None else None
        if role == DATE_ROLE:
            return memory_date_text(row.when)
        if role == PLACE_ROLE:
            return row.place
        if role == FAVOURITE_ROLE:
            return row.favourite
        if role == PHOTO_COUNT_ROLE:
            return row.photo_count
        if role == UUID_ROLE:
            return row.uuid
        if role == SUMMARY_ROLE:
            return row
        if role == TOOLTIP:
            parts = (row.title, memory_date_text(row.when), row.place)
            return " · ".join(part for part in parts if part)
        return None

    @staticmethod
    def _header_data(row: _Header, role: int) -> object:
        role = int(role)
        if role in (DISPLAY, ACCESSIBLE_TEXT):
            return row.label()
        if role == KIND_ROLE:
            return row.kind
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({
            KIND_ROLE: b"kind", UUID_ROLE: b"uuid", DATE_ROLE: b"dateLabel",
            PLACE_ROLE: b"place", FAVOURITE_ROLE: b"favourite", PHOTO_COUNT_ROLE: b"photoCount",
            THUMBNAIL_ROLE: b"thumbnail", SUMMARY_ROLE: b"summary",
            MONTH_START_ROLE: b"monthStart",
        })
        return names

    def row_of(self, uuid: str) -> int:
        """The row of a loaded memory, or -1."""
        for number, row in enumerate(self._rows):
            if isinstance(row, MemorySummary) and row.uuid == uuid:
                return number
        return -1

    def memory_rows(self) -> list[int]:
        return [n for n, row in enumerate(self._rows) if isinstance(row, MemorySummary)]

    def _on_thumbnail_ready(self, sha256: str) -> None:
        for number in self._rows_by_sha.get(sha256, ()):
            index = self.index(number)
            self.dataChanged.emit(index, index, [THUMBNAIL_ROLE])
