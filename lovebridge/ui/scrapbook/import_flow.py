"""File › Import photos from a folder…, Import from an export file…, Export everything….

Each long step runs off the GUI thread (`ui/tasks.run_task`) behind a `JobControl`, the
small progress-and-cancel handle the core importers take, so the work can move into a shared
job queue unchanged. Nothing is written before the review dialog's Add.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from lovebridge.core.importers.job import ImportCancelledError, JobControl
from lovebridge.store.errors import StoreFullError
from lovebridge.ui.backup import ProgressDialog
from lovebridge.ui.errors import show_error
from lovebridge.ui.shell.menus import MenuSection
from lovebridge.ui.tasks import run_task

# The import plan (photos, EXIF, HEIF, places) and the review dialog load when an import
# starts: the window adds these menu actions at start-up, when they are not needed yet.
if TYPE_CHECKING:
    from lovebridge.core.export import ExportOutcome
    from lovebridge.core.importers.plan import AcceptOutcome, ImportPlan
    from lovebridge.ui.scrapbook.import_review import ImportReviewDialog
    from lovebridge.ui.shell.hooks import ShellHooks

logger = logging.getLogger(__name__)


class CancellableProgress(ProgressDialog):
    """The backup's progress dialog with a Cancel button wired to a JobControl."""

    def __init__(self, parent: QWidget, title: str, text: str, control: JobControl) -> None:
        super().__init__(parent, title, text)
        self.setObjectName("importProgressDialog")
        self.control = control
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importProgressCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = self.layout().itemAt(self.layout().count() - 1).layout()  # the last row
        buttons.insertWidget(buttons.count() - 1, self.cancel_button)

    def cancel(self) -> None:
        self.control.cancel()
        self.cancel_button.setEnabled(False)
        self.text_label.setText(self.tr("Stopping after the memory being written…"))

    def finish(self, title: str, text: str, folder: Path | None = None) -> None:
        self.cancel_button.hide()
        super().finish(title, text, folder)

    def reject(self) -> None:
        if self.close_button.isVisible():
            super().reject()
        else:
            self.cancel()


def _documents() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return folder or str(Path.home())


