"""The main window: the welcome on first run, then the three rooms beside a sidebar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge import APP_NAME
from lovebridge.ui import settings as opts
from lovebridge.ui.common.widgets import icon, icon_on_accent
from lovebridge.ui.settings import Settings
from lovebridge.ui.theme import apply_theme, current_colours

# Only Qt and the shell's own pieces load before the window first paints; everything that needs
# the library (the store, the rooms, preferences, backups, the lock) is imported in `attach`.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from lovebridge.core.context import AppContext
    from lovebridge.core.links import MemoryPrefill, NoteRequest
    from lovebridge.core.profile import CoupleProfile, ProfileService
    from lovebridge.ui.about import AboutDialog
    from lovebridge.ui.backup import BackupController
    from lovebridge.ui.dates.room import DatesRoom
    from lovebridge.ui.preferences import PreferencesDialog
    from lovebridge.ui.privacy.controller import PrivacyController
    from lovebridge.ui.scrapbook.room import ScrapbookRoom
    from lovebridge.ui.welcome import WelcomePage
    from lovebridge.ui.write.room import WriteRoom

logger = logging.getLogger(__name__)

WRITE, SCRAPBOOK, DATES = range(3)
# The window's frame is built before its first paint without PySide's `Qt` namespace: touching
# it costs ~25 ms per process (a third of what the frame may add to a bare window's start).
# So Qt.ItemDataRole.UserRole is spelled as its number here, and the sidebar's scroll bar policy
# comes from the style sheet (lovebridge/ui/theme.py).
ROOM_ICON_ROLE = 256  # Qt.ItemDataRole.UserRole
ROOM_MODULES = {
    WRITE: "lovebridge.ui.write.room",
    SCRAPBOOK: "lovebridge.ui.scrapbook.room",
    DATES: "lovebridge.ui.dates.room",
}


def library_modules(room: int) -> tuple[str, ...]:
    """The modules `attach` needs to show `room`: imported off the GUI thread while opening."""
    return (
        "lovebridge.core.profile",
        "lovebridge.ui.backup",
        "lovebridge.ui.privacy.controller",
        "lovebridge.ui.welcome",
        ROOM_MODULES.get(room, ROOM_MODULES[WRITE]),
    )


class MainWindow(QMainWindow):
    """Hosts the rooms; wires the requests one room makes of another."""

    preferences_opened = Signal(object)  # PreferencesDialog, so other parts can add pages
    library_attached = Signal()  # `attach` is done: the library is open and its page shown

    def __init__(
        self,
        ctx: AppContext | None,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        returning: bool = True,
    ) -> None:
        """The window; with `ctx` None it shows its frame and waits for `attach(ctx)`.

        While waiting, `returning` (a library already exists) shows the rooms' sidebar, so the
        window looks like itself from its first paint; a first run shows a calm empty page.
        """
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("lovebridge"))
        self.setMinimumSize(QSize(900, 600))
        self.ctx: AppContext | None = None
        self.settings = settings
        self._dialogs: list[QWidget] = []
        self._close_hooks: list[Callable[[], None]] = []

        self.pages = QStackedWidget()
        self.pages.setObjectName("topPages")
        self.setCentralWidget(self.pages)
        self.welcome: WelcomePage | None = None
        # Set by `attach`, once the library is open.
        self.profiles: ProfileService | None = None
        self.privacy: PrivacyController | None = None
        self.backups: BackupController | None = None
        self.opening_page = QWidget()
        self.opening_page.setObjectName("openingPage")
        self.pages.addWidget(self.opening_page)
        self.shell = self._build_shell()
        self.pages.addWidget(self.shell)

        self._build_menus()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusMessage")
        self.statusBar().addWidget(self.status_label, 1)
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx)
            return
        # Opening: what needs the library waits for it; choosing a room is remembered.
        for action in self._library_actions:
            action.setEnabled(False)
        if returning:
            self.pages.setCurrentWidget(self.shell)
            self.room_list.setCurrentRow(self._last_room())
        else:
            self.pages.setCurrentWidget(self.opening_page)
            self.menuBar().setEnabled(False)
        self.status_label.setText(self.tr("Opening your library…"))

    def attach(self, ctx: AppContext) -> None:
        """Open the window on the library: controllers, the profile, and the room to show."""
        from lovebridge.core.profile import ProfileService
        from lovebridge.ui.backup import BackupController
        from lovebridge.ui.privacy.controller import PrivacyController

        self.ctx = ctx
        self.profiles = ProfileService(ctx.store)
        self.privacy = PrivacyController(self, self.file_menu)  # lock page, Ctrl+L, Privacy tab
        self.backups = BackupController(self)  # File › Back up… / Restore…
        from lovebridge.ui.sync.controller import SharingController

        self.sharing = SharingController(self)  # Preferences › Sharing, the status line
        for action in self._library_actions:
            action.setEnabled(True)
        self.menuBar().setEnabled(True)
        profile = self.profiles.load()
        if profile is None:
            self._show_welcome()
        else:
            self._enter_shell(profile)
        self.library_attached.emit()

    def _show_welcome(self) -> None:
        from lovebridge.ui.welcome import WelcomePage

        if self.welcome is None:
            self.welcome = WelcomePage(self.profiles)
            self.welcome.completed.connect(self._on_welcome_completed)
            self.pages.addWidget(self.welcome)
        self.pages.setCurrentWidget(self.welcome)
        self.menuBar().setEnabled(False)
        self.status_label.clear()

    # ---- building -------------------------------------------------------------------------
    def _build_shell(self) -> QWidget:
        shell = QWidget()
        shell.setObjectName("roomShell")
        row = QHBoxLayout(shell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)

        sidebar = QWidget()
        sidebar.setObjectName("roomSidebar")
        sidebar.setFixedWidth(210)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 22, 0, 16)
        column.setSpacing(10)
        brand = QHBoxLayout()
        brand.setContentsMargins(22, 0, 16, 8)
        logo = QLabel()
        logo.setPixmap(icon("lovebridge").pixmap(30, 30))
        brand.addWidget(logo)
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        brand.addWidget(title)
        brand.addStretch(1)
        column.addLayout(brand)

        self.room_list = QListWidget()
        self.room_list.setObjectName("roomList")
        self.room_list.setAccessibleName(self.tr("Rooms"))
        self.room_list.setIconSize(QSize(22, 22))
        for label, icon_name, shortcut in (
            (self.tr("Write"), "room-write", "Ctrl+1"),
            (self.tr("Scrapbook"), "room-scrapbook", "Ctrl+2"),
            (self.tr("Dates"), "room-dates", "Ctrl+3"),
        ):
            item = QListWidgetItem(label)
            item.setData(ROOM_ICON_ROLE, icon_name)
            item.setToolTip(f"{label} ({shortcut})")
            item.setSizeHint(QSize(180, 44))
            self.room_list.addItem(item)
        self._refresh_room_icons()
        column.addWidget(self.room_list, 1)
        self.couple_label = QLabel()
        self.couple_label.setObjectName("coupleLabel")
        self.couple_label.setProperty("muted", True)
        self.couple_label.setWordWrap(True)
        self.couple_label.setContentsMargins(22, 0, 16, 0)
        column.addWidget(self.couple_label)
        row.addWidget(sidebar)

        self.rooms = QStackedWidget()
        self.rooms.setObjectName("roomStack")
        # Rooms are built on first visit: start-up pays only for the room it shows (and the
        # other rooms' modules — calendars, spelling, photos — are imported only when needed).
        self._built_rooms: dict[int, QWidget] = {}
        for _room in (WRITE, SCRAPBOOK, DATES):
            self.rooms.addWidget(QWidget())  # stands in until the room is first shown
        row.addWidget(self.rooms, 1)

        self.room_list.currentRowChanged.connect(self._on_room_row_changed)
        return shell

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

    # ---- the rooms, built on first use --------------------------------------------------------
    @property
    def write_room(self) -> WriteRoom:
        return self._room(WRITE)  # type: ignore[return-value]

    @property
    def scrapbook_room(self) -> ScrapbookRoom:
        return self._room(SCRAPBOOK)  # type: ignore[return-value]

    @property
    def dates_room(self) -> DatesRoom:
        return self._room(DATES)  # type: ignore[return-value]

    def _room(self, index: int) -> QWidget:
        """The room at `index`, built and wired to the others the first time it is asked for."""
        room = self._built_rooms.get(index)
        if room is not None:
            return room
        room = self._make_room(index)
        self._built_rooms[index] = room
        stand_in = self.rooms.widget(index)
        showing = self.rooms.currentIndex() == index
        self.rooms.insertWidget(index, room)
        self.rooms.removeWidget(stand_in)
        stand_in.deleteLater()
        if showing:
            self.rooms.setCurrentIndex(index)
        return room

    def _make_room(self, index: int) -> QWidget:
        if index == WRITE:
            from lovebridge.ui.write.room import WriteRoom

            return WriteRoom(self.ctx, self.settings)
        if index == SCRAPBOOK:
            from lovebridge.ui.scrapbook.room import ScrapbookRoom

            scrapbook = ScrapbookRoom(self.ctx, self.settings)
            scrapbook.write_note_requested.connect(self.request_note)
            scrapbook.memory_captured.connect(self._on_memory_captured)
            return scrapbook
        from lovebridge.ui.dates.room import DatesRoom

        dates = DatesRoom(self.ctx, self.settings)
        dates.write_note_requested.connect(self.request_note)
        dates.capture_memory_requested.connect(self.request_memory)
        return dates

    def _on_memory_captured(self, plan_uuid: str, memory_uuid: str) -> None:
        """A memory saved for a plan: only a built Dates room can have asked for it."""
        dates = self._built_rooms.get(DATES)
        if dates is not None:
            dates.link_captured_memory(plan_uuid, memory_uuid)  # type: ignore[attr-defined]

    # ---- navigation -----------------------------------------------------------------------
    def show_room(self, index: int) -> None:
        """Bring a room forward (0 Write, 1 Scrapbook, 2 Dates)."""
        if self.pages.currentWidget() is not self.shell:
            return
        self.room_list.setCurrentRow(index)

    def current_room(self) -> QWidget:
        return self._room(self.rooms.currentIndex())

    def _on_room_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self.ctx is not None:  # while the library opens, the choice waits for it
            self._room(row)
        self.rooms.setCurrentIndex(row)
        self.settings.set(opts.LAST_ROOM, row)

    def _last_room(self) -> int:
        return min(max(self.settings.get(opts.LAST_ROOM), 0), DATES)

    def request_note(self, request: NoteRequest) -> None:
        """Another room asked for a new note: open Write on it."""
        self.show_room(WRITE)
        self.write_room.start_note(request)

    def request_memory(self, prefill: MemoryPrefill) -> None:
        """A kept date becomes a memory: open the Scrapbook on it."""
        self.show_room(SCRAPBOOK)
        self.scrapbook_room.capture_memory(prefill)

    # ---- profile, dialogs ---------------------------------------------------------------------
    def _on_welcome_completed(self, profile: CoupleProfile) -> None:
        logger.info("first-run profile saved")
        self.menuBar().setEnabled(True)
        self._enter_shell(profile)

    def _enter_shell(self, profile: CoupleProfile) -> None:
        self.pages.setCurrentWidget(self.shell)
        self._show_couple(profile)
        row = self._last_room()
        if self.room_list.currentRow() == row:  # chosen while opening: build it now
            self._on_room_row_changed(row)
        else:
            self.room_list.setCurrentRow(row)
        self.status_label.setText(self.tr("Everything is saved on this laptop."))

    def _show_couple(self, profile: CoupleProfile) -> None:
        text = f"{profile.partner_a} & {profile.partner_b}"
        today = self.ctx.local_now().date()
        days = profile.days_together(today)
        if days is not None and days >= 0:
            text += "\n" + self.tr("{days} days together").format(days=f"{days:,}")
        self.couple_label.setText(text)

    def open_preferences(self) -> PreferencesDialog:
        from lovebridge.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.profiles, self.settings, self)
        dialog.profile_changed.connect(self._show_couple)
        dialog.theme_changed.connect(self._apply_theme)
        self.preferences_opened.emit(dialog)
        self._keep_open(dialog)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        from lovebridge.ui.about import AboutDialog

        dialog = AboutDialog(self)
        self._keep_open(dialog)
        dialog.open()
        return dialog

    def _keep_open(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._dialogs.remove(dialog))  # type: ignore[attr-defined]

    def _apply_theme(self, choice: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, choice)
            self._refresh_room_icons()

    def _refresh_room_icons(self) -> None:
        """The selected room's icon takes the selection's text colour, so it stays visible."""
        ink = current_colours().accent_text
        for row in range(self.room_list.count()):
            item = self.room_list.item(row)
            item.setIcon(icon_on_accent(item.data(ROOM_ICON_ROLE), ink))

    # ---- window state -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        if geometry is None or geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 780)

    def add_close_hook(self, hook: Callable[[], None]) -> None:
        """Run `hook` when the window closes (drafts, backups)."""
        self._close_hooks.append(hook)

    def run_close_hooks(self) -> None:
        """Run every close hook now (also before a restore, so drafts are saved first)."""
        for hook in list(self._close_hooks):
            try:
                hook()
            except Exception:  # one failing hook must not stop the others or the close
                logger.exception("close hook failed")

    def rooms_enabled(self, enabled: bool) -> None:
        """Freeze the rooms and menus while a restore swaps the data underneath them."""
        self.pages.setEnabled(enabled)
        self.menuBar().setEnabled(enabled)

    def reload_rooms(self) -> None:
        """Rebuild the rooms on the (restored) store: fresh widgets, nothing stale on screen."""
        old_shell = self.shell
        # Hooks bound to widgets of the old rooms go with them; others (backups) stay.
        self._close_hooks = [
            hook for hook in self._close_hooks
            if not (isinstance(getattr(hook, "__self__", None), QWidget)
                    and old_shell.isAncestorOf(hook.__self__))
        ]
        self.shell = self._build_shell()
        self.pages.addWidget(self.shell)
        self.pages.removeWidget(old_shell)
        old_shell.deleteLater()
        self.rooms_enabled(True)
        profile = self.profiles.load()
        if profile is None:
            self._show_welcome()
        else:
            self._enter_shell(profile)
            self.status_label.setText(self.tr("Your backup is restored."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.backups is not None and self.backups.busy:  # never close under a restore/backup
            self.status_label.setText(self.tr("One moment — the backup is still being written."))
            event.ignore()
            return
        self.run_close_hooks()
        self.settings.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
