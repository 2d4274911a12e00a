"""The photo viewer: one photo large (decoded in a worker), next / previous, a slideshow."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook.photo_import import stored_photo
from lovebridge.core.scrapbook.records import PhotoRef
from lovebridge.ui.scrapbook.pictures import decode_preview
from lovebridge.ui.tasks import run_task

VIEW_SIDE = 2560  # sharp on a large or high-density screen, without holding 48 MP in memory
SLIDESHOW_MS = 4000


def decode_for_view(ctx: AppContext, photo: PhotoRef) -> QImage:
    """Decode a photo upright for the screen (runs in a worker thread)."""
    return decode_preview(stored_photo(ctx, photo), VIEW_SIDE)


class PhotoViewer(QWidget):
    """Shows photos one at a time; arrows move, Escape closes, Space starts a slideshow."""

    closed = Signal()
    photo_shown = Signal(int)  # index, once its pixels are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._ctx = ctx
        self._photos: list[tuple[PhotoRef, str]] = []
        self._index = 0
        self._image: QImage | None = None
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setInterval(SLIDESHOW_MS)
        self.timer.timeout.connect(self.show_next)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.picture = QLabel()
        self.picture.setObjectName("viewerPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(QSize(200, 150))
        layout.addWidget(self.picture, 1)
        self.caption = QLabel()
        self.caption.setObjectName("viewerCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        bar = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close_viewer)
        bar.addWidget(self.close_button)
        bar.addStretch(1)
        self.previous_button = QPushButton(self.tr("‹ Previous"))
        self.previous_button.clicked.connect(self.show_previous)
        bar.addWidget(self.previous_button)
        self.position_label = QLabel()
        self.position_label.setProperty("muted", True)
        bar.addWidget(self.position_label)
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.clicked.connect(self.show_next)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.slideshow_button = QPushButton(self.tr("Slideshow"))
        self.slideshow_button.setObjectName("slideshowButton")
        self.slideshow_button.setCheckable(True)
        self.slideshow_button.toggled.connect(self.set_slideshow)
        bar.addWidget(self.slideshow_button)
        layout.addLayout(bar)
        for button in (self.close_button, self.previous_button, self.next_button,
                       self.slideshow_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows stay with the viewer

    def open(self, photos: list[tuple[PhotoRef, str]], index: int) -> None:
        self._photos = photos
        self.slideshow_button.setChecked(False)
        self.show_index(index)
        self.setFocus()

    @property
    def index(self) -> int:
        return self._index

    def show_index(self, index: int) -> None:
        if not self._photos:
            return
        self._index = index % len(self._photos)
        photo, caption = self._photos[self._index]
        self.caption.setText(caption)
        self.position_label.setText(f"{self._index + 1} / {len(self._photos)}")
        self.picture.setText(self.tr("Opening the photo…"))
        self._generation += 1
        generation = self._generation
        run_task(lambda: decode_for_view(self._ctx, photo),
                 lambda image: self._on_decoded(generation, image),
                 lambda _error: self._on_failed(generation), owner=self)

    def _on_decoded(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return  # the couple already moved on to another photo
        self._image = image
        self._fit()
        self.photo_shown.emit(self._index)

    def _on_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._image = None
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("This photo could not be opened."))

    def _fit(self) -> None:
        if self._image is None:
            return
        pixmap = QPixmap.fromImage(self._image)
        ratio = self.devicePixelRatioF()
        scaled = pixmap.scaled(self.picture.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.picture.setPixmap(scaled)

    def shown_image(self) -> QImage | None:
        return self._image

    def show_next(self) -> None:
        self.show_index(self._index + 1)

    def show_previous(self) -> None:
        self.show_index(self._index - 1)

    def set_slideshow(self, running: bool) -> None:
        if running:
            self.timer.start()
        else:
            self.timer.stop()

    def close_viewer(self) -> None:
        self.timer.stop()
        self.slideshow_button.setChecked(False)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.show_next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.show_previous()
        elif key == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close):
            self.close_viewer()
        elif key == Qt.Key.Key_Space:
            self.slideshow_button.toggle()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
