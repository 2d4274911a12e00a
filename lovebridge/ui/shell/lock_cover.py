"""The lock screen over the main window: everything else hidden until a passphrase is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from lovebridge import APP_NAME


class LockCover:
    """Covers `window` with `panel` (a page of `pages`) and brings everything back after."""

    def __init__(self, window: QMainWindow, pages: QStackedWidget, panel: QWidget) -> None:
        self._window = window
        self._pages = pages
        self._panel = panel
        self._page_before: QWidget | None = None
        self._hidden_windows: list[QWidget] = []
        self._disabled_actions: list[QAction] = []
        self._title_before = ""

    def cover(self) -> None:
        window = self._window
        self._page_before = self._pages.currentWidget()
        others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
        for popup in [w for w in others if w.windowType() == Qt.WindowType.Popup]:
            popup.close()  # an open menu or drop-down list is simply closed
        self._hidden_windows = [w for w in others if w.windowType() != Qt.WindowType.Popup]
        for other in self._hidden_windows:
            other.hide()
        self._disabled_actions = [a for a in window.actions() if a.isEnabled()]
        for action in self._disabled_actions:
            action.setEnabled(False)
        window.menuBar().hide()
        window.statusBar().hide()
        self._title_before = window.windowTitle()
        window.setWindowTitle(APP_NAME)
        self._pages.setCurrentWidget(self._panel)

    def uncover(self) -> None:
        window = self._window
        self._pages.setCurrentWidget(self._page_before or self._pages.widget(0))
        for action in self._disabled_actions:
            action.setEnabled(True)
        self._disabled_actions = []
        window.menuBar().show()
        window.statusBar().show()
        window.setWindowTitle(self._title_before or APP_NAME)
        for other in self._hidden_windows:
            other.show()
        self._hidden_windows = []
