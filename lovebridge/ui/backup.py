"""File › Back up… and File › Restore…, automatic backups, all off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.backup import (
    BACKUP_SUFFIX,
    BackupError,
    BackupResult,
    Manifest,
    RestoreResult,
    StagedBackup,
    apply_restore,
    automatic_backup_due,
    create_backup,
    export_staged,
    make_automatic_backup,
    stage_restore,
)
from lovebridge.store import StoreError, StoreFullError
from lovebridge.ui.common.widgets import icon, muted_label, primary_button
from lovebridge.ui.errors import show_error
from lovebridge.ui.formatting import day_text, time_text
from lovebridge.ui.shell.jobs import Job, JobCancelledError, JobQueue

if TYPE_CHECKING:
    from lovebridge.core.context import AppContext

logger = logging.getLogger(__name__)

EXPECTED_ERRORS = (BackupError, StoreError, OSError)
# Bookkeeping that changes by itself (a reminder marked shown) is no reason for a backup on quit.
UNBACKED_KINDS = {"reminder_shown"}


class BackupWords(QObject):
    """What a backup holds, counted in the couple's language and its plural forms."""

    def counts(self, counts: dict[str, int]) -> str:
        words = [
            self.tr("%Ln note(s)", "", counts.get("message", 0)),
            self.tr("%Ln memory(s)", "", counts.get("memory", 0)),
            self.tr("%Ln photo(s)", "", counts.get("photo", 0)),
            self.tr("%Ln plan(s)", "", counts.get("plan", 0)),
        ]
        return self.tr("{list} and {last}").format(list=", ".join(words[:-1]), last=words[-1])


def describe_counts(counts: dict[str, int]) -> str:
    """'12 notes, 4 memories, 31 photos and 6 plans' from rows per table."""
    return BackupWords().counts(counts)


def describe_contents(manifest: Manifest) -> str:
    """What a backup holds, in words."""
    return describe_counts(manifest.counts)


def describe_time(manifest: Manifest) -> str:
    """'Sunday, 22 November 2026 at 09:14', in the laptop's time zone and the couple's language."""
    local = manifest.created_at.astimezone()
    return QCoreApplication.translate("backup", "{day} at {time}").format(
        day=day_text(local, weekday=True), time=time_text(local))


def _default_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Back up LoveBridge"), str(Path(_default_folder()) / suggested),
        parent.tr("LoveBridge backups (*.lovebridge)"),
    )
    return path or None


def ask_open_path(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, parent.tr("Restore a LoveBridge backup"), _default_folder(),
        parent.tr("LoveBridge backups (*.lovebridge)"),
    )
    return path or None


class ProgressDialog(QDialog):
    """A calm, window-modal progress dialog that turns into a 'done' message when finished."""

    def __init__(self, parent: QWidget, title: str, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("backupProgressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # fits each state snugly
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(icon("lovebridge").pixmap(40, 40))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(logo)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("dialogTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        column.addWidget(self.title_label)
        self.text_label = muted_label(text)
        self.text_label.setObjectName("progressText")
        self.text_label.setMinimumWidth(380)  # with the fixed-size layout: a calm, wide box
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.text_label)
        column.addStretch(1)
        top.addLayout(column, 1)
        layout.addLayout(top)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first figure arrives
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reveal_button = QPushButton(self.tr("Show in folder"))
        self.reveal_button.setObjectName("progressRevealButton")
        self.reveal_button.hide()
        self.reveal_button.clicked.connect(self._reveal)
        buttons.addWidget(self.reveal_button)
        self.revealed_folder: Path | None = None
        self.close_button = primary_button(self.tr("Close"))
        self.close_button.setObjectName("progressCloseButton")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))

    def finish(self, title: str, text: str, folder: Path | None = None) -> None:
        """Show the outcome; the dialog stays until the user closes it."""
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.bar.hide()
        if folder is not None:
            self.revealed_folder = folder
            self.reveal_button.show()
        self.close_button.show()
        self.close_button.setFocus()
        self.adjustSize()

    def _reveal(self) -> None:
        """Open the folder in the file manager (a local file URL: no network involved)."""
        if self.revealed_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.revealed_folder)))

    def reject(self) -> None:
        if self.close_button.isVisible():  # Escape only once the work is done
            super().reject()


