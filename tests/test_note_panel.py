"""NotePanel driven like a person would: pick a style, watch the preview, print and export."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextEdit

from lovebridge.core.links import NoteRequest
from lovebridge.render.content import NoteContent
from lovebridge.render.layouts import LAYOUTS_BY_KEY
from lovebridge.render.style import NoteStyle
from lovebridge.ui.write.note_panel import NOTE_STYLE_A, NotePanel

MM = 72 / 25.4
NOTE = NoteContent("Thank you for the picnic by the lake on Sunday.", "Jonah", "Maya")
LONG = NoteContent("I keep thinking about our walk along the river last spring. " * 30,
                   "Jonah", "Maya")


@pytest.fixture
def panel(qtbot, ctx, settings) -> NotePanel:
    widget = NotePanel(ctx, settings)
    qtbot.addWidget(widget)
    widget.resize(420, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(qtbot, panel: NotePanel, content: NoteContent) -> None:
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        panel.set_content(content)


def choose(qtbot, panel: NotePanel, combo, key: str) -> None:
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        combo.setCurrentIndex(combo.findData(key))


def test_preview_follows_the_text_and_the_style(qtbot, panel: NotePanel) -> None:
    show(qtbot, panel, NOTE)
    first = QImage(panel.preview.image())
    assert not first.isNull()
    choose(qtbot, panel, panel.font_box, "kalam")
    assert panel.preview.image() != first
    assert panel.style().font == "kalam"
    before = panel.style().seed
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        qtbot.mouseClick(panel.another_take_button, Qt.MouseButton.LeftButton)
    assert panel.style().seed != before
    with qtbot.waitSignal(panel.preview_updated, timeout=5000):
        qtbot.mouseClick(panel.neat_check, Qt.MouseButton.LeftButton)
    assert panel.style().neat


def test_each_partner_keeps_their_own_last_style(qtbot, panel: NotePanel, settings) -> None:
    show(qtbot, panel, NOTE)
    choose(qtbot, panel, panel.ink_box, "green")
    choose(qtbot, panel, panel.paper_box, "kraft-dotted")
    assert NoteStyle.from_json(settings.get(NOTE_STYLE_A)).ink == "green"
    panel.set_partner("b")
    assert panel.style().ink == NoteStyle().ink
    assert panel.ink_box.currentData() == NoteStyle().ink
    panel.set_partner("a")
    assert (panel.style().ink, panel.style().paper) == ("green", "kraft-dotted")
    saved = NoteStyle(layout="envelope-dl", font="kristi").to_json()
    panel.set_style_json(saved)
    assert panel.layout_box.currentData() == "envelope-dl"
    assert panel.style_json() == saved


def test_overflow_is_shown_with_a_larger_layout_to_switch_to(qtbot, panel: NotePanel) -> None:
    show(qtbot, panel, NOTE)
    assert not panel.overflow_label.isVisible()
    with qtbot.waitSignal(panel.overflow_changed, timeout=5000) as signal:
        panel.set_content(LONG)
    assert signal.args == [True]
    qtbot.waitUntil(panel.overflow_label.isVisible, timeout=3000)
    suggested = panel.result().suggested_layout
    assert suggested and LAYOUTS_BY_KEY[suggested].label in panel.overflow_label.text()
    with qtbot.waitSignal(panel.overflow_changed, timeout=5000) as signal:
        qtbot.mouseClick(panel.use_suggested_button, Qt.MouseButton.LeftButton)
    assert signal.args == [False]
    assert panel.style().layout == suggested
    qtbot.waitUntil(lambda: not panel.overflow_label.isVisible(), timeout=3000)


def test_save_as_pdf_writes_a_vector_pdf_with_the_note(qtbot, panel: NotePanel, tmp_path) -> None:
    show(qtbot, panel, NOTE)
    choose(qtbot, panel, panel.layout_box, "card-5x7")
    target = tmp_path / "note"
    panel.choose_save_path = lambda kind, suggested: str(target)
    with qtbot.waitSignal(panel.exported, timeout=10000) as signal:
        qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["pdf", str(target) + ".pdf"]
    page = pypdf.PdfReader(signal.args[1]).pages[0]
    assert float(page.mediabox.width) == pytest.approx(127 * MM, abs=1.5)
    assert "picnic by the lake" in " ".join(page.extract_text().split())


def test_save_as_picture_is_twice_the_screen_density(qtbot, panel: NotePanel, tmp_path) -> None:
    show(qtbot, panel, NOTE)
    panel.choose_save_path = lambda kind, suggested: str(tmp_path / suggested)
    with qtbot.waitSignal(panel.exported, timeout=10000) as signal:
        qtbot.mouseClick(panel.png_button, Qt.MouseButton.LeftButton)
    kind, path = signal.args
    assert kind == "png" and path.endswith(".png")
    image = QImage(path)
    dpi = 2 * panel.screen().logicalDotsPerInch()
    assert image.width() == round(105 / 25.4 * dpi)


def test_cancelled_file_choice_writes_nothing(qtbot, panel: NotePanel, tmp_path) -> None:
    show(qtbot, panel, NOTE)
    panel.choose_save_path = lambda kind, suggested: None
    with qtbot.assertNotEmitted(panel.exported, wait=300):
        qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)


def test_print_keeps_the_cards_paper_even_if_the_dialog_resets_it(qtbot, panel: NotePanel,
                                                                   tmp_path) -> None:
    show(qtbot, panel, NOTE)
    choose(qtbot, panel, panel.layout_box, "envelope-dl")
    output = tmp_path / "printed.pdf"
    seen = {}

    def fake_dialog(printer: QPrinter, accept) -> None:
        seen["before"] = printer.pageLayout()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        # What some platform dialogs do: fall back to the printer's default paper.
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter),
                                          QPageLayout.Orientation.Portrait,
                                          printer.pageLayout().margins()))
        accept()

    panel.open_print_dialog = fake_dialog
    with qtbot.waitSignal(panel.exported, timeout=10000) as signal:
        qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["pdf", str(output)]  # printed to a file: kept, not printed
    assert seen["before"].orientation() == QPageLayout.Orientation.Landscape
    page = pypdf.PdfReader(output).pages[0]
    assert float(page.mediabox.width) == pytest.approx(220 * MM, abs=1.5)
    assert float(page.mediabox.height) == pytest.approx(110 * MM, abs=1.5)
    assert "Jonah" in page.extract_text()


def test_panel_in_the_real_write_room_follows_typing(qtbot, main_window, tmp_path) -> None:
    main_window.show_room(0)
    main_window.write_room.start_note(NoteRequest("appreciation"))  # as the Dates room asks
    panel = main_window.findChild(NotePanel)  # built with the editor, for the first note
    assert panel is not None, "the Write room mounts the note preview"
    found = (main_window.write_room.findChildren(QTextEdit)
             + main_window.write_room.findChildren(QPlainTextEdit))
    editors = [e for e in found if e.isVisible() and not e.isReadOnly()]
    assert editors, "the Write room has an editor to type in"
    tabs = main_window.write_room.findChild(QTabWidget, "writeSideTabs")
    if tabs is not None:  # bring the card preview forward, as a person would
        tabs.setCurrentIndex(tabs.count() - 1)
    editors[0].setFocus()
    with qtbot.waitSignal(panel.preview_updated, timeout=8000):
        qtbot.keyClicks(editors[0], "Thank you for the picnic by the lake")
    qtbot.waitUntil(lambda: "lake" in panel._content.text, timeout=5000)
    assert not panel.preview.image().isNull()
    choose(qtbot, panel, panel.layout_box, "quarterfold-a4")
    panel.choose_save_path = lambda kind, suggested: str(tmp_path / suggested)
    with qtbot.waitSignal(panel.exported, timeout=10000) as signal:
        qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    page = pypdf.PdfReader(signal.args[1]).pages[0]
    assert "picnic by the lake" in " ".join(page.extract_text(orientations=(180,)).split())
