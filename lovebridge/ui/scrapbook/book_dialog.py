"""Our year in a book: choose a year, then the PDF is made in the background with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook.book import gather_book, gather_year
from lovebridge.render.book import render_book_pdf, story_font_family
from lovebridge.store.errors import StoreFullError
from lovebridge.ui.common.widgets import heading, muted_label, primary_button
from lovebridge.ui.tasks import run_task


class BookDialog(QDialog):
    """Exports a year (or the memories chosen) as a print-ready PDF photo book."""

    exported = Signal(object, int)  # Path, page count

    def __init__(self, ctx: AppContext, years: list[int], parent: QWidget | None = None,
                 chosen_uuids: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookDialog")
        self.setWindowTitle(self.tr("Our year in a book"))
        self.setMinimumWidth(480)
        self._ctx = ctx
        self._chosen = chosen_uuids or []
        self.choose_file: Callable[[str], Path | None] = self._choose_file_with_dialog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(heading(
            self.tr("Our year in a book"),
            self.tr("A print-ready PDF: a cover, then a page for every memory with its photos "
                    "and story. Print it at home or take it to a print shop.")))
        form = QFormLayout()
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("bookYear")
        if self._chosen:
            self.year_combo.addItem(self.tr("The {n} memories chosen").format(n=len(self._chosen)),
                                    None)
        for year in years:
            self.year_combo.addItem(str(year), year)
        form.addRow(self.tr("Which memories"), self.year_combo)
        self.handwriting_box = QCheckBox(self.tr("Write the stories in a handwriting font"))
        self.handwriting_box.setChecked(True)
        form.addRow("", self.handwriting_box)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setObjectName("bookProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = muted_label("")
        self.status.setObjectName("bookStatus")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        self.export_button = primary_button(self.tr("Make the book…"))
        self.export_button.setObjectName("makeBookButton")
        self.export_button.setEnabled(self.year_combo.count() > 0)
        self.export_button.clicked.connect(self.export)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

    def _choose_file_with_dialog(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the book"), str(Path.home() / suggested), self.tr("PDF (*.pdf)"))
        return Path(name) if name else None

    def export(self) -> None:
        year = self.year_combo.currentData()
        suggested = f"LoveBridge book {year}.pdf" if year else "LoveBridge book.pdf"
        target = self.choose_file(suggested)
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        # Fonts are registered on the GUI thread; the drawing itself happens in a worker.
        family = story_font_family(self.handwriting_box.isChecked())
        ctx, chosen = self._ctx, list(self._chosen)

        def work(report: Callable[[int, int], None]) -> int:
            book = gather_year(ctx, year) if year else gather_book(ctx, chosen, "Our memories")
            if not book.memories:
                raise ValueError("There are no memories to put in this book yet.")
            return render_book_pdf(book, target, report, story_family=family)

        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Making the book…"))
        run_task(work, lambda pages: self._on_done(target, pages), self._on_failed,
                 self._on_progress, owner=self)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("Laying out memory {done} of {total}…").format(
            done=done, total=total))

    def _on_done(self, target: Path, pages: int) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Saved {name} ({pages} pages).").format(
            name=target.name, pages=pages))
        self.exported.emit(target, pages)

    def _on_failed(self, error: Exception) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        if isinstance(error, StoreFullError):
            message = self.tr(
                "The disk is full: the book needs about {mb} MB more free space there. Free "
                "some space or choose another folder.").format(
                    mb=f"{max(error.short or error.needed or 0, 1_000_000) / 1e6:,.0f}")
        else:
            message = str(error) if isinstance(error, ValueError) else self.tr(
                "The book could not be saved there. Try another folder.")
        self.status.setText(message)
