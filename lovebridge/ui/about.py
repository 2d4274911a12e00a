"""Help › About LoveBridge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lovebridge import __version__
from lovebridge.ui.common.widgets import icon, muted_label


class AboutDialog(QDialog):
    """Version and the privacy promise, in a few lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About LoveBridge"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(icon("lovebridge").pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        title = QLabel(self.tr("LoveBridge {version}").format(version=__version__))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = muted_label(
            self.tr("Notes, memories and time together, for two.\n"
                    "Everything stays on this laptop: no account, no server, no tracking.")
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
