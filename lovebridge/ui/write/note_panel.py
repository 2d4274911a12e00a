"""A live print preview of the note in handwriting, with its style controls, print and export."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QRectF,
    QSize,
    QStandardPaths,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.render.content import NoteContent
from lovebridge.render.fonts import FONTS, load_all_fonts
from lovebridge.render.layouts import LAYOUTS, LAYOUTS_BY_KEY
from lovebridge.render.renderer import (
    NotePlan,
    RenderResult,
    plan_note,
    print_plan,
    render_pdf,
    render_plan_image,
)
from lovebridge.render.style import DECORATIONS, INKS, PAPERS, NoteStyle
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.widgets import muted_label
from lovebridge.ui.errors import show_error
from lovebridge.ui.hand.choices import add_hands
from lovebridge.ui.settings import Option, Settings
from lovebridge.ui.tasks import run_task
from lovebridge.ui.theme import current_colours

logger = logging.getLogger(__name__)

# The last style each partner printed with, so a note looks like its writer's.
NOTE_STYLE_A = Option("write/note_style_a", "", str)
NOTE_STYLE_B = Option("write/note_style_b", "", str)
STYLE_OPTIONS = {"a": NOTE_STYLE_A, "b": NOTE_STYLE_B}

PREVIEW_DELAY_MS = 160  # typing pauses this long before the preview is redrawn
PREVIEW_MAX_DPI = 110.0

PAPER_LABELS = {
    "white": QT_TRANSLATE_NOOP("NoteWords", "White"),
    "cream": QT_TRANSLATE_NOOP("NoteWords", "Cream"),
    "kraft": QT_TRANSLATE_NOOP("NoteWords", "Kraft"),
    "plain": QT_TRANSLATE_NOOP("NoteWords", "plain"),
    "lined": QT_TRANSLATE_NOOP("NoteWords", "lined"),
    "dotted": QT_TRANSLATE_NOOP("NoteWords", "dotted"),
    "grid": QT_TRANSLATE_NOOP("NoteWords", "squared"),
}
DECORATION_LABELS = {
    "none": QT_TRANSLATE_NOOP("NoteWords", "No decoration"),
    "border": QT_TRANSLATE_NOOP("NoteWords", "Drawn border"),
    "hearts": QT_TRANSLATE_NOOP("NoteWords", "Hearts"),
    "stars": QT_TRANSLATE_NOOP("NoteWords", "Stars"),
}


def note_word(text: str) -> str:
    """A card size, ink, paper or decoration (marked "NoteWords") in the couple's language."""
    return QCoreApplication.translate("NoteWords", text)

SavePathChooser = Callable[[str, str], str | None]
PrintDialogOpener = Callable[[QPrinter, Callable[[], None]], None]


def preview_dpi(plan: NotePlan, room: tuple[int, int], ratio: float) -> float:
    """The resolution at which every page of the plan fits the preview's room (in pixels)."""
    pages = len(plan.pages)
    width_in = plan.layout.width / 25.4
    height_in = (plan.layout.height * pages + 6 * (pages - 1)) / 25.4
    fit = min(room[0] / width_in, room[1] / height_in)
    return max(24.0, min(PREVIEW_MAX_DPI * ratio, fit * ratio))


