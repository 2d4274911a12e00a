"""The Scrapbook room: the timeline home, the memory page, the photo viewer and the trash."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.core.events import FROM_PARTNER, Change, kinds
from lovebridge.core.links import MemoryPrefill, NoteRequest
from lovebridge.core.profile import ProfileService
from lovebridge.core.scrapbook.photo_import import (
    PhotoImporter,
    day_of,
    group_by_day,
    photos_taken_between,
)
from lovebridge.core.scrapbook.records import (
    Filters,
    ImportReport,
    Memory,
    MemoryDate,
    MemoryDraft,
    PhotoPlacement,
    PhotoRef,
)
from lovebridge.core.scrapbook.service import MemoryNotFoundError, MemoryService
from lovebridge.core.scrapbook.trash import TrashService
from lovebridge.store.errors import StoreFullError
from lovebridge.ui.formatting import day_text
from lovebridge.ui.scrapbook.book_dialog import BookDialog
from lovebridge.ui.scrapbook.drops import (
    AcceptsPhotoDrops,
    carries_photos,
    local_paths,
    pasted_image,
    pasted_png_bytes,
)
from lovebridge.ui.scrapbook.editor import MemoryEditor
from lovebridge.ui.scrapbook.home import ScrapbookHome
from lovebridge.ui.scrapbook.reader import MemoryReader
from lovebridge.ui.scrapbook.thumbnails import ThumbnailLoader
from lovebridge.ui.scrapbook.timeline_model import TimelineModel
from lovebridge.ui.scrapbook.trash_page import TrashPage
from lovebridge.ui.scrapbook.viewer import PhotoViewer
from lovebridge.ui.settings import CURRENT_PARTNER, Settings
from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)

PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif)"
Ask = Callable[[str, str, Callable[[], None], Callable[[], None] | None], None]


class ScrapbookRoom(AcceptsPhotoDrops, QWidget):
    """The couple's shared memories."""

    write_note_requested = Signal(object)  # NoteRequest
    import_finished = Signal(object)  # ImportReport (after the room has used it)
    memory_saved = Signal(str)  # uuid
    memory_captured = Signal(str, str)  # plan uuid, memory uuid: a kept date became a memory
    timeline_reloaded = Signal()
    trash_emptied = Signal(int)  # how many things went (deleted in the background)

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scrapbookRoom")
        self.setAccessibleName(self.tr("Scrapbook"))
        self.setAcceptDrops(True)
        self._ctx = ctx
        self._settings = settings
        self.memories = MemoryService(ctx)
        self.trash = TrashService(ctx)
        self.importer = PhotoImporter(ctx)
        self._pending_prefill: MemoryPrefill | None = None
        self._dialogs: list[QWidget] = []
        self.importing = False
        self._refusal_text = ""
        self._search_generation = 0
        # Injectable choices, so tests (and scripts) never block on a native dialog.
        self.choose_photos: Callable[[], list[Path]] = self._choose_photos_with_dialog
        self.choose_folder: Callable[[], Path | None] = self._choose_folder_with_dialog
        self.ask: Ask = self._ask_with_dialog

        self.thumbnails = ThumbnailLoader(ctx, self)
        self.model = TimelineModel(self.memories, self.thumbnails, self)
        self._build()
        self._wire()
        self.reload()
        run_task(self.trash.purge_expired, lambda gone: gone and self.reload(), owner=self)

    # ---- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.pages = QStackedWidget()
        self.home = ScrapbookHome(self.model)
        self.editor = MemoryEditor(self.thumbnails)
        self.reader = MemoryReader(self.thumbnails)
        self.viewer = PhotoViewer(self._ctx)
        self.trash_page = TrashPage()
        for page in (self.home, self.reader, self.editor, self.viewer, self.trash_page):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)

        self.progress_row = QWidget()
        self.progress_row.setObjectName("importProgressRow")
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(36, 6, 36, 10)
        self.progress_label = QLabel()
        self.progress_label.setProperty("muted", True)
        row.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        row.addWidget(self.progress, 1)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)
        self.notice = QLabel()
        self.notice.setObjectName("roomNotice")
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(36, 4, 36, 10)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.paste_action = QAction(self.tr("Paste photos"), self)
        self.paste_action.setObjectName("pastePhotosAction")
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste_photos)
        self.addAction(self.paste_action)

    def _wire(self) -> None:
        home, editor = self.home, self.editor
        home.filters_changed.connect(self.search)
        home.memory_opened.connect(self.open_memory)
        home.new_memory_requested.connect(lambda: self.new_memory())
        home.add_photos_requested.connect(lambda: self._choose_and_import(into_editor=False))
        home.book_requested.connect(self.open_book_dialog)
        home.trash_requested.connect(self.show_trash)
        home.on_this_day.open_requested.connect(self.open_memory)
        home.on_this_day.note_requested.connect(self.request_note_about)
        home.search_edit.returnPressed.connect(home.flush_search)
        editor.save_requested.connect(self.save_memory)
        editor.delete_requested.connect(self.delete_memory)
        self.reader.back_requested.connect(self.show_home)
        self.reader.edit_requested.connect(self.edit_memory)
        self.reader.place_chosen.connect(self.show_place)
        editor.autosave_requested.connect(self.autosave_memory)
        editor.back_requested.connect(self.leave_editor)
        editor.add_photos_requested.connect(lambda: self._choose_and_import(into_editor=True))
        editor.media_pasted.connect(lambda mime: self.import_mime(mime, into_editor=True))
        editor.photo_opened.connect(self.open_viewer)
        editor.photo_removed.connect(self.trash.trash_photo)
        editor.photos_from_day_requested.connect(self.add_photos_from_that_day)
        self.viewer.closed.connect(lambda: self.pages.setCurrentWidget(self.editor))
        self.trash_page.back_requested.connect(self.show_home)
        self.trash_page.restore_requested.connect(self.restore_from_trash)
        self.trash_page.empty_requested.connect(self.empty_trash)

    # ---- injectable choices ---------------------------------------------------------------
    def _choose_photos_with_dialog(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), str(Path.home()),
                                                self.tr(PHOTO_FILTER))
        return [Path(n) for n in names]

    def _choose_folder_with_dialog(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder with the photos"),
                                                str(Path.home()))
        return Path(name) if name else None

    def _ask_with_dialog(self, title: str, text: str, on_yes: Callable[[], None],
                         on_no: Callable[[], None] | None = None) -> None:
        """A yes/no question opened with open(), so nothing blocks; the answer calls back."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("scrapbookQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(result: int) -> None:
            self._dialogs.remove(box)
            if result == QMessageBox.StandardButton.Yes:
                on_yes()
            elif on_no is not None:
                on_no()

        box.finished.connect(answered)
        self._dialogs.append(box)
        box.open()

    # ---- home -----------------------------------------------------------------------------
    def partner_names(self) -> tuple[str, str]:
        profile = ProfileService(self._ctx.store).load()
        return (profile.partner_a, profile.partner_b) if profile else ("A", "B")

    # ---- the shell's room protocol (lovebridge/ui/shell/rooms.py) -------------------------
    def shown(self) -> None:
        if self._stale:
            self.reload()

    def refresh(self, changes: tuple[Change, ...]) -> None:
        """Names or memories changed while the room was hidden: reload when next shown.
        What came from the partner's laptop reloads the timeline on screen too."""
        found = kinds(changes)
        if not found & {"profile", "memory", "photo", "tag", "memory_photo"}:
            return
        if not self.isVisible():
            self._stale = True
        elif FROM_PARTNER in found and self.pages.currentWidget() is self.home:
            self.reload()

    def about_to_close(self) -> None:
        """An open memory is kept on quit, like a note (its edits save themselves)."""
        self.flush_editor()

    def reload(self) -> None:
        """Refresh the timeline, the filter menus and on this day."""
        self._stale = False
        self.home.set_choices(self.memories.tags(), self.memories.years(), self.partner_names(),
                              self.memories.places())
        self.apply_filters(self.home.filters())
        today = self._ctx.local_now()
        self.home.on_this_day.show_memories(self.memories.on_this_day(today), today.year)

    def apply_filters(self, filters: Filters) -> None:
        """Show the timeline for `filters` now (start-up, after saving or deleting)."""
        self._search_generation += 1
        self.model.reload(filters)
        self._after_reload(filters)

    def search(self, filters: Filters) -> None:
        """Search as you type: the queries run in a worker, so typing never waits on them."""
        self._search_generation += 1
        generation = self._search_generation
        service = self.memories

        def shown(result: tuple) -> None:
            if generation == self._search_generation:  # a newer keystroke has its own answer
                self.model.show_first_page(filters, *result)
                self._after_reload(filters)

        run_task(lambda: TimelineModel.first_page(service, filters), shown,
                 lambda _error: self.apply_filters(filters), owner=self)

    def _after_reload(self, filters: Filters) -> None:
        self.home.show_state(filters)
        self.timeline_reloaded.emit()

    def show_home(self) -> None:
        self.pages.setCurrentWidget(self.home)

    def request_note_about(self, uuid: str) -> None:
        self.write_note_requested.emit(NoteRequest(category="remembering", memory_uuid=uuid))

    # ---- memories -------------------------------------------------------------------------
    def new_memory(self, when: date | None = None, title: str = "", place: str = "") -> None:
        self.editor.start_new(when or self._ctx.local_now().date(),
                              self._settings.get(CURRENT_PARTNER), title, place)
        self._pending_prefill = None
        self.pages.setCurrentWidget(self.editor)

    def open_memory(self, uuid: str) -> None:
        """A memory opens to be read; Edit (or edit_memory) opens its form."""
        memory = self._get(uuid)
        if memory is None:
            return
        names = self.partner_names()
        self.reader.show_memory(memory, names[0] if memory.added_by == "a" else names[1],
                                self.memories.places_of(uuid))
        self.pages.setCurrentWidget(self.reader)

    def show_place(self, name: str) -> None:
        """Back to the timeline, filtered to the memories with `name` in their place list."""
        self.home.choose_place(name)
        self.show_home()

    def edit_memory(self, uuid: str) -> None:
        memory = self._get(uuid)
        if memory is None:
            return
        names = self.partner_names()
        self.editor.load(memory, names[0] if memory.added_by == "a" else names[1])
        self.pages.setCurrentWidget(self.editor)

    def _get(self, uuid: str) -> Memory | None:
        try:
            return self.memories.get(uuid)
        except MemoryNotFoundError:
            self.reload()
            return None

    def _store(self, draft: MemoryDraft) -> Memory | None:
        """Save the editor's draft; on failure the editor says so and keeps every word."""
        try:
            memory = self.memories.save(draft)
        except ValueError as exc:
            self.editor.save_failed(str(exc))
            return None
        except Exception as exc:  # disk full, locked or read-only library
            logger.warning("memory save failed: %s", type(exc).__name__)
            self.editor.save_failed(self.tr("LoveBridge could not write to the library just "
                                            "now; it will try again as you go on"))
            return None
        logger.info("memory saved with %d photo(s)", len(memory.photos))
        self.editor.saved(memory)
        self.memory_saved.emit(memory.uuid)
        prefill = self._pending_prefill
        if draft.uuid is None and prefill is not None and prefill.plan_uuid:
            self._pending_prefill = None
            self.memory_captured.emit(prefill.plan_uuid, memory.uuid)
        return memory

    def autosave_memory(self, draft: MemoryDraft) -> None:
        """The quiet save while editing: the memory stays open."""
        if self._store(draft) is not None:
            self.reload()

    def flush_editor(self) -> bool:
        """Save the open memory's changes now (leaving it, or closing the window).
        False if they could not be saved."""
        editor = self.editor
        if not (editor.is_dirty() and editor.has_content()):
            return True
        return self._store(editor.draft()) is not None

    def leave_editor(self) -> None:
        """"Back to the scrapbook": changes are saved first; if that fails, stay."""
        if not self.flush_editor():
            return
        self.reload()
        self.show_home()

    def save_memory(self, draft: MemoryDraft) -> None:
        memory = self._store(draft)
        if memory is None:
            return
        self.reload()
        self.show_home()
        row = self.model.row_of(memory.uuid)
        if row >= 0:
            self.home.view.setCurrentIndex(self.model.index(row))
            self.home.view.scrollTo(self.model.index(row))

    def delete_memory(self, uuid: str) -> None:
        self.trash.trash_memory(uuid)
        self.reload()
        self.show_home()
        self.show_notice(self.tr("Moved to the trash. You can restore it for 30 days."))

    def capture_memory(self, prefill: MemoryPrefill) -> None:
        """Start a new memory filled from a date that was kept."""
        self.new_memory(prefill.day, prefill.title, prefill.place)
        self._pending_prefill = prefill
        self.editor.offer_photos_from_day(True)

    def add_photos_from_that_day(self) -> None:
        """Scan a chosen folder for photos taken during the kept date, and offer them."""
        prefill = self._pending_prefill
        folder = self.choose_folder()
        if folder is None:
            return
        start = prefill.photos_from if prefill else None
        end = prefill.photos_until if prefill else None
        if start is None and end is None:
            day = self.editor.current_date().as_date()
            start, end = self._day_bounds(day)
        self._show_progress(self.tr("Looking for photos from that day…"))
        run_task(lambda report: photos_taken_between(folder, start, end, report),
                 self._offer_found_photos, self._on_import_failed, self._on_progress,
                 owner=self)

    def _day_bounds(self, day: date):  # noqa: ANN202
        from datetime import datetime, time

        local = self._ctx.local_now().tzinfo
        return (datetime.combine(day, time.min, local), datetime.combine(day, time.max, local))

    def _offer_found_photos(self, files: list[Path]) -> None:
        self._hide_progress()
        if not files:
            self.editor.show_notice(self.tr("No photos in that folder were taken on that day."))
            return
        self.ask(self.tr("Photos from that day"),
                 self.tr("{n} photos in that folder were taken that day. Add them to this "
                         "memory?").format(n=len(files)),
                 lambda: self.import_paths(files, into_editor=True), None)

    # ---- importing ------------------------------------------------------------------------
    def _choose_and_import(self, into_editor: bool) -> None:
        files = self.choose_photos()
        if files:
            self.import_paths(files, into_editor)

    def import_paths(self, paths: list[Path], into_editor: bool) -> None:
        """Import files/folders in the background; the window stays responsive."""
        if self.importing:
            self.show_notice(self.tr("Photos are still being added; try again in a moment."))
            return
        self.importing = True
        self._show_progress(self.tr("Adding photos…"))
        run_task(lambda report: self.importer.import_files(paths, report),
                 lambda outcome: self._on_imported(outcome, into_editor),
                 self._on_import_failed, self._on_progress, owner=self)

    def import_mime(self, mime: QMimeData, into_editor: bool) -> None:
        """Dropped or pasted: files and folders by URL, or raw image data."""
        paths = local_paths(mime)
        if paths:
            self.import_paths(paths, into_editor)
            return
        image = pasted_image(mime)
        if image is None:
            return
        name = f"pasted-{self._ctx.now():%Y%m%d-%H%M%S}.png"

        def save_then_import(report: Callable[[int, int], None]) -> ImportReport:
            return self.importer.import_data([(name, pasted_png_bytes(image))], report)

        self.importing = True
        self._show_progress(self.tr("Adding the pasted picture…"))
        run_task(save_then_import, lambda outcome: self._on_imported(outcome, into_editor),
                 self._on_import_failed, self._on_progress, owner=self)

    def paste_photos(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if carries_photos(mime):
            self.import_mime(mime, into_editor=self.pages.currentWidget() is self.editor)

    def _show_progress(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress.setRange(0, 0)
        self.progress_row.show()

    def _hide_progress(self) -> None:
        self.progress_row.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(self.tr("Adding photos: {done} of {total}").format(
            done=done, total=total))

    def _on_import_failed(self, error: Exception) -> None:
        self.importing = False
        self._hide_progress()
        logger.warning("photo import failed: %s", type(error).__name__)
        if isinstance(error, StoreFullError):  # the disk, not the photos: say so, and how much
            self.show_notice(self.tr(
                "The disk is full: adding these photos needs about {mb} MB more free space. "
                "Free some space and try again; photos added before it are kept.").format(
                    mb=f"{max(error.short or error.needed or 0, 1_000_000) / 1e6:,.0f}"))
            return
        self.show_notice(self.tr("Those photos could not be added. Nothing was changed."))

    def _on_imported(self, outcome: ImportReport, into_editor: bool) -> None:
        self.importing = False
        self._hide_progress()
        self._report_refusals(outcome, into_editor)
        if outcome.photos:
            if into_editor:
                self._add_to_editor(outcome.photos)
            else:
                self._offer_memories_for(outcome.photos)
        self.import_finished.emit(outcome)

    def _report_refusals(self, outcome: ImportReport, into_editor: bool) -> None:
        self._refusal_text = ""
        if not outcome.refused:
            self.show_notice("")
            self.editor.clear_notice()
            return
        kept = len(outcome.photos)
        lines = [self.tr("%n photo(s) added. These files were left out:", "", kept)]
        lines += [f"• {reason}" for reason in outcome.refused[:12]]
        if len(outcome.refused) > 12:
            lines.append(self.tr("…and {n} more.").format(n=len(outcome.refused) - 12))
        text = self._refusal_text = "\n".join(lines)
        if into_editor or self.pages.currentWidget() is self.editor:
            self.editor.show_notice(text)
        else:
            self.show_notice(text)

    def _add_to_editor(self, photos: list[PhotoRef]) -> None:
        self.editor.add_photos(photos)
        days = sorted(d for d in (day_of(p) for p in photos) if d is not None)
        if days:
            self.editor.propose_date(days[0])

    def _offer_memories_for(self, photos: list[PhotoRef]) -> None:
        """Photos added on the home screen: one memory, or one memory per day they span."""
        groups = group_by_day(photos)
        dated = [d for d in groups if d is not None]
        if len(dated) <= 1:
            self.new_memory(dated[0] if dated else None)
            self._add_to_editor(photos)
            return
        self.ask(
            self.tr("One memory per day?"),
            self.tr("These photos were taken on {n} different days. Make one memory for each "
                    "day?").format(n=len(dated)),
            lambda: self.create_memories_per_day(groups),
            lambda: (self.new_memory(dated[0]), self._add_to_editor(photos)),
        )

    def create_memories_per_day(self, groups: dict[date | None, list[PhotoRef]]) -> None:
        partner = self._settings.get(CURRENT_PARTNER)
        made = 0
        for day, photos in groups.items():
            when = MemoryDate.of(day) if day else MemoryDate.of(self._ctx.local_now().date())
            title = day_text(day, weekday=True) if day else self.tr("Photos without a date")
            self.memories.save(MemoryDraft(
                title, when, added_by=partner,
                photos=tuple(PhotoPlacement(p.photo_id) for p in photos)))
            made += 1
        self.reload()
        self.show_home()
        made_text = self.tr("{n} memories made, one for each day. Open one to give it a "
                            "title and a story.").format(n=made)
        self.show_notice("\n".join(t for t in (made_text, self._refusal_text) if t))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ---- viewer, trash, book --------------------------------------------------------------
    def open_viewer(self, row: int) -> None:
        photos = self.editor.photos()
        if photos:
            self.pages.setCurrentWidget(self.viewer)
            self.viewer.open(photos, row)

    def show_trash(self) -> None:
        self.trash_page.show_entries(self.trash.entries())
        self.pages.setCurrentWidget(self.trash_page)

    def restore_from_trash(self, entry) -> None:  # noqa: ANN001
        self.trash.restore(entry)
        self.trash_page.show_entries(self.trash.entries())
        self.reload()

    def empty_trash(self) -> None:
        def emptied(gone: int) -> None:
            self.trash_page.show_entries(self.trash.entries())
            self.reload()
            self.show_notice(self.tr("The trash was emptied (%n item(s)).", "", gone))
            self.trash_emptied.emit(gone)

        def failed(error: Exception) -> None:
            self.trash_page.show_entries(self.trash.entries())
            self.show_notice(self.tr("The trash could not be emptied ({problem}); nothing was "
                                     "lost.").format(problem=type(error).__name__))

        def empty() -> None:
            # Deleting photo files takes a while with many: a worker does it, not the GUI.
            self.show_notice(self.tr("Emptying the trash…"))
            run_task(self.trash.empty, emptied, failed, owner=self)

        self.ask(self.tr("Empty the trash?"),
                 self.tr("Everything in the trash will be deleted for good. This cannot be "
                         "undone."), empty, None)

    def open_book_dialog(self) -> BookDialog:
        chosen = self.home.selected_uuids()
        dialog = BookDialog(self._ctx, self.memories.years(), self,
                            chosen if len(chosen) > 1 else None)
        dialog.finished.connect(lambda _r: dialog in self._dialogs and self._dialogs.remove(dialog))
        self._dialogs.append(dialog)
        dialog.open()
        return dialog

    def photos_dropped(self, mime: QMimeData) -> None:
        """Photos dropped anywhere on the room: into the open memory, else a new one."""
        self.import_mime(mime, into_editor=self.pages.currentWidget() is self.editor)
