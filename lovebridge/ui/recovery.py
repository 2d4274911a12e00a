"""The calm recovery screen shown instead of the rooms when the database is damaged."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lovebridge import APP_NAME
from lovebridge.core.backup import (
    BackupEntry,
    BackupError,
    Manifest,
    newest_good_backup,
    restore_backup,
)
from lovebridge.core.privacy.lock import DataKeys
from lovebridge.paths import Paths
from lovebridge.store import StoreError
from lovebridge.store.recovery import (
    RecoveryFailedError,
    SalvageReport,
    adopt_rescued,
    salvage,
    timestamp,
)
from lovebridge.ui.backup import (
    ask_open_path,
    describe_contents,
    describe_counts,
    describe_time,
)
from lovebridge.ui.common.widgets import card, icon, muted_label, primary_button
from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)


class RecoveryWindow(QWidget):
    """Explains what happened, offers the newest backup and a rescue; emits `resolved`."""

    resolved = Signal(str)  # "restored" or "rescued": the database is sound again
    closed = Signal()

    def __init__(self, paths: Paths, damaged_copy: Path, clock: Callable[[], datetime],
                 data_key: bytes | None = None, parent: QWidget | None = None) -> None:
        """`data_key` is the key unlocking gave when the lock is on (None while it is off)."""
        super().__init__(parent)
        self.setObjectName("recoveryWindow")
        self.setWindowTitle(self.tr("{app} — let's get your things back").format(app=APP_NAME))
        self.setWindowIcon(icon("lovebridge"))
        self.setMinimumSize(QSize(720, 620))
        self.paths = paths
        self.damaged_copy = damaged_copy
        self.clock = clock
        # With the lock on, backups are sealed with the file key and the database (and so a
        # backup's database and a rescued copy) is encrypted with the database key.
        keys = DataKeys.from_data_key(data_key) if data_key is not None else None
        self.file_key = keys.files if keys is not None else None
        self.db_key = keys.database if keys is not None else None
        self.choose_open_path: Callable[[], str | None] = lambda: ask_open_path(self)
        self.rescue_report: SalvageReport | None = None
        self.backup: tuple[BackupEntry, Manifest] | None = None
        self.working = False

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        page = QWidget()
        page.setObjectName("recoveryPage")
        scroll.setWidget(page)
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 36, 48, 28)
        column.setSpacing(16)

        top = QHBoxLayout()
        top.setSpacing(16)
        logo = QLabel()
        logo.setPixmap(icon("lovebridge").pixmap(56, 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(logo)
        words = QVBoxLayout()
        title = QLabel(self.tr("Let's get your LoveBridge back"))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        words.addWidget(title)
        self.explanation = muted_label(self.tr(
            "LoveBridge found damage in its database file and stopped before changing "
            "anything. Your photos are untouched, and a copy of the damaged file is kept "
            "safe, exactly as it was, in {path}.").format(path=str(damaged_copy)))
        self.explanation.setObjectName("recoveryExplanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.explanation)
        top.addLayout(words, 1)
        column.addLayout(top)

        self.backup_card, body = self._card(self.tr("Go back to the latest backup"))
        self.backup_label = QLabel(self.tr("Looking for your automatic backups…"))
        self.backup_label.setObjectName("recoveryBackupLabel")
        self.backup_label.setWordWrap(True)
        body.addWidget(self.backup_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.choose_button = QPushButton(self.tr("Choose a backup file…"))
        self.choose_button.setObjectName("recoveryChooseButton")
        self.choose_button.clicked.connect(self.restore_chosen_file)
        row.addWidget(self.choose_button)
        self.restore_button = primary_button(self.tr("Restore this backup"))
        self.restore_button.setObjectName("recoveryRestoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_newest)
        row.addWidget(self.restore_button)
        body.addLayout(row)
        column.addWidget(self.backup_card)

        self.rescue_card, body = self._card(self.tr("Rescue what can still be read"))
        self.rescue_label = muted_label(self.tr(
            "LoveBridge can copy everything that is still readable into a new database "
            "file. The damaged file is only read, never changed."))
        self.rescue_label.setObjectName("recoveryRescueLabel")
        body.addWidget(self.rescue_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.rescue_button = QPushButton(self.tr("Try a rescue"))
        self.rescue_button.setObjectName("recoveryRescueButton")
        self.rescue_button.clicked.connect(self.start_rescue)
        row.addWidget(self.rescue_button)
        self.use_rescued_button = primary_button(self.tr("Use the rescued copy"))
        self.use_rescued_button.setObjectName("recoveryUseRescuedButton")
        self.use_rescued_button.hide()
        self.use_rescued_button.clicked.connect(self.use_rescued)
        row.addWidget(self.use_rescued_button)
        body.addLayout(row)
        column.addWidget(self.rescue_card)

        self.status = QLabel()
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(muted_label(self.tr(
            "Whatever you choose, the damaged file stays where it is kept.")), 1)
        self.quit_button = QPushButton(self.tr("Close LoveBridge"))
        self.quit_button.setObjectName("recoveryQuitButton")
        self.quit_button.clicked.connect(self.close)
        footer.addWidget(self.quit_button)
        column.addLayout(footer)

        run_task(lambda: newest_good_backup(paths, self.file_key), on_result=self._show_backup,
                 on_error=lambda _exc: self._show_backup(None), owner=self)

    def _card(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        frame = card()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        heading = QLabel(title)
        heading.setObjectName("cardTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        return frame, layout

    # ---- the newest backup ----------------------------------------------------------------
    def _show_backup(self, found: tuple[BackupEntry, Manifest] | None) -> None:
        self.backup = found
        if found is None:
            self.backup_label.setText(self.tr(
                "There is no automatic backup in this data folder yet. If you saved one "
                "yourself, choose it here."))
            return
        _entry, manifest = found
        self.backup_label.setText(self.tr(
            "The automatic backup from {when} holds {contents}. Restoring it brings "
            "LoveBridge back to how it was then; photos added since are kept.").format(
                when=describe_time(manifest), contents=describe_contents(manifest)))
        self.restore_button.setEnabled(True)
        self.restore_button.setFocus()

    def restore_newest(self) -> None:
        if self.backup is not None:
            self._restore(self.backup[0].path)

    def restore_chosen_file(self) -> None:
        chosen = self.choose_open_path()
        if chosen:
            self._restore(Path(chosen))

    def _restore(self, archive: Path) -> None:
        self._set_working(True, self.tr("Checking and restoring {name}…").format(
            name=archive.name))
        paths, now = self.paths, self.clock()
        run_task(
            lambda: restore_backup(archive, paths, None, now=now, keep_current_photos=True,
                                   file_key=self.file_key, db_key=self.db_key),
            on_result=lambda _result: self._done("restored"),
            on_error=self._failed,
        )

    # ---- the rescue -----------------------------------------------------------------------
    def start_rescue(self) -> None:
        self._set_working(True, self.tr("Reading what can be read… this can take a while."))
        target = self.paths.backups / f"rescued-{timestamp(self.clock())}.db"
        damaged = self.paths.database
        run_task(lambda: salvage(damaged, target, self.db_key), on_result=self._rescued,
                 on_error=self._failed, owner=self)

    def _rescued(self, report: SalvageReport) -> None:
        self.rescue_report = report
        self._set_working(False, "")
        self.rescue_label.setText(self.tr(
            "Rescued {contents} ({total:,} records in all). The rescued copy is saved as "
            "{name}.").format(contents=describe_counts(report.rows), total=report.total_rows,
                              name=report.target.name))
        self.rescue_button.hide()
        self.use_rescued_button.show()
        self.use_rescued_button.setFocus()

    def use_rescued(self) -> None:
        if self.rescue_report is None:
            return
        try:
            adopt_rescued(self.rescue_report.target, self.paths.database)
        except OSError as exc:
            self._failed(exc)
            return
        self._done("rescued")

    # ---- shared ---------------------------------------------------------------------------
    def _set_working(self, working: bool, text: str) -> None:
        self.working = working
        for button in (self.restore_button, self.choose_button, self.rescue_button,
                       self.use_rescued_button):
            button.setEnabled(not working and (button is not self.restore_button
                                               or self.backup is not None))
        self.status.setText(text)

    def _done(self, how: str) -> None:
        self._set_working(False, "")
        logger.info("recovery finished: %s", how)
        self.resolved.emit(how)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, (BackupError, StoreError)):
            text = str(error)
        elif isinstance(error, RecoveryFailedError):
            text = self.tr("Nothing usable could be rescued from the damaged file. "
                           "Restoring a backup is the way back.")
        else:
            text = self.tr("That did not work ({kind}); nothing was changed.").format(
                kind=type(error).__name__)
        self._set_working(False, text)

    def closeEvent(self, event) -> None:  # noqa: ANN001
        if self.working:  # a restore or rescue is writing; closing now would only confuse
            event.ignore()
            return
        super().closeEvent(event)
        self.closed.emit()