class PreviewView(QWidget):
    """Shows the rendered sheet scaled to fit, on a soft shadow like paper on a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePreview")
        self.setMinimumSize(180, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image = QImage()

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def image(self) -> QImage:
        return self._image

    def sizeHint(self) -> QSize:
        return QSize(360, 460)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._image.isNull():
            painter.end()
            return
        ratio = self._image.devicePixelRatio() or 1.0
        width, height = self._image.width() / ratio, self._image.height() / ratio
        scale = min((self.width() - 24) / width, (self.height() - 24) / height, 1.0)
        target = QRectF(0, 0, width * scale, height * scale)
        target.moveCenter(QRectF(self.rect()).center())
        for step, alpha in ((6, 18), (4, 26), (2, 34)):
            painter.fillRect(target.adjusted(-1, step - 1, step, step + 1), QColor(0, 0, 0, alpha))
        painter.drawImage(target, self._image)
        painter.end()


class NotePanel(QWidget):
    """Style controls, a live handwritten preview, and Print / Save as PDF / Save as picture."""

    exported = Signal(str, str)  # kind ("print" | "pdf" | "png"), path or ""
    overflow_changed = Signal(bool)
    preview_updated = Signal()
    style_changed = Signal(str, str)  # handwriting font key, ink key (shared with the editor)

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePanel")
        self.setAccessibleName(self.tr("Handwritten note preview"))
        self._ctx = ctx
        self._settings = settings
        self._partner = "a"
        self._content = NoteContent("")
        self._style = NoteStyle()
        self._result: RenderResult | None = None
        self._overflow = False
        self._generation = 0
        self._updating_controls = False
        self.choose_save_path: SavePathChooser = self._ask_save_path
        self.open_print_dialog: PrintDialogOpener = self._open_system_print_dialog
        load_all_fonts()  # on the GUI thread, before any background render measures text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._render_preview)
        self._build()
        self._restore_partner_style()

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        # The choices wrap onto as many rows as the width needs, each box as wide as its text.
        choices, grid = flow_container(6)
        self.layout_box = self._combo("noteLayout", self.tr("Layout"),
                                      [(lay.key, note_word(lay.label)) for lay in LAYOUTS])
        self.font_box = self._combo("noteFont", self.tr("Handwriting"),
                                    [(f.key, f.label) for f in FONTS])
        add_hands(self.font_box, self._ctx.store, self._partner)  # own hands listed first
        self.ink_box = self._combo("noteInk", self.tr("Ink"),
                                   [(ink.key, note_word(ink.label)) for ink in INKS])
        self.paper_box = self._combo("notePaper", self.tr("Paper"),
                                     [(p, self._paper_label(p)) for p in PAPERS])
        self.decoration_box = self._combo(
            "noteDecoration", self.tr("Decoration"),
            [(d, note_word(DECORATION_LABELS[d])) for d in DECORATIONS])
        self.neat_check = QCheckBox(self.tr("Neat"))
        self.neat_check.setObjectName("noteNeat")
        self.neat_check.setToolTip(self.tr("Straight, even writing without a hand's wobble"))
        self.neat_check.toggled.connect(self._controls_changed)
        self.another_take_button = QPushButton(self.tr("Another take"))
        self.another_take_button.setObjectName("noteAnotherTake")
        self.another_take_button.setToolTip(self.tr("Write it out again, a little differently"))
        self.another_take_button.clicked.connect(self.another_take)
        for box in (self.layout_box, self.font_box, self.ink_box, self.paper_box,
                    self.decoration_box):
            grid.addWidget(box)
        toggles = QHBoxLayout()
        toggles.addWidget(self.neat_check)
        toggles.addStretch(1)
        toggles.addWidget(self.another_take_button)
        outer.addWidget(choices)
        outer.addLayout(toggles)

        self.preview = PreviewView(self)
        outer.addWidget(self.preview, 1)

        self.size_label = muted_label("")
        self.size_label.setObjectName("noteSizeLabel")
        outer.addWidget(self.size_label)
        self.overflow_label = QLabel("")
        self.overflow_label.setObjectName("noteOverflow")
        self.overflow_label.setWordWrap(True)
        self.overflow_label.setProperty("muted", False)
        self.overflow_label.hide()
        self.use_suggested_button = QPushButton("")
        self.use_suggested_button.setObjectName("noteUseSuggested")
        self.use_suggested_button.hide()
        self.use_suggested_button.clicked.connect(self._use_suggested_layout)
        outer.addWidget(self.overflow_label)
        outer.addWidget(self.use_suggested_button)

        actions_holder, actions = flow_container()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("notePrint")
        self.print_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.print_note)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("noteExportPdf")
        self.pdf_button.clicked.connect(lambda: self._export_via_dialog("pdf"))
        self.png_button = QPushButton(self.tr("Save as picture…"))
        self.png_button.setObjectName("noteExportPng")
        self.png_button.setToolTip(self.tr("A PNG picture to send in a messaging app"))
        self.png_button.clicked.connect(lambda: self._export_via_dialog("png"))
        for button in (self.print_button, self.pdf_button, self.png_button):
            button.setAccessibleName(button.text().replace("…", ""))
            actions.addWidget(button)
        outer.addWidget(actions_holder)

    def _combo(self, name: str, label: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setToolTip(label)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never cut
        for key, text in items:
            box.addItem(text, key)
        box.currentIndexChanged.connect(self._controls_changed)
        return box

    def _paper_label(self, paper: str) -> str:
        colour, _, ruling = paper.partition("-")
        text = note_word(PAPER_LABELS[colour])
        return f"{text}, {note_word(PAPER_LABELS[ruling or 'plain'])}"

    # --- the contract ---------------------------------------------------------------------------

    def set_content(self, content: NoteContent) -> None:
        """Show this note; the preview follows after a short pause in typing."""
        if content == self._content and self._result is not None:
            return
        self._content = content
        self._timer.start()

    def relist_hands(self) -> None:
        """A hand was kept or changed: list the kept hands afresh (the preview follows)."""
        add_hands(self.font_box, self._ctx.store, self._partner)
        self.font_box.currentIndexChanged.emit(self.font_box.currentIndex())

    def set_partner(self, partner: str) -> None:
        """Switch to the style the given partner ("a" or "b") used last."""
        self._partner = partner if partner in STYLE_OPTIONS else "a"
        self._restore_partner_style()

    def style_json(self) -> str:
        return self._style.to_json()

    def set_style_json(self, text: str | None) -> None:
        """Use a stored style (e.g. a saved message's); None restores the partner's last style."""
        if text is None:
            self._restore_partner_style()
            return
        self._apply_style(NoteStyle.from_json(text), remember=False)

    def style(self) -> NoteStyle:
        return self._style

    def result(self) -> RenderResult | None:
        """What the last layout reported (size chosen, overflow, suggestion)."""
        return self._result

    def is_overflowing(self) -> bool:
        return self._overflow

    def another_take(self) -> None:
        """Write the note out again with a fresh wobble."""
        self._apply_style(replace(self._style, seed=(self._style.seed * 7919 + 104729) % 1_000_003))

    def export_pdf(self, path: str | Path) -> None:
        """Save a vector PDF (fonts embedded) in the background; `exported` fires when done."""
        content, style, target = self._content, self._style, str(path)
        run_task(lambda: render_pdf(content, style, target),
                 on_result=lambda _result: self._alive() and self.exported.emit("pdf", target),
                 on_error=lambda exc: self._alive() and self._export_failed("pdf", exc))

    def export_png(self, path: str | Path) -> None:
        """Save a PNG at twice the screen's density, for messaging apps."""
        content, style, target = self._content, self._style, str(path)
        dpi = 2 * self._screen_dpi()

        def work() -> None:
            image = render_plan_image(plan_note(content, style), dpi)
            if not image.save(target, "PNG"):
                raise OSError("the picture could not be written there")

        run_task(work, on_result=lambda _none: self._alive() and self.exported.emit("png", target),
                 on_error=lambda exc: self._alive() and self._export_failed("png", exc))

    def print_note(self) -> None:
        """Open the system print dialog with the layout's paper already chosen."""
        layout = LAYOUTS_BY_KEY[self._style.layout]
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(layout.page_layout())
        printer.setFullPage(True)
        self._printer = printer  # kept alive while the dialog is open
        self.open_print_dialog(printer, lambda: self._print_accepted(printer))

    # --- internals ------------------------------------------------------------------------------

    def _alive(self) -> bool:
        """False once Qt has deleted the panel; a background render may finish after that."""
        return shiboken6.isValid(self)

    def _print_accepted(self, printer: QPrinter) -> None:
        wanted = LAYOUTS_BY_KEY[self._style.layout].page_layout()
        got = printer.pageLayout()
        if (not got.pageSize().isEquivalentTo(wanted.pageSize())
                or got.orientation() != wanted.orientation()):
            # Some dialogs reset the paper to the printer's default; the card needs its own.
            logger.info("print dialog changed the page; restoring the layout's paper")
            printer.setPageLayout(wanted)
        try:
            print_plan(printer, self._content, self._style)
        except Exception as exc:  # a printer error must not lose the note
            self._export_failed("print", exc)
            return
        # "Print to file" in the dialog saves a PDF: the note was kept, not printed.
        target = printer.outputFileName()
        self.exported.emit("pdf" if target else "print", target)

    def _open_system_print_dialog(self, printer: QPrinter, on_accepted: Callable[[], None]
                                  ) -> None:
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("notePrintDialog")
        dialog.setWindowTitle(self.tr("Print note"))
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(dialog.deleteLater)
        # QPrintDialog.open() in PySide6 is only the (receiver, slot) overload; the dialog's own
        # window-modal open is QDialog's.
        QDialog.open(dialog)

    def _ask_save_path(self, kind: str, suggested: str) -> str | None:
        filters = {"pdf": self.tr("PDF document (*.pdf)"), "png": self.tr("PNG picture (*.png)")}
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save note"), str(Path(folder) / suggested), filters[kind])
        return path or None

    def _export_via_dialog(self, kind: str) -> None:
        suggested = f"note-{self._style.layout}.{kind}"
        path = self.choose_save_path(kind, suggested)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        (self.export_pdf if kind == "pdf" else self.export_png)(path)

    def _export_failed(self, kind: str, exc: Exception) -> None:
        logger.warning("note export (%s) failed: %s", kind, type(exc).__name__)
        show_error(self, self.tr("Could not save the note"),
                   self.tr("The note could not be saved or printed. Your text is safe; "
                           "try another folder or printer."), str(exc))

    def _screen_dpi(self) -> float:
        screen = self.screen()
        return screen.logicalDotsPerInch() if screen is not None else 96.0

    def _restore_partner_style(self) -> None:
        stored = self._settings.get(STYLE_OPTIONS[self._partner])
        self._apply_style(NoteStyle.from_json(stored or None), remember=False)

    def _apply_style(self, style: NoteStyle, remember: bool = True) -> None:
        self._style = style
        self._updating_controls = True
        try:
            for box, value in ((self.layout_box, style.layout), (self.font_box, style.font),
                               (self.ink_box, style.ink), (self.paper_box, style.paper),
                               (self.decoration_box, style.decoration)):
                box.setCurrentIndex(max(0, box.findData(value)))
            self.neat_check.setChecked(style.neat)
        finally:
            self._updating_controls = False
        if remember:
            self._settings.set(STYLE_OPTIONS[self._partner], style.to_json())
        self._timer.start()
        self.style_changed.emit(style.font, style.ink)

    def set_handwriting(self, font_key: str) -> None:
        """The handwriting chosen in the editor: the card's too (one choice)."""
        if font_key != self._style.font:
            self._apply_style(replace(self._style, font=font_key))

    def set_ink(self, ink_key: str) -> None:
        """The ink chosen in the editor: the card's too."""
        if ink_key != self._style.ink:
            self._apply_style(replace(self._style, ink=ink_key))

    def _controls_changed(self, *_args: object) -> None:
        if self._updating_controls:
            return
        style = replace(
            self._style,
            layout=self.layout_box.currentData(),
            font=self.font_box.currentData(),
            ink=self.ink_box.currentData(),
            paper=self.paper_box.currentData(),
            decoration=self.decoration_box.currentData(),
            neat=self.neat_check.isChecked(),
        )
        self._apply_style(style)

    def _use_suggested_layout(self) -> None:
        if self._result is not None and self._result.suggested_layout:
            self._apply_style(replace(self._style, layout=self._result.suggested_layout))

    def _render_preview(self) -> None:
        """Lay out and paint the preview in the background; stale results are dropped."""
        self._generation += 1
        generation = self._generation
        content, style = self._content, self._style
        ratio = self.devicePixelRatioF() or 1.0
        room = (max(self.preview.width(), 220), max(self.preview.height(), 260))

        def work() -> tuple[QImage, RenderResult]:
            plan = plan_note(content, style)
            image = render_plan_image(plan, preview_dpi(plan, room, ratio))
            image.setDevicePixelRatio(ratio)
            return image, plan.result

        def done(outcome: tuple[QImage, RenderResult]) -> None:
            if self._alive() and generation == self._generation:
                self._show_result(*outcome)

        def failed(exc: Exception) -> None:
            if self._alive():
                self._export_failed("preview", exc)

        run_task(work, on_result=done, on_error=failed)

    def _show_result(self, image: QImage, result: RenderResult) -> None:
        self.preview.set_image(image)
        self._result = result
        self.size_label.setText(self.tr("Writing size %1 pt").replace(
            "%1", f"{result.font_size:.0f}"))
        self._show_overflow(result)
        if result.overflow != self._overflow:
            self._overflow = result.overflow
            self.overflow_changed.emit(result.overflow)
        self.preview_updated.emit()

    def _show_overflow(self, result: RenderResult) -> None:
        if not result.overflow:
            self.overflow_label.hide()
            self.use_suggested_button.hide()
            return
        colours = current_colours()
        self.overflow_label.setStyleSheet(f"color: {colours.accent}; font-weight: 600;")
        label = note_word(LAYOUTS_BY_KEY[result.layout].label)
        if result.notes > result.notes_capacity:
            text = self.tr("A lunchbox sheet holds %1 notes; this makes %2. Remove some, or "
                           "print the rest on a second sheet.").replace(
                "%1", str(result.notes_capacity)).replace("%2", str(result.notes))
        else:
            text = self.tr("Too long for “%1”, even in the smallest comfortable writing: "
                           "the end would not be printed.").replace("%1", label)
        if result.suggested_layout:
            suggestion = note_word(LAYOUTS_BY_KEY[result.suggested_layout].label)
            text += " " + self.tr("It fits on “%1”.").replace("%1", suggestion)
            self.use_suggested_button.setText(self.tr("Use %1").replace("%1", suggestion))
            self.use_suggested_button.show()
        else:
            self.use_suggested_button.hide()
        self.overflow_label.setText(text)
        self.overflow_label.show()
