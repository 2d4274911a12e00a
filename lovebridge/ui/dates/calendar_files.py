"""Export plans to, and import them from, iCalendar (.ics) files: the Dates room's file actions."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from lovebridge.core.dates.ical import (
    IcsImportError,
    ImportReport,
    export_calendar,
    read_calendar,
)
from lovebridge.store.media import write_atomically
from lovebridge.ui.errors import show_error
from lovebridge.ui.tasks import run_task

logger = logging.getLogger(__name__)


class CalendarFilesMixin:
    """Mixed into DatesRoom (which provides services, zone, say(), refresh() and the signal
    `import_finished`); `choose_open_file`/`choose_save_file` are replaced in tests."""

    def export_plans(self, plan_uuid: str | None) -> Path | None:
        """Write one plan (or all of them) to an .ics file the couple chooses."""
        plans = self.services.plans.plans()
        if plan_uuid is not None:
            plans = [p for p in plans if p.uuid == plan_uuid]
            name = f"{plans[0].title if plans else 'plan'}.ics"
        else:
            name = "LoveBridge dates.ics"
        target = self.choose_save_file(name)
        if not target:
            return None
        path = Path(target)
        try:
            write_atomically(path, export_calendar(plans, self._ctx.now()))
        except OSError as exc:
            show_error(self, self.tr("Export"), self.tr("The calendar file could not be "
                                                          "written."), str(exc.strerror or exc))
            return None
        count = len(plans)
        self.say(self.tr("Saved %n plan(s) to {file}. Open it on a phone to add it to its "
                         "calendar.", "", count).format(file=path.name))
        return path

    def import_file(self):  # noqa: ANN201 - the background Task, or None when cancelled
        """Add the events of an .ics file; what could not be read is counted, never fatal."""
        target = self.choose_open_file()
        if not target:
            return None
        zone_name = self.zone.key

        def parse() -> tuple[list, Counter]:  # off the GUI thread: reading and parsing the file
            return read_calendar(Path(target).read_bytes(), zone_name)

        self.say(self.tr("Reading {file}…").format(file=Path(target).name))
        return run_task(parse, self._store_import, self._import_failed)

    def _store_import(self, parsed: tuple[list, Counter]) -> None:
        plans, skipped = parsed
        try:
            count = self.services.plans.import_plans(plans)
        except Exception:  # the store refused a value; the transaction wrote nothing
            logger.warning("imported plans could not be stored", exc_info=True)
            self._import_failed(IcsImportError(self.tr(
                "The calendar could not be saved; nothing was changed.")))
            return
        self.refresh()
        self.say(ImportReport.of(count, skipped).summary())
        self.import_finished.emit()

    def _import_failed(self, error: Exception) -> None:
        message = str(error) if isinstance(error, IcsImportError) else self.tr(
            "The file could not be opened.")
        self.notice.hide()
        show_error(self, self.tr("Import"), message)
        self.import_finished.emit()

    def _ask_save_file(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save calendar file"), str(Path.home() / name),
            self.tr("Calendar files (*.ics)"))
        return path

    def _ask_open_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a calendar file"), str(Path.home()),
            self.tr("Calendar files (*.ics);;All files (*)"))
        return path
