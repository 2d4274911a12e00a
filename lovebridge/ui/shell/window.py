"""The main window: the welcome on first run, then the three rooms beside a sidebar.

The window owns what belongs to the whole app once the library is open: the lock and backup
controllers (which talk back only through signals), the reminders with their tray, the
preferences registry and the one change signal every room refreshes from.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QFontMetrics
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
from lovebridge.ui.shell.menus import MenuSection, ShellMenus
from lovebridge.ui.shell.notices import NoticeArea
from lovebridge.ui.shell.preferences import PreferencePages
from lovebridge.ui.shell.rooms import DATES, ROOM_MODULES, SCRAPBOOK, WRITE, Room, build_room
from lovebridge.ui.theme import apply_theme, current_colours

# Only Qt and the shell's own pieces load before the window first paints; everything that needs
# the library (the store, the rooms, preferences, backups, the lock) is imported in `attach`.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from lovebridge.core.context import AppContext
    from lovebridge.core.dates.model import Occurrence
    from lovebridge.core.events import Change
    from lovebridge.core.links import MemoryPrefill, NoteRequest
    from lovebridge.core.profile import CoupleProfile, ProfileService
    from lovebridge.ui.about import AboutDialog
    from lovebridge.ui.backup import BackupController
    from lovebridge.ui.dates.room import DatesRoom
    from lovebridge.ui.hand.controller import HandController
    from lovebridge.ui.preferences import PreferencesDialog
    from lovebridge.ui.privacy.controller import PrivacyController
    from lovebridge.ui.scrapbook.import_flow import ImportController
    from lovebridge.ui.scrapbook.room import ScrapbookRoom
    from lovebridge.ui.shell.changes import ChangeRelay
    from lovebridge.ui.shell.jobs import JobQueue
    from lovebridge.ui.shell.lock_cover import LockCover
    from lovebridge.ui.shell.reminders import AppReminders
    from lovebridge.ui.welcome import WelcomePage
    from lovebridge.ui.write.room import WriteRoom

logger = logging.getLogger(__name__)

# The window's frame is built before its first paint without PySide's `Qt` namespace: touching
# it costs ~25 ms per process (a third of what the frame may add to a bare window's start).
# So Qt.ItemDataRole.UserRole is spelled as its number here, and the sidebar's scroll bar policy
# comes from the style sheet (lovebridge/ui/theme.py).
ROOM_ICON_ROLE = 256  # Qt.ItemDataRole.UserRole
# The reminders' first check and sharing's first status start this long after the first page
# has painted (the reminder check expands every recurring plan: tenths of a second).
BACKGROUND_SERVICES_SETTLE_MS = 250


def library_modules(room: int) -> tuple[str, ...]:
    """The modules `attach` needs to show `room`: imported off the GUI thread while opening."""
    return (
        "lovebridge.core.profile",
        "lovebridge.ui.backup",
        "lovebridge.ui.privacy.controller",
        "lovebridge.ui.welcome",
        "lovebridge.ui.shell.changes",
        "lovebridge.ui.shell.reminders",
        "lovebridge.ui.shell.job_status",
        "lovebridge.ui.shell.hooks",
        "lovebridge.ui.shell.after_paint",
        "lovebridge.ui.hand.controller",
        "lovebridge.ui.scrapbook.import_flow",
        "lovebridge.ui.sync.controller",
        ROOM_MODULES.get(room, ROOM_MODULES[WRITE]),
    )


SIDEBAR_WIDTH = 210  # px at the usual font
CONTENT_CHARS = 230  # the rooms' widest, in average characters (about 1,600 px at 9 pt)


def max_content_width(metrics: QFontMetrics) -> int:
    """How wide a room may grow: wide enough for a roomy grid, grows with the font."""
    return max(1280, CONTENT_CHARS * metrics.averageCharWidth())


class MainWindow(ShellMenus, QMainWindow):
    """Hosts the rooms; wires the requests one room makes of another."""

    preferences_opened = Signal(object)  # PreferencesDialog, once its registered pages are in
    changed = Signal(object)  # tuple[Change, ...]: what the library's commits changed
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
        self.setMinimumSize(QSize(760, 520))  # fits an 800x600 screen with its frame
        self.ctx: AppContext | None = None
        self.settings = settings
        self._dialogs: list[QWidget] = []
        self.preference_pages = PreferencePages()

        self.pages = QStackedWidget()
        self.pages.setObjectName("topPages")
        self.setCentralWidget(self.pages)
        self.welcome: WelcomePage | None = None
        # Set by `attach`, once the library is open.
        self.profiles: ProfileService | None = None
        self.privacy: PrivacyController | None = None
        self.backups: BackupController | None = None
        self.hands: HandController | None = None
        self.imports: ImportController | None = None
        self.reminders: AppReminders | None = None
        self.jobs: JobQueue | None = None
        self.change_relay: ChangeRelay | None = None
        self._lock_cover: LockCover | None = None
        self._held_changes: list[Change] = []
        # Above every room: app-wide notices (the reminder banner, "While you were away").
        self.notice_area = NoticeArea()
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
        """Open the window on the library: app-wide services, the profile, the room to show."""
        from lovebridge.core.profile import ProfileService
        from lovebridge.ui.backup import BackupController
        from lovebridge.ui.hand.controller import HandController
        from lovebridge.ui.privacy.controller import PrivacyController
        from lovebridge.ui.scrapbook.import_flow import ImportController
        from lovebridge.ui.shell.changes import ChangeRelay
        from lovebridge.ui.shell.hooks import ShellHooks
        from lovebridge.ui.shell.job_status import JobStatus
        from lovebridge.ui.shell.jobs import JobQueue
        from lovebridge.ui.shell.reminders import AppReminders
        from lovebridge.ui.sync.controller import SharingController

        self.ctx = ctx
        self.profiles = ProfileService(ctx.store)
        self.change_relay = ChangeRelay(ctx.changes, self)
        self.change_relay.changed.connect(self._on_changed)
        # Long exclusive work (backups, restores, the lock) runs there one at a time, with
        # its progress in the status bar.
        self.jobs = JobQueue(self)
        self.statusBar().addPermanentWidget(JobStatus(self.jobs))
        self._attach_privacy(PrivacyController(ctx, self.settings, self.profiles, self.jobs,
                                               self))
        self._attach_backups(BackupController(ctx, self.jobs, self))
        self._attach_reminders(AppReminders(ctx, self.settings, self))
        hooks = ShellHooks(ctx, self.settings, self.profiles, self, self.preference_pages,
                           self.contribute_action, self.statusBar().addPermanentWidget,
                           self.jobs)
        self.hands = HandController(hooks)  # Preferences › My handwriting
        self.imports = ImportController(hooks)  # File › Import… / Export everything…
        self.imports.memories_added.connect(self._on_memories_added)
        self.sharing = SharingController(hooks)  # Preferences › Sharing, the status line
        self._attach_partner_notices(ctx)
        for action in self._library_actions:
            action.setEnabled(True)
        self.menuBar().setEnabled(True)
        profile = self.profiles.load()
        if profile is None:
            self._show_welcome()
        else:
            self._enter_shell(profile)
        # What the page just shown does not need waits until it is on screen and a moment
        # more, so the person's first clicks do not queue behind it: the reminders' first
        # check (what was missed, then each minute) and sharing's first status.
        from lovebridge.ui.shell.after_paint import after_paint

        shown = self.pages.currentWidget()
        if shown is self.shell:
            shown = self.rooms.currentWidget()
        after_paint(shown, self._start_background_services, BACKGROUND_SERVICES_SETTLE_MS)
        self.library_attached.emit()

    def _start_background_services(self) -> None:
        if self.ctx is None:
            return
        self.reminders.start()
        self.sharing.start()
        self.partner_notices.start()

    def _attach_privacy(self, privacy: PrivacyController) -> None:
        """The lock: its screen covers the window, its action sits first in the File menu."""
        self.privacy = privacy  # its lock screen joins the pages when it first covers them
        self.contribute_action(MenuSection.FILE_START, privacy.lock_action)  # Ctrl+L
        privacy.locked_changed.connect(self._cover_with_lock)
        privacy.busy_changed.connect(lambda busy: self._set_frozen(busy))
        self.preference_pages.register(self.tr("Privacy"), privacy.add_page, order=10)

    def _attach_backups(self, backups: BackupController) -> None:
        self.backups = backups
        self.backup_action.triggered.connect(backups.start_backup)
        self.restore_action.triggered.connect(backups.start_restore)
        backups.status.connect(self.status_label.setText)
        backups.save_requested.connect(self.save_pending)
        backups.freeze_requested.connect(self._set_frozen)
        backups.data_replaced.connect(self.reload_rooms)
        self.changed.connect(backups.note_changes)

    def _attach_reminders(self, reminders: AppReminders) -> None:
        self.reminders = reminders
        self.notice_area.add_notice(reminders.away_panel)
        self.notice_area.add_notice(reminders.banner)
        reminders.occurrence_requested.connect(self.show_occurrence)
        reminders.zone_changed.connect(self._on_zone_changed)
        self.preference_pages.register(
            reminders.page_title(), reminders.preferences_page, order=20)

    def _attach_partner_notices(self, ctx: AppContext) -> None:
        """A note from the partner's laptop (or a sealed one opening) is said above every room
        and in the tray; "Read it" opens it in Write."""
        from lovebridge.core.events import kinds
        from lovebridge.core.write.partner_notes import PartnerNotes
        from lovebridge.ui.sync.partner_notice import PartnerNoteNotices

        notes = PartnerNotes(ctx.store, clock=ctx.now)

        def partner_name() -> str:
            profile, person = self.profiles.load(), notes.sharing_person()
            return profile.name_of(profile.other(person)) if profile and person else ""

        def tray_message(text: str) -> None:
            tray = self.reminders.center.tray if self.reminders is not None else None
            if tray is not None:
                tray.showMessage("LoveBridge", text)

        self.partner_notices = PartnerNoteNotices(notes, partner_name, tray_message, self)
        self.notice_area.add_notice(self.partner_notices.banner)
        self.partner_notices.open_requested.connect(self.show_partner_note)
        self.changed.connect(lambda changes: "message" in kinds(changes)
                             and self.partner_notices.check())

    def show_partner_note(self, uuid: str) -> None:
        """The partner's note was opened from its notice: show it in Write."""
        self.show_room(WRITE)
        self.write_room.open_reader(uuid)

    def _on_zone_changed(self, name: str) -> None:
        """The laptop moved to another zone (travel): the calendar follows, and says so calmly."""
        dates = self._built_rooms.get(DATES)
        if dates is not None:  # a Dates room built later reads the new zone itself
            dates.set_zone(name)  # type: ignore[attr-defined]
        self.status_label.setText(self.tr("Times now shown in %1").replace("%1", name))

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
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 22, 0, 16)
        column.setSpacing(10)
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        title.ensurePolished()  # its size, from the style sheet, follows the application font
        logo = QLabel()
        logo.setPixmap(icon("lovebridge").pixmap(30, 30))
        # The mark beside the name; above it when a large font makes the name too long for
        # the usual 210 px column (which then widens only as far as the name needs).
        margins = (22, 0, 16, 8)
        beside = margins[0] + 30 + 6 + title.sizeHint().width() + margins[2] <= SIDEBAR_WIDTH
        brand = QHBoxLayout() if beside else QVBoxLayout()
        brand.setContentsMargins(*margins)
        brand.addWidget(logo)
        brand.addWidget(title)
        if beside:
            brand.addStretch(1)
        column.addLayout(brand)
        sidebar.setFixedWidth(max(SIDEBAR_WIDTH, brand.sizeHint().width()))

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

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.notice_area)  # kept across rebuilds: re-parented into this shell
        self.rooms = QStackedWidget()
        self.rooms.setObjectName("roomStack")
        # Rooms are built on first visit: start-up pays only for the room it shows (and the
        # other rooms' modules — calendars, spelling, photos — are imported only when needed).
        self._built_rooms: dict[int, QWidget] = {}
        for _room in (WRITE, SCRAPBOOK, DATES):
            self.rooms.addWidget(QWidget())  # stands in until the room is first shown
        # On a very wide screen the rooms keep a comfortable width, centred, rather than
        # stretching lines and lists across the whole screen.
        self.rooms.setMaximumWidth(max_content_width(self.fontMetrics()))
        centred = QHBoxLayout()
        centred.setSpacing(0)
        centred.addStretch(0)  # the room grows first; past its widest, these share the rest
        centred.addWidget(self.rooms, 1)
        centred.addStretch(0)
        right.addLayout(centred, 1)
        row.addLayout(right, 1)

        self.room_list.currentRowChanged.connect(self._on_room_row_changed)
        return shell

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
        room = build_room(index, self.ctx, self.settings)
        if index in (SCRAPBOOK, DATES):
            room.write_note_requested.connect(self.request_note)
        if index == SCRAPBOOK:
            room.memory_captured.connect(self._on_memory_captured)
        elif index == DATES:
            room.capture_memory_requested.connect(self.request_memory)
        return room

    def built_rooms(self) -> list[Room]:
        return [room for room in self._built_rooms.values() if isinstance(room, Room)]

    def _on_memories_added(self) -> None:
        """An import added memories: a Scrapbook already built shows them (one built later
        reads them anyway)."""
        scrapbook = self._built_rooms.get(SCRAPBOOK)
        if scrapbook is not None:
            scrapbook.reload()  # type: ignore[attr-defined]

    def _on_memory_captured(self, plan_uuid: str, memory_uuid: str) -> None:
        """A memory saved for a plan: only a built Dates room can have asked for it."""
        dates = self._built_rooms.get(DATES)
        if dates is not None:
            dates.link_captured_memory(plan_uuid, memory_uuid)  # type: ignore[attr-defined]

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        """The one change signal: every built room brings itself up to date.

        While the data is frozen (the lock being changed, a restore) the changes wait, and are
        handed on once it thaws.
        """
        if not self.pages.isEnabled() or self.ctx.store.suspended:
            self._held_changes.extend(changes)
            return
        for room in self.built_rooms():
            try:
                room.refresh(changes)
            except Exception as exc:  # a room that cannot refresh must not stop the others
                logger.error("refreshing a room failed: %s", type(exc).__name__)
        self.changed.emit(changes)

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
        room = None
        if self.ctx is not None:  # while the library opens, the choice waits for it
            room = self._room(row)
        self.rooms.setCurrentIndex(row)
        self.settings.set(opts.LAST_ROOM, row)
        if isinstance(room, Room):
            room.shown()

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

    def show_occurrence(self, occurrence: Occurrence) -> None:
        """A reminder was opened: show its plan in the Dates room."""
        self.show_room(DATES)
        self.dates_room.open_occurrence(occurrence)

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
            text += "\n" + self.tr("%Ln day(s) together", "", days)
        self.couple_label.setText(text)

    def open_preferences(self) -> PreferencesDialog:
        from lovebridge.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.profiles, self.settings, self)
        dialog.profile_changed.connect(self._show_couple)
        dialog.theme_changed.connect(self._apply_theme)
        self.preference_pages.add_to(dialog)
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

    def save_pending(self) -> None:
        """Every built room saves what is pending (on quit, and before a restore)."""
        for room in self.built_rooms():
            try:
                room.about_to_close()
            except Exception as exc:  # one failing room must not stop the others or the close
                logger.error("saving a room failed: %s", type(exc).__name__)

    def _set_frozen(self, frozen: bool) -> None:
        """Freeze the rooms and menus while the data underneath them is replaced or converted."""
        self.pages.setEnabled(not frozen)
        self.menuBar().setEnabled(not frozen)
        if not frozen and self._held_changes:
            held, self._held_changes = tuple(self._held_changes), []
            QTimer.singleShot(0, self, lambda: self._on_changed(held))

    def _cover_with_lock(self, locked: bool) -> None:
        """The lock screen covers everything (other windows hidden, menus and actions off)."""
        if self._lock_cover is None:
            from lovebridge.ui.shell.lock_cover import LockCover

            self.pages.addWidget(self.privacy.lock_panel)
            self._lock_cover = LockCover(self, self.pages, self.privacy.lock_panel)
        if locked:
            self._lock_cover.cover()
        else:
            self._lock_cover.uncover()

    def reload_rooms(self) -> None:
        """Rebuild the rooms on the (restored) store: fresh widgets, nothing stale on screen."""
        old_shell = self.shell
        self._built_rooms = {}
        self.shell = self._build_shell()
        self.pages.addWidget(self.shell)
        self.pages.removeWidget(old_shell)
        old_shell.deleteLater()
        self._set_frozen(False)
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
        if self.privacy is not None and self.privacy.busy:  # nor while the lock is changed
            event.ignore()
            return
        if self.reminders is not None and self.reminders.keeps_running_on_close():
            event.ignore()  # hidden in the tray, so reminders still come
            return
        self.save_pending()
        if self.backups is not None:
            self.backups.about_to_close()  # the automatic backup on quit
        self.settings.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