class RestoreConfirmDialog(QDialog):
    """Says what the backup holds and what will happen; Restore or Cancel.

    For an automatic backup (its photos kept once in the backups folder) it also offers to save
    it as one self-contained file; that choice closes the dialog with `EXPORT`.
    """

    EXPORT = 2

    def __init__(self, parent: QWidget, manifest: Manifest) -> None:
        super().__init__(parent)
        self.setObjectName("restoreConfirmDialog")
        self.setWindowTitle(self.tr("Restore this backup?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(12)
        title = QLabel(self.tr("Restore the backup from {when}?").format(
            when=describe_time(manifest)))
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        contents = QLabel(self.tr("It holds {contents}.").format(
            contents=describe_contents(manifest)))
        contents.setObjectName("restoreContents")
        contents.setWordWrap(True)
        layout.addWidget(contents)
        layout.addWidget(muted_label(self.tr(
            "What is in LoveBridge now will be replaced by this backup. Before anything "
            "changes, LoveBridge keeps a copy of it as an automatic backup, so you can "
            "always go back.")))
        if manifest.is_pooled:
            pooled_note = muted_label(self.tr(
                "This is one of LoveBridge's automatic backups: its photos are kept once, in "
                "the backups folder. To keep it on another disk, save it as one file."))
            pooled_note.setObjectName("restorePooledNote")
            layout.addWidget(pooled_note)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Save as one file…"))
        self.export_button.setObjectName("restoreExportButton")
        self.export_button.setToolTip(self.tr(
            "An automatic backup keeps its photos once, in LoveBridge's backups folder. "
            "Save it as one file that holds everything, to keep on another disk."))
        self.export_button.clicked.connect(lambda: self.done(self.EXPORT))
        self.export_button.setVisible(manifest.is_pooled)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("restoreCancelButton")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.restore_button = primary_button(self.tr("Restore"))
        self.restore_button.setObjectName("restoreConfirmButton")
        self.restore_button.clicked.connect(self.accept)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.cancel_button.setDefault(True)  # the safe choice is the default


class BackupController(QObject):
    """Back up… / Restore… and the automatic backups; it talks to the shell by signals only."""

    backup_finished = Signal(object)  # BackupResult
    restore_finished = Signal(object)  # RestoreResult
    automatic_backup_finished = Signal(object)  # BackupResult
    failed = Signal(str)
    status = Signal(str)  # a line for the status bar
    save_requested = Signal()  # pending edits must be saved now (before the safety copy)
    freeze_requested = Signal(bool)  # rooms must not change while a restore replaces the data
    data_replaced = Signal()  # the restored data is in place: rooms must be rebuilt

    def __init__(self, ctx: AppContext, jobs: JobQueue, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent  # dialogs open over it
        self.ctx = ctx
        self.jobs = jobs  # every backup and restore runs there, one at a time
        # Replaceable so tests (and a future portal-based picker) can answer without a modal.
        self.choose_save_path: Callable[[str], str | None] = lambda s: ask_save_path(parent, s)
        self.choose_open_path: Callable[[], str | None] = lambda: ask_open_path(parent)
        self.busy = False
        self.backup_on_close = False
        self.changed_since_backup = False  # an unchanged library is not backed up again
        self.dialog: QDialog | None = None

    # ---- manual backup ------------------------------------------------------------------
    def start_backup(self) -> None:
        if self.busy:
            return
        suggested = f"LoveBridge {self.ctx.local_now():%Y-%m-%d}{BACKUP_SUFFIX}"
        chosen = self.choose_save_path(suggested)
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != BACKUP_SUFFIX:
            target = target.with_name(target.name + BACKUP_SUFFIX)
        store, paths, now = self.ctx.store, self.ctx.paths, self.ctx.now()
        self.busy = True
        # Progress and Cancel in the status bar, like every long job; a cancelled backup
        # leaves no file behind (create_backup removes its partial archive).
        self.jobs.submit(Job(
            self.tr("Backing up to {name}…").format(name=target.name),
            lambda job, report: create_backup(store, paths, target, now=now,
                                              progress=job.checked(report)),
            on_result=self._backup_done, on_error=self._work_failed, cancellable=True,
        ))

    def _backup_done(self, result: BackupResult) -> None:
        self.busy = False
        self.status.emit(self.tr("Backed up to {name}: {contents}, {size}.").format(
            name=result.path.name, contents=describe_contents(result.manifest),
            size=_size_text(result.size)))
        self.backup_finished.emit(result)

    # ---- restore ------------------------------------------------------------------------
    def start_restore(self) -> None:
        if self.busy:
            return
        chosen = self.choose_open_path()
        if not chosen:
            return
        archive = Path(chosen)
        store, paths = self.ctx.store, self.ctx.paths
        self.busy = True
        file_key = self.ctx.file_key
        # Checking changes nothing: cancelled, its unpacked copy is removed (validate.py).
        self.jobs.submit(Job(
            self.tr("Checking the backup {name}…").format(name=archive.name),
            lambda job, report: stage_restore(archive, paths, store, job.checked(report),
                                              file_key),
            on_result=self._confirm_restore, on_error=self._work_failed, cancellable=True,
        ))

    def _confirm_restore(self, staged: StagedBackup) -> None:
        self._close_progress()
        confirm = RestoreConfirmDialog(self._parent, staged.manifest)
        self.dialog = confirm
        confirm.finished.connect(lambda code: self._confirmation_closed(staged, code))
        confirm.finished.connect(confirm.deleteLater)
        confirm.open()

    def _confirmation_closed(self, staged: StagedBackup, code: int) -> None:
        if code == QDialog.DialogCode.Accepted.value:
            self._apply_restore(staged)
        elif code == RestoreConfirmDialog.EXPORT:
            self._export_staged(staged)
        else:
            self._cancel_restore(staged)

    def _export_staged(self, staged: StagedBackup) -> None:
        """Save the checked automatic backup as one self-contained file; nothing is restored."""
        self.dialog = None
        local = staged.manifest.created_at.astimezone()
        suggested = f"LoveBridge {local:%Y-%m-%d %H%M}{BACKUP_SUFFIX}"
        chosen = self.choose_save_path(suggested)
        if not chosen:
            self._cancel_restore(staged)
            return
        target = Path(chosen)
        if target.suffix != BACKUP_SUFFIX:
            target = target.with_name(target.name + BACKUP_SUFFIX)

        def work(job: Job, report: Callable[[int, int], None]) -> BackupResult:
            try:
                return export_staged(staged, target, job.checked(report))
            finally:
                staged.discard()

        self.jobs.submit(Job(self.tr("Saving the backup as one file…"), work,
                             on_result=self._backup_done, on_error=self._work_failed,
                             cancellable=True))

    def _cancel_restore(self, staged: StagedBackup) -> None:
        staged.discard()
        self.busy = False
        self.dialog = None

    def _apply_restore(self, staged: StagedBackup) -> None:
        self.dialog = None  # the confirmation has closed itself
        # Drafts and other pending edits are saved now, so the safety copy includes them.
        self.save_requested.emit()
        store, paths, now = self.ctx.store, self.ctx.paths, self.ctx.now()
        file_key = self.ctx.file_key
        self.freeze_requested.emit(True)
        # The rooms are frozen meanwhile; the status bar shows the job and its Cancel, which
        # holds until the swap begins: after the safety copy, before anything is replaced
        # (a cancelled restore leaves the library as it was, and removes the unpacked copy).
        self.jobs.submit(Job(
            self.tr("Restoring: keeping a copy of what is here now…"),
            lambda job, _report: apply_restore(staged, paths, store, now=now,
                                               before_swap=job.check_cancelled,
                                               file_key=file_key),
            on_result=self._restore_done, on_error=self._restore_failed, cancellable=True,
        ))

    def _restore_done(self, result: RestoreResult) -> None:
        self.busy = False
        self.data_replaced.emit()
        title = self.tr("Your backup is back")
        text = self.tr("LoveBridge now holds the backup from {when}. What was here before "
                       "is kept as a backup named {name}.").format(
            when=describe_time(result.manifest),
            name=result.safety_backup.name if result.safety_backup else "—")
        self._open_progress(title, text).finish(title, text)  # says what happened; Close
        self.restore_finished.emit(result)

    def _restore_failed(self, error: Exception) -> None:
        self.freeze_requested.emit(False)
        self._work_failed(error)

    # ---- automatic backups --------------------------------------------------------------
    def schedule_automatic(self, delay_ms: int) -> None:
        """`start_automatic` once the app has settled: a start pays only for its first room.

        The backup on quit is promised at once (a session closed sooner still gets one).
        """
        self.backup_on_close = True
        QTimer.singleShot(delay_ms, self, self.start_automatic)

    def start_automatic(self) -> None:
        """Back up in the background if none was made today, and again when the app closes."""
        if automatic_backup_due(self.ctx.paths, self.ctx.now()):
            self.run_automatic_backup()
        self.backup_on_close = True

    def about_to_close(self) -> None:
        """The window closes: an automatic backup of what this session changed.

        Nothing changed since the last one: none (an identical copy would only push an older,
        different backup out of the rotation). One still running is the fresh copy: it finishes
        before the app ends (app.py waits for the thread pool).
        """
        if self.backup_on_close and self.changed_since_backup and not self.jobs.busy:
            self.run_automatic_backup()

    def note_changes(self, changes: tuple) -> None:
        """The shell's change signal: something worth a backup on quit was saved."""
        if any(change.kind not in UNBACKED_KINDS for change in changes):
            self.changed_since_backup = True

    def run_automatic_backup(self) -> None:
        self.changed_since_backup = False  # what changes from now on, the next one keeps
        store, paths, now = self.ctx.store, self.ctx.paths, self.ctx.now()
        file_key = self.ctx.file_key
        self.jobs.submit(Job(
            self.tr("Backing up automatically…"),
            lambda _job, _report: make_automatic_backup(store, paths, now, file_key=file_key),
            on_result=self.automatic_backup_finished.emit,
            on_error=self._automatic_backup_failed,
        ))

    def _automatic_backup_failed(self, error: Exception) -> None:
        logger.warning("automatic backup failed: %s", type(error).__name__)
        if isinstance(error, StoreFullError):  # skipped before writing: said where it shows
            self.status.emit(self.tr(
                "Today's automatic backup was skipped: the disk is full. It needs about {mb} MB "
                "more free space; the backups made before are kept.").format(
                    mb=f"{max(error.short or error.needed or 0, 1_000_000) / 1e6:,.0f}"))

    # ---- shared -------------------------------------------------------------------------
    def _open_progress(self, title: str, text: str) -> ProgressDialog:
        self._close_progress()
        dialog = ProgressDialog(self._parent, title, text)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _close_progress(self) -> None:
        dialog, self.dialog = self.dialog, None
        if isinstance(dialog, ProgressDialog):
            dialog.done(0)
            dialog.deleteLater()

    def _work_failed(self, error: Exception) -> None:
        self.busy = False
        self._close_progress()
        if isinstance(error, JobCancelledError):
            self.status.emit(self.tr("Stopped as you asked; nothing was changed."))
            self.failed.emit("")
            return
        if isinstance(error, EXPECTED_ERRORS):
            message = str(error) if not isinstance(error, OSError) else self.tr(
                "The file could not be written or read ({reason}).").format(
                    reason=error.strerror or type(error).__name__)
        else:
            message = self.tr("Something unexpected went wrong; nothing was changed.")
        show_error(self._parent, self.tr("LoveBridge"), message)
        self.failed.emit(message)


def _size_text(size: int) -> str:
    if size < 1_000_000:
        return f"{max(size / 1000, 0.1):.1f} kB"
    if size < 1_000_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e9:.2f} GB"
