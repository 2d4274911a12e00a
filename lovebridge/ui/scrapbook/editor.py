"""The memory page: view and edit one memory — its words, its date, and its photos."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QDate, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.scrapbook.records import (
    MOODS,
    Memory,
    MemoryDate,
    MemoryDraft,
    PhotoPlacement,
    PhotoRef,
)
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import back_text, muted_label, primary_button
from lovebridge.ui.scrapbook.drops import AcceptsPhotoDrops, carries_photos
from lovebridge.ui.scrapbook.thumbnails import ThumbnailLoader

AUTOSAVE_MS = 1200  # a memory saves itself this long after the last change, like a note
PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1  # PhotoRef
PLACEMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # placement uuid or None
STRIP_ICON = QSize(150, 112)


class StoryEdit(QTextEdit):
    """The story, in rich text; pasted or dropped pictures become photos of the memory."""

    media_arrived = Signal(object)  # QMimeData

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return carries_photos(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if carries_photos(source):
            self.media_arrived.emit(source)
        else:
            super().insertFromMimeData(source)


class MemoryEditor(AcceptsPhotoDrops, QWidget):
    """Edits one memory; emits what the room must do (save, delete, import, view)."""

    save_requested = Signal(object)  # MemoryDraft: saved, then back to the scrapbook
    autosave_requested = Signal(object)  # MemoryDraft: saved in place while editing
    delete_requested = Signal(str)  # memory uuid
    back_requested = Signal()
    add_photos_requested = Signal()
    media_pasted = Signal(object)  # QMimeData
    photo_opened = Signal(int)  # row in the strip
    photo_removed = Signal(str)  # placement uuid (saved photos go to the trash)
    photos_from_day_requested = Signal()

    def __init__(self, thumbnails: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoryEditor")
        self.setAcceptDrops(True)
        self._thumbnails = thumbnails
        self._uuid: str | None = None
        self._added_by = "a"
        self._date_touched = False
        self._dirty = False
        self._loading = False
        thumbnails.ready.connect(self._on_thumbnail_ready)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_if_changed)
        self._build()
        self._watch_changes()

    # ---- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(12)
        bar = QHBoxLayout()
        self.back_button = QPushButton(back_text(self.tr("← Back to the scrapbook")))
        self.back_button.setObjectName("backButton")
        self.back_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.back_button.clicked.connect(self.back_requested)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        # The right-hand buttons wrap under each other when a large font runs out of width.
        actions, flow = flow_container(8)
        bar.addWidget(actions, 0)
        self.save_status = muted_label("")
        self.save_status.setObjectName("memorySaveStatus")
        flow.addWidget(self.save_status)
        self.delete_button = QPushButton(self.tr("Move to trash"))
        self.delete_button.setObjectName("deleteMemoryButton")
        self.delete_button.clicked.connect(self._on_delete)
        flow.addWidget(self.delete_button)
        self.save_button = primary_button(self.tr("Save memory"))
        self.save_button.setObjectName("saveMemoryButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self._on_save)
        flow.addWidget(self.save_button)
        outer.addLayout(bar)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget()
        page.setObjectName("memoryPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(14)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("memoryTitle")
        self.title_edit.setPlaceholderText(self.tr("What shall we call this memory?"))
        font = QFont(self.title_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title_edit.setFont(font)
        self.title_edit.setMaxLength(200)
        column.addWidget(self.title_edit)
        column.addLayout(self._build_details())
        column.addLayout(self._build_photo_bar())
        self.notice = muted_label("")
        self.notice.setObjectName("importNotice")
        self.notice.hide()
        column.addWidget(self.notice)
        self.photo_strip = QListWidget()
        self.photo_strip.setObjectName("photoStrip")
        self.photo_strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_strip.setIconSize(STRIP_ICON)
        self.photo_strip.setGridSize(QSize(STRIP_ICON.width() + 20, STRIP_ICON.height() + 44))
        self.photo_strip.setMovement(QListWidget.Movement.Snap)
        self.photo_strip.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.photo_strip.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photo_strip.setWordWrap(True)
        self.photo_strip.model().rowsInserted.connect(self._fit_strip)
        self.photo_strip.model().rowsRemoved.connect(self._fit_strip)
        self._fit_strip()
        self.photo_strip.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                         | QAbstractItemView.EditTrigger.SelectedClicked)
        self.photo_strip.itemDoubleClicked.connect(
            lambda item: self.photo_opened.emit(self.photo_strip.row(item)))
        self.photo_strip.setAccessibleName(self.tr("Photos of this memory"))
        column.addWidget(self.photo_strip)
        column.addWidget(muted_label(self.tr(
            "Drop photos or a folder here, or paste a picture. Double-click a photo to see it "
            "large; select it and press F2 to write a caption; drag to reorder.")))
        story_bar = QHBoxLayout()
        story_bar.addWidget(self._section(self.tr("The story")))
        story_bar.addStretch(1)
        self.bold_button = self._format_button("B", self.tr("Bold (Ctrl+B)"), "Ctrl+B",
                                               self._toggle_bold)
        self.italic_button = self._format_button("I", self.tr("Italic (Ctrl+I)"), "Ctrl+I",
                                                 self._toggle_italic)
        story_bar.addWidget(self.bold_button)
        story_bar.addWidget(self.italic_button)
        column.addLayout(story_bar)
        self.story_edit = StoryEdit()
        self.story_edit.setObjectName("memoryStory")
        self.story_edit.setPlaceholderText(
            self.tr("What happened, what was said, what you want to remember…"))
        self.story_edit.setMinimumHeight(220)
        self.story_edit.media_arrived.connect(self.media_pasted)
        column.addWidget(self.story_edit)
        self.added_by_label = muted_label("")
        column.addWidget(self.added_by_label)
        column.addStretch(1)
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)

    def _format_button(self, text: str, tip: str, shortcut: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setShortcut(QKeySequence(shortcut))
        button.setMinimumWidth(40)
        font = QFont(button.font())
        font.setBold(text == "B")
        font.setItalic(text == "I")
        button.setFont(font)
        button.clicked.connect(slot)
        return button

    def _toggle_bold(self) -> None:
        bold = self.story_edit.fontWeight() < QFont.Weight.Bold
        self.story_edit.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.story_edit.setFocus()

    def _toggle_italic(self) -> None:
        self.story_edit.setFontItalic(not self.story_edit.fontItalic())
        self.story_edit.setFocus()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        return label

    def _build_details(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # The boxes of a row wrap under each other rather than run past a narrow window.
        when_row, when = flow_container(8)
        self.precision_combo = QComboBox()
        self.precision_combo.setObjectName("datePrecision")
        for label, key in ((self.tr("On the day"), "day"), (self.tr("Sometime in the month"),
                           "month"), (self.tr("Sometime in the year"), "year")):
            self.precision_combo.addItem(label, key)
        self.precision_combo.currentIndexChanged.connect(self._on_precision_changed)
        when.addWidget(self.precision_combo)
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("memoryDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("d MMMM yyyy")
        self.day_edit.dateChanged.connect(self._mark_date_touched)
        when.addWidget(self.day_edit)
        self.month_combo = QComboBox()
        for number in range(1, 13):
            self.month_combo.addItem(calendar.month_name[number], number)
        self.month_combo.currentIndexChanged.connect(self._mark_date_touched)
        when.addWidget(self.month_combo)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1900, 2200)
        self.year_spin.valueChanged.connect(self._mark_date_touched)
        when.addWidget(self.year_spin)
        form.addRow(self.tr("When"), when_row)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("memoryPlace")
        self.place_edit.setPlaceholderText(self.tr("Where were you?"))
        self.place_edit.setMaxLength(200)
        form.addRow(self.tr("Where"), self.place_edit)
        feel_row, feel = flow_container(12)
        self.mood_combo = QComboBox()
        self.mood_combo.setObjectName("memoryMood")
        self.mood_combo.addItem(self.tr("No particular mood"), None)
        for mood in MOODS:
            self.mood_combo.addItem(self.tr(mood.capitalize()), mood)
        feel.addWidget(self.mood_combo)
        self.favourite_box = QCheckBox(self.tr("♥ One of our favourites"))
        self.favourite_box.setObjectName("memoryFavourite")
        feel.addWidget(self.favourite_box)
        self.private_box = QCheckBox(self.tr("Private to me"))
        self.private_box.setObjectName("memoryPrivate")
        self.private_box.setToolTip(self.tr(
            "Kept on this laptop only: never sent to your partner's laptop when sharing"))
        feel.addWidget(self.private_box)
        form.addRow(self.tr("Mood"), feel_row)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("memoryTags")
        self.tags_edit.setPlaceholderText(self.tr("beach, firsts, family — separated by commas"))
        form.addRow(self.tr("Tags"), self.tags_edit)
        return form

    def _build_photo_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(self._section(self.tr("Photos")), 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)
        buttons, flow = flow_container(8)  # wrap under each other in a narrow window
        bar.addWidget(buttons)
        self.from_day_button = QPushButton(self.tr("Add photos from that day…"))
        self.from_day_button.setObjectName("photosFromDayButton")
        self.from_day_button.clicked.connect(self.photos_from_day_requested)
        self.from_day_button.hide()
        flow.addWidget(self.from_day_button)
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.add_photos_button.setObjectName("editorAddPhotos")
        self.add_photos_button.clicked.connect(self.add_photos_requested)
        flow.addWidget(self.add_photos_button)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.setObjectName("removePhotoButton")
        self.remove_photo_button.clicked.connect(self.remove_selected_photo)
        flow.addWidget(self.remove_photo_button)
        return bar

    def _watch_changes(self) -> None:
        """Every edit marks the memory changed and (re)starts the quiet save."""
        for signal in (self.title_edit.textChanged, self.place_edit.textChanged,
                       self.tags_edit.textChanged, self.story_edit.textChanged,
                       self.mood_combo.currentIndexChanged, self.favourite_box.toggled,
                       self.private_box.toggled,
                       self.precision_combo.currentIndexChanged, self.day_edit.dateChanged,
                       self.month_combo.currentIndexChanged, self.year_spin.valueChanged):
            signal.connect(self._changed)
        model = self.photo_strip.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                       model.dataChanged):
            signal.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.save_status.setText(self.tr("Editing…"))
        self._autosave.start()

    def is_dirty(self) -> bool:
        """True while there are changes not yet saved."""
        return self._dirty

    def has_content(self) -> bool:
        """False for a new memory nothing was written in (leaving it keeps nothing)."""
        if self._uuid is not None or self.photo_strip.count():
            return True
        return any(text.strip() for text in (
            self.title_edit.text(), self.place_edit.text(), self.tags_edit.text(),
            self.story_edit.toPlainText()))

    def save_if_changed(self) -> None:
        """Ask the room to save the changes in place (the quiet save)."""
        self._autosave.stop()
        if self._dirty and self.has_content():
            self.autosave_requested.emit(self.draft())

    def saved(self, memory: Memory) -> None:
        """The room saved this editor's draft: keep editing the stored memory from now on."""
        self._uuid = memory.uuid
        placements = iter(memory.photos)
        self._loading = True
        try:
            for row in range(self.photo_strip.count()):
                item = self.photo_strip.item(row)
                stored = next(placements, None)
                if stored is not None and item.data(PLACEMENT_ROLE) is None:
                    item.setData(PLACEMENT_ROLE, stored.uuid)
        finally:
            self._loading = False
        self._dirty = False
        self.delete_button.show()
        self.save_status.setProperty("muted", True)
        self.save_status.setText(self.tr("Saved"))

    def save_failed(self, reason: str) -> None:
        """The save did not happen: say so, keep everything on screen."""
        self._dirty = True
        self.save_status.setText(self.tr("Not saved"))
        self.show_notice(self.tr("This memory is not saved yet: {reason}. Everything you "
                                 "wrote is still here.").format(reason=reason))

    # ---- filling ------------------------------------------------------------------------------
    def start_new(self, when: date, added_by: str, title: str = "", place: str = "") -> None:
        """An empty memory dated `when` (the date may be replaced by the photos' EXIF date)."""
        self._loading = True
        try:
            self._start_new(when, added_by, title, place)
        finally:
            self._loading = False
        self._dirty = bool(title or place)  # a kept date's title and place are worth saving
        self.save_status.setText("")

    def _start_new(self, when: date, added_by: str, title: str, place: str) -> None:
        self._uuid = None
        self._added_by = added_by
        self.title_edit.setText(title)
        self.place_edit.setText(place)
        self.story_edit.clear()
        self.tags_edit.clear()
        self.mood_combo.setCurrentIndex(0)
        self.favourite_box.setChecked(False)
        self.private_box.setChecked(False)
        self.photo_strip.clear()
        self.set_date(MemoryDate.of(when))
        self._date_touched = bool(title)
        self.delete_button.hide()
        self.from_day_button.hide()
        self.clear_notice()
        self.added_by_label.setText("")
        self.title_edit.setFocus()

    def load(self, memory: Memory, added_by_name: str) -> None:
        """Show a saved memory for viewing and editing."""
        self._loading = True
        try:
            self._load(memory, added_by_name)
        finally:
            self._loading = False
        self._dirty = False
        self._autosave.stop()
        self.save_status.setText(self.tr("Saved"))

    def _load(self, memory: Memory, added_by_name: str) -> None:
        self._uuid = memory.uuid
        self._added_by = memory.added_by
        self.title_edit.setText(memory.title)
        self.place_edit.setText(memory.place)
        if memory.story_html:
            self.story_edit.setHtml(memory.story_html)
        else:
            self.story_edit.setPlainText(memory.story_text)
        self.tags_edit.setText(", ".join(memory.tags))
        self.mood_combo.setCurrentIndex(max(0, self.mood_combo.findData(memory.mood)))
        self.favourite_box.setChecked(memory.favourite)
        self.private_box.setChecked(memory.private)
        self.set_date(memory.when)
        self._date_touched = True
        self.photo_strip.clear()
        for item in memory.photos:
            self._add_strip_item(item.photo, item.caption, item.uuid)
        self.delete_button.show()
        self.from_day_button.hide()
        self.clear_notice()
        self.added_by_label.setText(self.tr("Added by {name}").format(name=added_by_name))

    def set_date(self, when: MemoryDate) -> None:
        blocked = [w.blockSignals(True) for w in (self.day_edit, self.month_combo, self.year_spin)]
        self.day_edit.setDate(QDate(when.year, when.month or 1, when.day or 1))
        self.month_combo.setCurrentIndex((when.month or 1) - 1)
        self.year_spin.setValue(when.year)
        for widget, was in zip((self.day_edit, self.month_combo, self.year_spin), blocked,
                               strict=True):
            widget.blockSignals(was)
        self.precision_combo.setCurrentIndex(
            self.precision_combo.findData(when.precision))
        self._on_precision_changed()

    def propose_date(self, day: date) -> None:
        """The photos' EXIF date, taken only if the couple has not chosen a date themselves."""
        if not self._date_touched:
            self.set_date(MemoryDate.of(day))

    def _mark_date_touched(self, *_args: object) -> None:
        self._date_touched = True

    def _on_precision_changed(self, *_args: object) -> None:
        precision = self.precision_combo.currentData()
        self.day_edit.setVisible(precision == "day")
        self.month_combo.setVisible(precision == "month")
        self.year_spin.setVisible(precision in ("month", "year"))

    def offer_photos_from_day(self, offered: bool) -> None:
        self.from_day_button.setVisible(offered)

    # ---- photos -----------------------------------------------------------------------------
    def add_photos(self, photos: list[PhotoRef]) -> None:
        present = {self.photo_strip.item(i).data(PHOTO_ROLE).photo_id
                   for i in range(self.photo_strip.count())}
        for photo in photos:
            if photo.photo_id not in present:
                self._add_strip_item(photo, "", None)
                present.add(photo.photo_id)

    def _add_strip_item(self, photo: PhotoRef, caption: str, placement: str | None) -> None:
        item = QListWidgetItem(caption)
        item.setData(PHOTO_ROLE, photo)
        item.setData(PLACEMENT_ROLE, placement)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(photo.original_name or self.tr("Photo"))
        item.setSizeHint(QSize(STRIP_ICON.width() + 16, STRIP_ICON.height() + 40))
        pixmap = self._thumbnails.cached(photo)
        item.setIcon(self._icon(pixmap))
        self.photo_strip.addItem(item)

    def _fit_strip(self, *_args: object) -> None:
        """As tall as its rows of photos (up to three; more scroll), never an empty band."""
        cell = self.photo_strip.gridSize()
        per_row = max(1, (self.photo_strip.viewport().width() - 8) // cell.width())
        rows = min(3, max(1, -(-self.photo_strip.count() // per_row)))
        self.photo_strip.setFixedHeight(rows * cell.height() + 14)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self._fit_strip()

    def _icon(self, pixmap: QPixmap | None) -> QIcon:
        if pixmap is None:
            blank = QPixmap(STRIP_ICON)
            blank.fill(self.palette().alternateBase().color())
            return QIcon(blank)
        return QIcon(pixmap.scaled(STRIP_ICON, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation))

    def _on_thumbnail_ready(self, sha256: str) -> None:
        for row in range(self.photo_strip.count()):
            item = self.photo_strip.item(row)
            if item.data(PHOTO_ROLE).sha256 == sha256:
                item.setIcon(self._icon(self._thumbnails.cached(item.data(PHOTO_ROLE))))

    def photos(self) -> list[tuple[PhotoRef, str]]:
        """The photos in their order, with captions (for the viewer)."""
        return [(self.photo_strip.item(i).data(PHOTO_ROLE), self.photo_strip.item(i).text())
                for i in range(self.photo_strip.count())]

    def remove_selected_photo(self) -> None:
        row = self.photo_strip.currentRow()
        if row < 0:
            return
        item = self.photo_strip.takeItem(row)
        placement = item.data(PLACEMENT_ROLE)
        if placement:
            self.photo_removed.emit(placement)
            self.show_notice(self.tr("The photo went to the trash; you can restore it there "
                                     "for 30 days."))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear_notice(self) -> None:
        self.show_notice("")

    # ---- reading back -------------------------------------------------------------------------
    @property
    def memory_uuid(self) -> str | None:
        return self._uuid

    def current_date(self) -> MemoryDate:
        precision = self.precision_combo.currentData()
        if precision == "day":
            day = self.day_edit.date()
            return MemoryDate(day.year(), day.month(), day.day())
        if precision == "month":
            return MemoryDate(self.year_spin.value(), self.month_combo.currentData())
        return MemoryDate(self.year_spin.value())

    def draft(self) -> MemoryDraft:
        placements = tuple(
            PhotoPlacement(self.photo_strip.item(i).data(PHOTO_ROLE).photo_id,
                           self.photo_strip.item(i).text(),
                           self.photo_strip.item(i).data(PLACEMENT_ROLE))
            for i in range(self.photo_strip.count())
        )
        return MemoryDraft(
            title=self.title_edit.text(),
            when=self.current_date(),
            place=self.place_edit.text(),
            story_html=self.story_edit.toHtml() if self.story_edit.toPlainText().strip() else "",
            story_text=self.story_edit.toPlainText(),
            tags=tuple(t for t in self.tags_edit.text().split(",") if t.strip()),
            mood=self.mood_combo.currentData(),
            favourite=self.favourite_box.isChecked(),
            private=self.private_box.isChecked(),
            added_by=self._added_by,
            photos=placements,
            uuid=self._uuid,
        )

    def _on_save(self) -> None:
        self._autosave.stop()
        self.save_requested.emit(self.draft())

    def _on_delete(self) -> None:
        if self._uuid:
            self.delete_requested.emit(self._uuid)

    def photos_dropped(self, mime: QMimeData) -> None:
        """Photos dropped on the memory page join this memory."""
        self.media_pasted.emit(mime)
