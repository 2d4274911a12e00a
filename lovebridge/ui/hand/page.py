"""Preferences › My handwriting: the sheet, reading photos of it, reviewing and redoing boxes."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.hand import sheet as geo
from lovebridge.core.hand.model import Hand
from lovebridge.core.hand.photo import SheetPhotoError
from lovebridge.core.hand.service import (
    Capture,
    HandwritingService,
    capture_from_photos,
    merge_glyphs,
)
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import muted_label
from lovebridge.ui.errors import show_error
from lovebridge.ui.tasks import run_task

from .draw_dialog import DrawDialog
from .glyph_grid import GlyphGrid

logger = logging.getLogger(__name__)
PHOTO_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.webp"


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class HandPage(QWidget):
    """One partner's hand at a time: print the sheet, import photos, review, redo, draw."""

    hand_saved = Signal(str)  # partner

    def __init__(self, service: HandwritingService, names: dict[str, str], partner: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handPage")
        self._service = service
        self._names = names
        self._hand: Hand | None = None
        self._failed: dict[int, str] = {}
        self._redoing: int | None = None  # the box being read again from a new photo
        self.busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addWidget(muted_label(self.tr(
            "Print the sheet, fill every box with your own pen, and photograph it from above "
            "(or scan it). LoveBridge then prints your notes in your own handwriting.")))
        form = QFormLayout()
        self.partner_choice = QComboBox()
        self.partner_choice.setObjectName("handPartnerCombo")
        for key in ("a", "b"):
            self.partner_choice.addItem(names.get(key) or key, key)
        self.partner_choice.setCurrentIndex(0 if partner == "a" else 1)
        form.addRow(self.tr("Whose hand"), self.partner_choice)
        self.paper_choice = QComboBox()
        self.paper_choice.setObjectName("handPaperCombo")
        self.paper_choice.addItem(self.tr("A4"), "a4")
        self.paper_choice.addItem(self.tr("US Letter"), "letter")
        form.addRow(self.tr("Paper"), self.paper_choice)
        layout.addLayout(form)

        sheet_row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the sheet…"))
        self.save_button = QPushButton(self.tr("Save the sheet as PDF…"))
        sheet_row.addWidget(self.print_button)
        sheet_row.addWidget(self.save_button)
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)

        read_row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import photos…"))
        self.import_button.setObjectName("handImportButton")
        self.more_button = QPushButton(self.tr("Another photo for the gaps…"))
        self.draw_button = QPushButton(self.tr("Write on screen…"))
        for button in (self.import_button, self.more_button, self.draw_button):
            read_row.addWidget(button)
        read_row.addStretch(1)
        layout.addLayout(read_row)
        self.progress = QProgressBar()
        self.progress.setObjectName("handProgress")
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("handStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.grid = GlyphGrid()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        scroll.setMinimumHeight(220)
        layout.addWidget(scroll, 1)
        redo_holder, redo_row = flow_container()  # wraps in a narrow window or long language
        self.redo_button = QPushButton(self.tr("Redo the chosen box on screen…"))
        self.redo_button.setEnabled(False)
        redo_row.addWidget(self.redo_button)
        self.redo_photo_button = QPushButton(self.tr("Redo the chosen box from a photo…"))
        self.redo_photo_button.setObjectName("handRedoFromPhoto")
        self.redo_photo_button.setToolTip(self.tr(
            "Read just this box again from a new photo of the sheet; the others stay as they are"))
        redo_row.addWidget(self.redo_photo_button)
        layout.addWidget(redo_holder)

        # File choosers are attributes so a test can answer them the way a person would.
        self.choose_photos = self._ask_photos
        self.choose_save_path = self._ask_save_path
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.save_sheet_via_dialog)
        self.import_button.clicked.connect(lambda: self.import_via_dialog(add=False))
        self.more_button.clicked.connect(lambda: self.import_via_dialog(add=True))
        self.draw_button.clicked.connect(lambda: self.open_drawing(self.grid.missing()))
        self.redo_button.clicked.connect(self._redo_chosen)
        self.redo_photo_button.clicked.connect(self.redo_chosen_from_photo)
        self.grid.box_selected.connect(lambda _index: self._update_buttons())
        self.partner_choice.currentIndexChanged.connect(self.reload)
        self.reload()

    # ---- state --------------------------------------------------------------------------------
    def partner(self) -> str:
        return self.partner_choice.currentData()

    def name(self) -> str:
        return (self._names.get(self.partner()) or "").strip() or self.tr("My")

    def reload(self) -> None:
        self._hand = self._service.load(self.partner())
        self._failed = {}
        self.grid.set_hand(self._hand)
        if self._hand is None:
            self.status.setText(self.tr("No handwriting kept for {name} yet.").format(
                name=self.name()))
        else:
            self.status.setText(self.tr("{label}: {count} of {total} boxes written.").format(
                label=self.tr("{name}'s hand").format(name=self._hand.name),
                count=len({g.box for g in self._hand.glyphs}), total=len(geo.BOXES)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        have = self._hand is not None
        self.more_button.setEnabled(have and not self.busy and bool(self.grid.missing()))
        self.import_button.setEnabled(not self.busy)
        self.draw_button.setEnabled(not self.busy)
        self.partner_choice.setEnabled(not self.busy)
        chosen = self.grid.selected is not None
        self.redo_button.setEnabled(chosen and not self.busy)
        self.redo_photo_button.setEnabled(chosen and have and not self.busy)

    # ---- the sheet ----------------------------------------------------------------------------
    def _sheet_text(self) -> tuple[str, str]:
        return self.tr(geo.SHEET_TITLE), self.tr(geo.SHEET_INSTRUCTIONS)

    def print_sheet(self) -> QPrintDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("handPrintDialog")
        dialog.setWindowTitle(self.tr("Print the handwriting sheet"))
        dialog.accepted.connect(lambda: self._print_on(printer))
        dialog.finished.connect(dialog.deleteLater)
        # QPrintDialog's binding only offers open(receiver, member); QDialog's plain open() is
        # the non-blocking show that is wanted here.
        QDialog.open(dialog)
        return dialog

    def _print_on(self, printer: QPrinter) -> None:
        from lovebridge.render.hand_sheet import print_sheet

        title, instructions = self._sheet_text()
        try:
            print_sheet(printer, self.paper_choice.currentData(), geo.new_sheet_code(), title,
                        instructions)
        except Exception as exc:  # a printer error is shown, never fatal
            logger.warning("printing the handwriting sheet failed: %s", type(exc).__name__)
            show_error(self, self.tr("Could not print the sheet"), str(exc))

    def _ask_save_path(self) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handwriting sheet"),
            str(Path(_documents()) / "handwriting-sheet.pdf"), self.tr("PDF document (*.pdf)"))
        return path or None

    def save_sheet_via_dialog(self) -> None:
        path = self.choose_save_path()
        if path:
            self.save_sheet(path if path.lower().endswith(".pdf") else path + ".pdf")

    def save_sheet(self, path: str) -> None:
        from lovebridge.render.hand_sheet import render_sheet_pdf

        title, instructions = self._sheet_text()
        try:
            render_sheet_pdf(path, self.paper_choice.currentData(), geo.new_sheet_code(), title,
                             instructions)
        except OSError as exc:
            show_error(self, self.tr("Could not save the sheet"), str(exc))
            return
        self.status.setText(self.tr("Saved the sheet to {path}. Print it at 100%.").format(
            path=path))

    # ---- photos -------------------------------------------------------------------------------
    def _ask_photos(self) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the filled-in sheet"), _documents(),
            self.tr("Photos ({patterns})").format(patterns=PHOTO_FILTER))
        return paths

    def import_via_dialog(self, add: bool) -> None:
        paths = self.choose_photos()
        if paths:
            self.import_photos(paths, add)

    def redo_chosen_from_photo(self) -> None:
        """Read the chosen box again from a photo the writer picks; only that box changes."""
        if self.grid.selected is None or self._hand is None:
            return
        paths = self.choose_photos()
        if paths:
            self.import_photos(paths, add=True, boxes={self.grid.selected})

    def import_photos(self, paths: list[str], add: bool = False,
                      boxes: set[int] | None = None) -> None:
        """Read the photos off the GUI thread, with progress; the hand is saved when done.

        With `add` only the hand's missing boxes are read, or just `boxes` when given.
        """
        base = self._hand if add else None
        name, partner = self.name(), self.partner()
        service = self._service
        self._redoing = next(iter(boxes)) if boxes and len(boxes) == 1 else None

        def work(report) -> Capture:  # noqa: ANN001
            capture = capture_from_photos(paths, name, base, report, boxes)
            if capture.hand.glyphs:
                service.save(partner, capture.hand, capture.sheet_code)
            return capture

        self.busy = True
        self._update_buttons()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Reading the photo…"))
        run_task(work, self._imported, self._import_failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, capture: Capture) -> None:
        self.busy = False
        self.progress.setVisible(False)
        redone, self._redoing = self._redoing, None
        if redone is not None:
            self._redone(redone, capture)
            return
        self.reload()
        self._failed = dict(capture.failed)
        self.grid.set_hand(self._hand, self._failed)
        lines = [self.tr("Read {n} of {total} boxes.").format(
            n=capture.recovered, total=len(geo.BOXES))]
        if capture.recovered <= len(geo.BOXES) // 2:
            lines.append(self.tr("Most of the sheet looks empty: fill in the rest of the boxes, "
                                 "or import another photo for the ones that are missing."))
        elif capture.failed:
            named = ", ".join(geo.BOXES[i].describe() for i in sorted(capture.failed)[:12])
            if len(capture.failed) > 12:
                named = self.tr("{first} and {more} more").format(
                    first=named, more=len(capture.failed) - 12)
            lines.append(self.tr("Missing: {boxes}. Redo them on screen, or import another "
                                 "photo for them.").format(boxes=named))
        for problem in capture.problems:
            lines.append(self.tr("Skipped {problem}").format(problem=problem))
        if not capture.hand.glyphs:
            lines = [self.tr("No handwriting was found in the boxes; nothing was kept.")]
        self.status.setText("\n".join(lines))
        self._update_buttons()
        if capture.hand.glyphs:
            self.hand_saved.emit(self.partner())

    def _redone(self, index: int, capture: Capture) -> None:
        """Say whether the chosen box was read again; the rest of the hand is untouched."""
        box = geo.BOXES[index].describe()
        failed = dict(self._failed)
        if index in capture.failed or not capture.hand.glyphs:
            self.status.setText(self.tr(
                "Box {box} could not be read from that photo ({why}); it is kept as it was."
            ).format(box=box, why=capture.failed.get(index, self.tr("no writing found"))))
            self._update_buttons()
            return
        self.reload()
        failed.pop(index, None)
        self._failed = failed
        self.grid.set_hand(self._hand, self._failed)
        self.status.setText(self.tr("Box {box} was read again from the photo.").format(box=box))
        self.hand_saved.emit(self.partner())

    def _import_failed(self, error: Exception) -> None:
        self.busy = False
        self._redoing = None
        self.progress.setVisible(False)
        self._update_buttons()
        if isinstance(error, SheetPhotoError):
            self.status.setText(str(error))
        else:
            self.status.setText(self.tr("The photo could not be read ({kind}).").format(
                kind=type(error).__name__))

    # ---- drawing on screen ----------------------------------------------------------------------
    def open_drawing(self, boxes: list[int]) -> DrawDialog:
        dialog = DrawDialog(boxes, self)
        dialog.drawn.connect(self.keep_drawn)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _redo_chosen(self) -> None:
        if self.grid.selected is not None:
            self.open_drawing([self.grid.selected])

    def keep_drawn(self, raws: dict) -> None:
        """Glyphs drawn on screen join the hand (replacing those boxes) and are saved."""
        hand = merge_glyphs(self.name(), raws.values(), self._hand)
        self._service.save(self.partner(), hand)
        self.reload()
        self.hand_saved.emit(self.partner())
