"""The main window's menus and actions (File, View, Help), shortcuts included, and the one way
other parts of the app add their own entries (`contribute_action`, by section)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QAction, QKeySequence


class MenuSection(Enum):
    """Where a contributed action goes."""

    FILE_START = "file-start"  # first in the File menu, set apart (the lock)
    FILE_DATA = "file-data"  # with the data's own actions, before Preferences (import, export)


class ShellMenus:
    """Mixed into the MainWindow (a QMainWindow): builds its menu bar and keeps its actions."""

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = self._action(self.tr("&Back up…"), None, "backupAction")
        self.restore_action = self._action(self.tr("&Restore…"), None, "restoreAction")
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.preferences_action = self._action(
            self.tr("&Preferences…"), QKeySequence.StandardKey.Preferences, "preferencesAction"
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.preferences_action.triggered.connect(self.open_preferences)
        file_menu.addAction(self.preferences_action)
        # Actions that need the open library: off while it opens.
        self._library_actions = [self.backup_action, self.restore_action, self.preferences_action]
        file_menu.addSeparator()
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, "quitAction")
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.room_actions: list[QAction] = []
        for index, name in enumerate((self.tr("&Write"), self.tr("&Scrapbook"), self.tr("&Dates"))):
            action = self._action(name, QKeySequence(f"Ctrl+{index + 1}"), f"showRoom{index + 1}")
            action.triggered.connect(lambda _checked=False, i=index: self.show_room(i))
            view_menu.addAction(action)
            self.room_actions.append(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._action(self.tr("&About LoveBridge"), None, "aboutAction")
        about.triggered.connect(self.open_about)
        help_menu.addAction(about)

    def contribute_action(self, section: MenuSection, action: QAction) -> None:
        """Add `action` (made by a controller) to the menus in `section`; its shortcut works
        even while the menu bar is hidden."""
        self.addAction(action)
        if section is MenuSection.FILE_START:
            first = self.file_menu.actions()[0] if self.file_menu.actions() else None
            self.file_menu.insertAction(first, action)
            if first is not None:
                self.file_menu.insertSeparator(first)
        else:
            self.file_menu.insertAction(self.preferences_action, action)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None, name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        # setShortcuts, not setShortcut: the latter's overloads load PySide's `Qt` namespace
        # (see ROOM_ICON_ROLE). A standard key brings every binding the platform has for it.
        if isinstance(shortcut, QKeySequence):
            action.setShortcuts([shortcut])
        elif shortcut is not None:
            action.setShortcuts(shortcut)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action
