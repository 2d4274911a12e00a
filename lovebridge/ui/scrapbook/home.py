"""The scrapbook's first screen: search and filters, on this day, and the timeline."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.scrapbook.records import Filters, MemorySummary
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import card, heading, icon, muted_label, primary_button
from lovebridge.ui.formatting import memory_date_text
from lovebridge.ui.scrapbook.card_delegate import MemoryCardDelegate
from lovebridge.ui.scrapbook.timeline_model import UUID_ROLE, TimelineModel

SEARCH_DEBOUNCE_MS = 180


class OnThisDayCard(QWidget):
    """A gentle card: what happened on this day in earlier years, and a note to write about it."""

    open_requested = Signal(str)
    note_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onThisDay")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = card()
        self.box.setObjectName("card")
        row = QHBoxLayout(self.box)
        row.setContentsMargins(20, 14, 16, 14)
        row.setSpacing(14)
        emblem = QLabel("☼")
        emblem.setObjectName("onThisDayEmblem")
        emblem.setStyleSheet("font-size: 20pt;")
        row.addWidget(emblem)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("onThisDayTitle")
        self.title.setStyleSheet("font-weight: 600;")
        text.addWidget(self.title)
        self.detail = muted_label("")
        self.detail.setObjectName("onThisDayDetail")
        text.addWidget(self.detail)
        row.addLayout(text, 1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("onThisDayOpen")
        row.addWidget(self.open_button)
        self.note_button = primary_button(self.tr("Write a note about this"))
        self.note_button.setObjectName("onThisDayNote")
        row.addWidget(self.note_button)
        layout.addWidget(self.box)
        self._memories: list[MemorySummary] = []
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.note_button.clicked.connect(lambda: self._emit(self.note_requested))
        self.hide()

    def _emit(self, signal) -> None:  # noqa: ANN001
        if self._memories:
            signal.emit(self._memories[0].uuid)

    def show_memories(self, memories: list[MemorySummary], this_year: int) -> None:
        self._memories = memories
        if not memories:
            self.hide()
            return
        first = memories[0]
        years = this_year - first.when.year
        ago = self.tr("%n year(s) ago today", "", years)
        self.title.setText(self.tr("On this day, {ago}: {title}").format(ago=ago,
                                                                         title=first.title))
        parts = [memory_date_text(first.when)] + ([first.place] if first.place else [])
        if len(memories) > 1:
            parts.append(self.tr("and {n} more from this day").format(n=len(memories) - 1))
        self.detail.setText(" · ".join(parts))
        self.show()

    @property
    def memories(self) -> list[MemorySummary]:
        return self._memories


class ScrapbookHome(QWidget):
    """Search box, filter chips, on this day and the timeline of cards."""

    filters_changed = Signal(object)  # Filters
    memory_opened = Signal(str)
    new_memory_requested = Signal()
    add_photos_requested = Signal()
    book_requested = Signal()
    trash_requested = Signal()

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scrapbookHome")
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 26, 36, 0)
        layout.setSpacing(14)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Scrapbook"),
                              self.tr("The story of us, in photos, places and little moments.")),
                      1)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setObjectName("trashButton")
        self.trash_button.clicked.connect(self.trash_requested)
        self.book_button = QPushButton(self.tr("Our year in a book…"))
        self.book_button.setObjectName("bookButton")
        self.book_button.clicked.connect(self.book_requested)
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.add_photos_button.setObjectName("addPhotosButton")
        self.add_photos_button.clicked.connect(self.add_photos_requested)
        self.new_button = primary_button(self.tr("New memory"))
        self.new_button.setObjectName("newMemoryButton")
        self.new_button.clicked.connect(self.new_memory_requested)
        # The buttons wrap under each other in a narrow window rather than squeeze the title.
        buttons, flow = flow_container()
        for button in (self.trash_button, self.book_button, self.add_photos_button,
                       self.new_button):
            flow.addWidget(button)
        top.addWidget(buttons, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(10)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("scrapbookSearch")
        self.search_edit.setPlaceholderText(self.tr("Search memories, places, stories, tags…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search memories"))
        # Wide enough to read what is typed; the filters wrap rather than squeeze it.
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().averageCharWidth() * 24)
        filters.addWidget(self.search_edit, 1)
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tagFilter")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("yearFilter")
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("placeFilter")
        # Town names can be long; the combo stays narrow so the search box keeps its room.
        self.place_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.place_combo.setMinimumContentsLength(9)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personFilter")
        for box in (self.tag_combo, self.year_combo, self.person_combo):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.favourites_box = QCheckBox(self.tr("♥ Favourites"))
        self.favourites_box.setObjectName("favouritesFilter")
        # The filters wrap under the search box in a narrow window, each as wide as its text.
        chosen, flow = flow_container(10)
        for widget in (self.tag_combo, self.year_combo, self.place_combo, self.person_combo,
                       self.favourites_box):
            flow.addWidget(widget)
        filters.addWidget(chosen)
        self.place_combo.hide()  # shown once a memory has places
        layout.addLayout(filters)

        self.on_this_day = OnThisDayCard()
        layout.addWidget(self.on_this_day)
        self.result_label = muted_label("")
        self.result_label.setObjectName("resultLabel")
        self.result_label.hide()
        layout.addWidget(self.result_label)

        self.body = QStackedWidget()
        self.view = QListView()
        self.view.setObjectName("timelineView")
        self.view.setAccessibleName(self.tr("Memories"))
        self.view.setViewMode(QListView.ViewMode.ListMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(300)
        self.view.setSpacing(9)
        self.view.setUniformItemSizes(False)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalScrollBar().setSingleStep(24)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Ctrl/Shift-click picks several memories, e.g. for a book of just those.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setIconSize(QSize(0, 0))
        self.view.viewport().setAutoFillBackground(False)
        self.view.setItemDelegate(MemoryCardDelegate(self.view))
        self.view.setModel(model)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.body.addWidget(self.view)
        self.empty_state = self._build_empty_state()
        self.body.addWidget(self.empty_state)
        layout.addWidget(self.body, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_filters)
        self.search_edit.textChanged.connect(self._debounce.start)
        for combo in (self.tag_combo, self.year_combo, self.place_combo, self.person_combo):
            combo.currentIndexChanged.connect(self._emit_filters)
        self.favourites_box.toggled.connect(self._emit_filters)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        box = card()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(36, 30, 36, 30)
        inner.setSpacing(10)
        picture = QLabel()
        picture.setPixmap(icon("room-scrapbook").pixmap(52, 52))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(picture)
        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        inner.addWidget(self.empty_title)
        self.empty_text = muted_label("")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.empty_text)
        # As wide as the page allows, up to a comfortable reading width.
        box.setMaximumWidth(520)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.empty_title.setWordWrap(True)
        self.empty_text.setWordWrap(True)
        column.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    # ---- filters ------------------------------------------------------------------------------
    def set_choices(self, tags: list[str], years: list[int], partners: tuple[str, str],
                    places: list[str] | tuple[str, ...] = ()) -> None:
        """Refill the filter menus, keeping what was chosen when still possible."""
        self.place_combo.setVisible(bool(places))
        for combo, items in (
            (self.tag_combo, [(self.tr("All tags"), None)] + [(f"#{t}", t) for t in tags]),
            (self.year_combo, [(self.tr("All years"), None)] + [(str(y), y) for y in years]),
            (self.place_combo, [(self.tr("All places"), None)] + [(p, p) for p in places]),
            (self.person_combo, [(self.tr("Added by either of us"), None),
                                 (self.tr("Added by {name}").format(name=partners[0]), "a"),
                                 (self.tr("Added by {name}").format(name=partners[1]), "b")]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)

    def choose_place(self, name: str) -> None:
        """Filter the timeline to one town (from a memory's place list)."""
        index = self.place_combo.findData(name)
        if index < 0:  # a place not in the menu yet (the menus refresh after a reload)
            self.place_combo.addItem(name, name)
            index = self.place_combo.count() - 1
        self.place_combo.setVisible(True)
        if self.place_combo.currentIndex() == index:
            self._emit_filters()
        else:
            self.place_combo.setCurrentIndex(index)  # emits the filters itself

    def filters(self) -> Filters:
        return Filters(
            text=self.search_edit.text(),
            tag=self.tag_combo.currentData(),
            year=self.year_combo.currentData(),
            favourites_only=self.favourites_box.isChecked(),
            added_by=self.person_combo.currentData(),
            place=self.place_combo.currentData(),
        )

    def _emit_filters(self) -> None:
        self._debounce.stop()
        self.filters_changed.emit(self.filters())

    def flush_search(self) -> None:
        """Apply a pending search at once (Enter, and tests)."""
        if self._debounce.isActive():
            self._emit_filters()

    def show_state(self, filters: Filters) -> None:
        """After a reload: the timeline, or a kind empty state that says why it is empty."""
        total = self.model.total
        if filters.active:
            self.result_label.setText(self.tr("%Ln memory(s) found", "", total))
            self.result_label.show()
        else:
            self.result_label.hide()
        if total:
            self.body.setCurrentWidget(self.view)
            return
        if filters.active:
            self.empty_title.setText(self.tr("Nothing matches that yet"))
            self.empty_text.setText(self.tr("Try fewer words, or clear the filters."))
        else:
            self.empty_title.setText(self.tr("Your scrapbook is waiting"))
            self.empty_text.setText(self.tr(
                "Start with one moment you both smile about. Press “New memory”, or drop "
                "photos or a whole folder here: LoveBridge sorts them by day."))
        self.body.setCurrentWidget(self.empty_state)

    def selected_uuids(self) -> list[str]:
        """The memories picked in the timeline, in timeline order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedIndexes())
        return [uuid for row in rows if (uuid := self.model.data(self.model.index(row), UUID_ROLE))]

    def _on_activated(self, index) -> None:  # noqa: ANN001
        uuid = index.data(UUID_ROLE)
        if uuid:
            self.memory_opened.emit(uuid)
