"""Reading a memory: its story, photos, day and place laid out to be read, with Edit at hand."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.scrapbook.records import Memory, MemoryPlaceItem
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import back_text, muted_label, primary_button
from lovebridge.ui.formatting import memory_date_text
from lovebridge.ui.scrapbook.thumbnails import ThumbnailLoader

READ_ICON = QSize(220, 165)


class MemoryReader(QWidget):
    """One memory to read; Edit opens the memory page's form."""

    back_requested = Signal()
    edit_requested = Signal(str)  # memory uuid
    place_chosen = Signal(str)  # a town of the place list: show every memory there

    def __init__(self, thumbnails: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoryReader")
        self._thumbnails = thumbnails
        self._memory: Memory | None = None
        thumbnails.ready.connect(lambda _sha: self._show_photos())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 20)
        outer.setSpacing(12)
        bar = QHBoxLayout()
        self.back_button = QPushButton(back_text(self.tr("← Back to the scrapbook")))
        self.back_button.setObjectName("readerBack")
        self.back_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.back_button.clicked.connect(self.back_requested)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        self.edit_button = primary_button(self.tr("Edit"))
        self.edit_button.setObjectName("readerEdit")
        self.edit_button.clicked.connect(
            lambda: self._memory and self.edit_requested.emit(self._memory.uuid))
        bar.addWidget(self.edit_button)
        outer.addLayout(bar)
        self.title = QLabel()
        self.title.setObjectName("readerTitle")
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.details = muted_label("")
        self.details.setObjectName("readerDetails")
        self.details.setWordWrap(True)
        outer.addWidget(self.details)
        self.places_box, self._places_flow = flow_container()
        self.places_box.setObjectName("readerPlaces")
        self.places_box.setAccessibleName(self.tr("Places of this memory"))
        self._places_flow.setContentsMargins(0, 0, 0, 0)
        self.places_box.hide()
        outer.addWidget(self.places_box)
        self.photos = QListWidget()
        self.photos.setObjectName("readerPhotos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(READ_ICON)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setWordWrap(True)
        self.photos.setMovement(QListWidget.Movement.Static)
        self.photos.setFixedHeight(READ_ICON.height() + 48)
        self.photos.setAccessibleName(self.tr("Photos of this memory"))
        outer.addWidget(self.photos)
        self.story = QTextBrowser()
        self.story.setObjectName("readerStory")
        self.story.setOpenLinks(False)
        self.story.setAccessibleName(self.tr("The story"))
        self.story.setFrameShape(QTextBrowser.Shape.NoFrame)  # read like a page, not a form
        self.story.setStyleSheet("QTextBrowser { background: transparent; border: none; }")
        story_font = QFont(self.story.font())
        story_font.setPointSizeF(story_font.pointSizeF() * 1.15)
        self.story.setFont(story_font)
        outer.addWidget(self.story, 1)

    def show_memory(self, memory: Memory, added_by_name: str,
                    places: list[MemoryPlaceItem] | tuple[MemoryPlaceItem, ...] = ()) -> None:
        self._memory = memory
        self._show_places(places)
        self.title.setText(memory.title)
        parts = [memory_date_text(memory.when)]
        if memory.place:
            parts.append(memory.place)
        if memory.mood:
            parts.append(self.tr(memory.mood.capitalize()))
        if memory.favourite:
            parts.append(self.tr("♥ one of our favourites"))
        if memory.tags:
            parts.append(", ".join(memory.tags))
        parts.append(self.tr("added by {name}").format(name=added_by_name))
        self.details.setText("  ·  ".join(parts))
        if memory.story_html:
            self.story.setHtml(memory.story_html)
        else:
            self.story.setPlainText(memory.story_text or self.tr("No story written yet."))
        self._show_photos()

    def _show_places(self, places: list[MemoryPlaceItem] | tuple[MemoryPlaceItem, ...]) -> None:
        """The memory's place list: a small, map-free row; each town filters the scrapbook."""
        while self._places_flow.count():
            item = self._places_flow.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not places:
            self.places_box.hide()
            return
        heading = muted_label(self.tr("Places:"))
        heading.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        self._places_flow.addWidget(heading)
        for place in places:
            button = QPushButton(place.label)
            button.setObjectName("readerPlace")
            button.setProperty("chip", True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Show every memory in {place}").format(place=place.name))
            button.clicked.connect(lambda _checked=False, name=place.name:
                                   self.place_chosen.emit(name))
            self._places_flow.addWidget(button)
            heading.setMinimumHeight(button.sizeHint().height())  # in line with the towns
        self.places_box.show()

    def memory_uuid(self) -> str | None:
        return None if self._memory is None else self._memory.uuid

    def _show_photos(self) -> None:
        self.photos.clear()
        if self._memory is None:
            return
        for item in self._memory.photos:
            pixmap = self._thumbnails.cached(item.photo)
            entry = QListWidgetItem(item.caption)
            if pixmap is not None:
                entry.setIcon(QIcon(pixmap.scaled(READ_ICON, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)))
            entry.setToolTip(item.photo.original_name or self.tr("Photo"))
            self.photos.addItem(entry)
        self.photos.setVisible(bool(self._memory.photos))
