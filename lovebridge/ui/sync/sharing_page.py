"""Preferences › Sharing: pick the folder, show or type the pairing code, see how sharing goes.

Pairing (Argon2id) and exchanging read and write files, so they run off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.sync.engine import SyncEngine, SyncStatus
from lovebridge.ui.common.widgets import muted_label
from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)

# run_exchange(work, on_result, on_error): runs `work` off the GUI thread, then one of the two.
RunExchange = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]],
                       None]


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    """The pairing code as a QR code (segno), for a phone camera or the other laptop's eyes."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def arrivals_text(created: dict[str, int], partner: str, tr) -> str:  # noqa: ANN001
    """"Sam added 3 memories, 1 note" from what the last exchange brought."""
    names = {"memory": (tr("memory"), tr("memories")), "message": (tr("note"), tr("notes")),
             "plan": (tr("plan"), tr("plans")), "photo": (tr("photo"), tr("photos")),
             "special_date": (tr("special date"), tr("special dates"))}
    parts = [f"{count} {names[k][0] if count == 1 else names[k][1]}"
             for k, count in sorted(created.items()) if k in names]
    if not parts:
        return ""
    return tr("{who} added {what}").format(who=partner, what=", ".join(parts))


class SharingPage(QWidget):
    """Everything about sharing on one page; it asks the engine, never the folder or the store."""

    status_changed = Signal()

    def __init__(self, engine: SyncEngine, partner_name: str = "",
                 parent: QWidget | None = None, run_exchange: RunExchange | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharingPreferences")
        self._engine = engine
        # How an exchange runs: in the window, as a job of its queue (see SharingController).
        self._run_exchange = run_exchange or (lambda work, done, failed: run_task(
            work, done, failed))
        self._partner = partner_name or self.tr("Your partner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Share with my partner's laptop"))
        title.setObjectName("sharingTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(muted_label(self.tr(
            "Both laptops keep their own LoveBridge. What changes travels, sealed, through a "
            "folder your sync app (Syncthing, Dropbox, Nextcloud…) or a USB stick already "
            "carries. The sync app sees only file sizes and times — never a word or a photo.")))
        self._setup = self._build_setup()
        layout.addWidget(self._setup)
        self._code_box = self._build_code_box()
        layout.addWidget(self._code_box)
        self._state = self._build_state()
        layout.addWidget(self._state)
        self.message = QLabel()
        self.message.setObjectName("sharingMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh()

    # ---- building -------------------------------------------------------------------------
    def _build_setup(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("sharingFolder")
        self.folder_edit.setPlaceholderText(self.tr("The folder your sync app shares"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Shared folder"), row)
        self.start_button = QPushButton(self.tr("Start sharing and show a code"))
        self.start_button.setObjectName("startSharing")
        self.start_button.clicked.connect(self._start)
        form.addRow("", self.start_button)
        join = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("pairingCode")
        self.code_edit.setPlaceholderText(self.tr("The eight words the other laptop shows"))
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setObjectName("joinSharing")
        self.join_button.clicked.connect(self._join)
        join.addWidget(self.code_edit, 1)
        join.addWidget(self.join_button)
        form.addRow(self.tr("Or join with a code"), join)
        return box

    def _build_code_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.code_label = QLabel()
        self.code_label.setObjectName("shownCode")
        self.code_label.setWordWrap(True)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("shownQr")
        row.addWidget(self.code_label, 1)
        row.addWidget(self.qr_label)
        box.hide()
        return box

    def _build_state(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.folder_value = QLabel()
        self.partner_value = QLabel()
        self.partner_value.setObjectName("partnerDevice")
        self.exchange_value = QLabel()
        self.waiting_value = QLabel()
        self.waiting_value.setObjectName("waitingChanges")
        self.arrivals_value = QLabel()
        self.arrivals_value.setObjectName("lastArrivals")
        self.notes_value = QLabel()
        self.notes_value.setWordWrap(True)
        form.addRow(self.tr("Shared folder"), self.folder_value)
        form.addRow(self.tr("Partner's laptop"), self.partner_value)
        form.addRow(self.tr("Last exchange"), self.exchange_value)
        form.addRow(self.tr("Waiting to travel"), self.waiting_value)
        form.addRow(self.tr("Came in"), self.arrivals_value)
        form.addRow(self.tr("Set aside"), self.notes_value)
        buttons = QHBoxLayout()
        self.now_button = QPushButton(self.tr("Exchange now"))
        self.now_button.setObjectName("exchangeNow")
        self.now_button.clicked.connect(lambda: self.exchange(confirm=False))
        self.confirm_button = QPushButton(self.tr("Yes, apply those deletions"))
        self.confirm_button.setObjectName("confirmDeletions")
        self.confirm_button.clicked.connect(lambda: self.exchange(confirm=True))
        self.unpair_button = QPushButton(self.tr("Stop sharing"))
        self.unpair_button.setObjectName("stopSharing")
        self.unpair_button.clicked.connect(self._unpair)
        buttons.addWidget(self.now_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unpair_button)
        form.addRow("", buttons)
        return box

    # ---- showing --------------------------------------------------------------------------
    def refresh(self) -> None:
        run_task(self._engine.status, self._show_status, self._show_error)

    def _show_status(self, status: SyncStatus) -> None:
        self._setup.setVisible(not status.paired)
        self._state.setVisible(status.paired)
        if not status.paired:
            return
        self.folder_value.setText(str(status.folder))
        partners = [p.name or p.device for p in status.partners]
        self.partner_value.setText(", ".join(partners) or self.tr(
            "Waiting for the other laptop to join"))
        self.exchange_value.setText(status.last_exchange[:16].replace("T", " ") + " UTC"
                                    if status.last_exchange else self.tr("Not yet"))
        self.waiting_value.setText(self.tr("Nothing") if not status.waiting_changes else
                                   self.tr("{n} change(s)").format(n=status.waiting_changes))
        self.arrivals_value.setText(arrivals_text(status.last_created, self._partner, self.tr)
                                    or self.tr("Nothing new yet"))
        self.notes_value.setText("\n".join(f"{path}: {why}" for path, why in status.notes[:3])
                                 or self.tr("Nothing"))
        pending = sum(p["deletions"] for p in status.pending_deletions.values())
        self.confirm_button.setVisible(bool(pending))
        if pending:
            self.message.setText(self.tr(
                "{who}'s laptop deleted {n} things at once — more than a fifth of your library. "
                "Nothing was removed here yet.").format(who=self._partner, n=pending))
        self.status_changed.emit()

    def _show_error(self, error: Exception) -> None:
        self.message.setText(str(error))
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.start_button, self.join_button, self.now_button):
            button.setEnabled(not busy)

    # ---- actions --------------------------------------------------------------------------
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The folder your sync app shares"))
        if folder:
            self.folder_edit.setText(folder)

    def _folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Pick the folder your sync app shares first."))
            return None
        return Path(text)

    def _start(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        self._set_busy(True)
        self.message.setText(self.tr("Sealing your library into the folder…"))
        run_task(lambda: self._engine.setup_new(folder), self._show_code, self._show_error)

    def _show_code(self, code: str) -> None:
        self._set_busy(False)
        self.code_label.setText(self.tr(
            "On the other laptop, open Preferences › Sharing, pick the same folder and type:"
            "\n\n{code}\n\nThe code is not stored anywhere; anyone with it and the folder "
            "could read it, so keep it between you.").format(code=code))
        self.qr_label.setPixmap(qr_pixmap(code))
        self._code_box.show()
        self.message.setText("")
        self.refresh()

    def _join(self) -> None:
        folder = self._folder()
        code = self.code_edit.text()
        if folder is None:
            return
        self._set_busy(True)
        self.message.setText(self.tr("Joining…"))
        run_task(lambda: self._engine.setup_join(folder, code), self._joined, self._show_error)

    def _joined(self, _result: object) -> None:
        self._set_busy(False)
        self.code_edit.clear()
        self.message.setText(self.tr("Paired. Your partner's library is on its way."))
        self.refresh()

    def exchange(self, confirm: bool = False) -> None:
        self._set_busy(True)
        self._run_exchange(lambda: self._engine.sync_now(confirm_deletions=confirm),
                           self._exchanged, self._show_error)

    def _exchanged(self, _report: object) -> None:
        self._set_busy(False)
        self.message.setText("")
        self.refresh()

    def _unpair(self) -> None:
        run_task(self._engine.unpair, lambda _r: self.refresh(), self._show_error)
        self._code_box.hide()