class ImportController(QObject):
    """Adds the import and export actions to the File menu and runs them."""

    finished = Signal(object)  # AcceptOutcome, ExportOutcome, or None when cancelled
    memories_added = Signal()  # an import wrote memories: the scrapbook shows them

    def __init__(self, hooks: ShellHooks) -> None:
        super().__init__(hooks.parent)
        self._parent = hooks.parent  # dialogs open over it
        self._hooks = hooks
        self.ctx = hooks.ctx
        # Replaceable so tests can answer without a modal file dialog.
        self.choose_folder: Callable[[], str | None] = self._ask_folder
        self.choose_export_file: Callable[[], str | None] = self._ask_export_file
        self.choose_export_target: Callable[[str], str | None] = self._ask_export_target
        self.progress: CancellableProgress | None = None
        self.review: ImportReviewDialog | None = None
        self.busy = False
        self._staging: Path | None = None
        self.folder_action = self._add(self.tr("Import photos from a &folder…"),
                                       "importFolderAction", self.start_folder_import)
        self.export_file_action = self._add(self.tr("Import from an e&xport file…"),
                                            "importExportAction", self.start_export_import)
        self.export_action = self._add(self.tr("&Export everything…"), "exportAction",
                                       self.start_export)

    def _add(self, text: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self._hooks.add_action(MenuSection.FILE_DATA, action)
        return action

    # ---- file dialogs (real ones; tests replace the three attributes) -------------------
    def _ask_folder(self) -> str | None:
        return QFileDialog.getExistingDirectory(
            self._parent, self.tr("Import photos from a folder"), _documents()) or None

    def _ask_export_file(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import from an export file"), _documents(),
            self.tr("Exports (*.zip);;All files (*)"))
        return path or None

    def _ask_export_target(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export everything"), str(Path(_documents()) / suggested),
            self.tr("ZIP archives (*.zip)"))
        return path or None

    # ---- importing ----------------------------------------------------------------------
    def start_folder_import(self) -> None:
        chosen = None if self.busy else self.choose_folder()
        if not chosen:
            return
        from lovebridge.core.importers.folder import plan_folder

        ctx, folder = self.ctx, Path(chosen)
        self._run(self.tr("Reading your photos"),
                  self.tr("Looking at every photo in {folder}…").format(folder=folder.name),
                  lambda control: plan_folder(ctx, folder, control), self._review)

    def start_export_import(self) -> None:
        chosen = None if self.busy else self.choose_export_file()
        if not chosen:
            return
        from lovebridge.core.importers.archive import new_staging
        from lovebridge.core.importers.exports import plan_export

        ctx, path = self.ctx, Path(chosen)
        self._staging = staging = new_staging(ctx.paths.data)
        self._run(self.tr("Reading the export"),
                  self.tr("Reading {name}…").format(name=path.name),
                  lambda control: plan_export(ctx, path, staging, control), self._review)

    def _review(self, plan: ImportPlan) -> None:
        self.progress.hide()
        if not plan.proposals:
            self.progress.show()
            self._done(self.tr("Nothing new to add"), self._nothing_text(plan), None)
            return
        from lovebridge.ui.scrapbook.import_review import ImportReviewDialog

        self.review = ImportReviewDialog(self._parent, plan)
        self.review.accepted.connect(self._write)
        self.review.rejected.connect(lambda: self._done(None, None, None))
        self.review.open()

    def _nothing_text(self, plan: ImportPlan) -> str:
        if plan.skipped_known:
            return self.tr("Everything here is already in your scrapbook.")
        return self.tr("No photos LoveBridge can use were found ({n} files not usable).").format(
            n=len(plan.problems))

    def _write(self) -> None:
        from lovebridge.core.importers import writer

        plan, bursts = self.review.result_plan(), self.review.include_bursts
        ctx = self.ctx
        self._run(self.tr("Adding your memories"),
                  self.tr("Copying photos into LoveBridge…"),
                  lambda control: writer.accept(ctx, plan, control, bursts), self._written)

    def _written(self, outcome: AcceptOutcome) -> None:
        text = self.tr("{m} memories with {p} photos are in your scrapbook.").format(
            m=outcome.memories, p=outcome.photos)
        if outcome.problems:
            text += "\n" + self.tr("%n photo(s) could not be copied.", "",
                                  len(outcome.problems))
        self._done(self.tr("Memories added"), text, outcome)

    # ---- exporting ----------------------------------------------------------------------
    def start_export(self) -> None:
        suggested = f"LoveBridge export {self.ctx.local_now():%Y-%m-%d}.zip"
        chosen = None if self.busy else self.choose_export_target(suggested)
        if not chosen:
            return
        from lovebridge.core.export import export_everything

        ctx, target = self.ctx, Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        self._run(self.tr("Exporting everything"),
                  self.tr("Writing notes, memories, photos and plans to {name}…").format(
                      name=target.name),
                  lambda control: export_everything(ctx, target, control), self._exported)

    def _exported(self, outcome: ExportOutcome) -> None:
        self._done(self.tr("Export finished"), self.tr(
            "{m} memories with {p} photos, {n} notes and {d} plans are in {name}. It opens "
            "without LoveBridge; README.txt inside says what is where.").format(
                m=outcome.memories, p=outcome.photos, n=outcome.notes, d=outcome.plans,
                name=outcome.target.name), outcome, outcome.target.parent)

    # ---- shared -------------------------------------------------------------------------
    def _run(self, title: str, text: str, work: Callable[[JobControl], Any],
             then: Callable[[Any], None]) -> None:
        self.busy = True
        if self.progress is not None:
            self.progress.deleteLater()
        relay: list[Callable[[int, int], None]] = []
        control = JobControl(lambda done, total: relay[0](done, total) if relay else None)
        self.progress = CancellableProgress(self._parent, title, text, control)
        self.progress.show()

        def job(report: Callable[[int, int], None]) -> Any:
            relay.append(report)
            return work(control)

        run_task(job, then, self._failed, self.progress.set_progress)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ImportCancelledError):
            self._done(self.tr("Stopped"), self.tr(
                "Stopped as you asked. Whatever was fully added stays; run the import again "
                "to carry on where it stopped."), None)
            return
        logger.warning("import or export failed: %s", type(error).__name__)
        if isinstance(error, StoreFullError):  # the disk, said so, with how much
            self._done(None, None, None)
            show_error(self._parent, self.tr("The disk is full"), self.tr(
                "The disk is full: this needs about {mb} MB more free space. Free some space "
                "and run it again; whatever was fully added stays, and the import carries on "
                "where it stopped.").format(
                    mb=f"{max(error.short or error.needed or 0, 1_000_000) / 1e6:,.0f}"))
            return
        message = str(error) if isinstance(error, ValueError | OSError) else ""
        self._done(None, None, None)
        show_error(self._parent, self.tr("That did not work"), message or self.tr(
            "Something went wrong; nothing was changed."))

    def _done(self, title: str | None, text: str | None, outcome: object,
              folder: Path | None = None) -> None:
        from lovebridge.core.importers.archive import remove_staging
        from lovebridge.core.importers.plan import AcceptOutcome

        remove_staging(self._staging)
        self._staging = None
        self.busy = False
        if self.progress is not None:
            if title is None:
                self.progress.hide()
            else:
                self.progress.show()
                self.progress.finish(title, text or "", folder)
        if isinstance(outcome, AcceptOutcome) and outcome.memories:
            self.memories_added.emit()
        self.finished.emit(outcome)
