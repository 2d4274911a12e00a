"""The Write room's home and models: rhythm without pressure, models that pass qtmodeltester."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.core.write.suggestions import SuggestionEngine
from lovebridge.core.write.templates import load_library
from lovebridge.store.models import Memory, Plan
from lovebridge.ui.settings import CURRENT_PARTNER
from lovebridge.ui.write.history import HistoryModel
from lovebridge.ui.write.suggestion_model import SuggestionModel
from tests.conftest import FIXED_NOW

PACKAGE = Path(__file__).resolve().parents[2] / "lovebridge"
GUILT_WORDS = re.compile(r"\b(streaks?|behind|missed)\b", re.IGNORECASE)


def give(ctx, author: str, days_ago: int, text: str = "A small note") -> None:
    messages = MessageService(ctx.store, clock=lambda: FIXED_NOW - timedelta(days=days_ago))
    record = messages.save(Draft(None, author, "", text))
    messages.record_sent(record.uuid, "print")
    messages.mark_given(record.uuid)


def test_models_pass_qtmodeltester(qtmodeltester, ctx) -> None:
    library = load_library()
    model = SuggestionModel()
    model.set_category_labels({c.key: c.label for c in library.categories})
    qtmodeltester.check(model)
    from lovebridge.core.write.placeholders import FillValues

    model.set_results(SuggestionEngine(library.templates).rank("thank you", 30),
                      FillValues(partner="Jonah"))
    qtmodeltester.check(model)
    assert model.rowCount() == 30
    assert model.roleNames()[Qt.ItemDataRole.UserRole + 1] == b"key"
    give(ctx, "a", 1)
    history = HistoryModel()
    history.set_messages(MessageService(ctx.store).search())
    qtmodeltester.check(history)
    assert history.rowCount() == 1


def test_home_shows_the_last_note_the_rhythm_and_a_gentle_turn_hint(qtbot, ctx, couple,
                                                                      settings, make_window
                                                                      ) -> None:
    for days in (1, 4, 9, 30):
        give(ctx, "b", days)
    settings.set(CURRENT_PARTNER, "a")
    window = make_window()
    window.show_room(0)
    card = window.write_room.rhythm_card
    assert card.last_note.text() == "Last note given yesterday, from Jonah to Maya."
    assert card.turn.text() == "Jonah has written the last few — maybe reply?"
    weeks = card.chart.weeks
    assert len(weeks) == 16 and sum(w.count for w in weeks) == 4
    # FIXED_NOW is a Monday: yesterday (Sunday) and Thursday fall in last week.
    assert [w.count for w in weeks[-3:]] == [1, 2, 0]
    image = card.chart.grab().toImage()
    assert image.width() > 100


def test_writing_back_turns_the_hint_around(qtbot, main_window) -> None:
    ctx = main_window.ctx
    for days in (1, 2, 3):
        give(ctx, "a", days)
    room = main_window.write_room
    room.refresh_home()
    assert "it might be Jonah's turn" in room.rhythm_card.turn.text()


def test_category_chips_start_a_note_and_the_back_button_returns_home(qtbot, main_window) -> None:
    room = main_window.write_room
    main_window.show_room(0)
    chips = [b for b in room.findChildren(QPushButton) if b.objectName().startswith("category-")]
    assert len(chips) == len(load_library().categories) >= 14
    qtbot.mouseClick(room.findChild(QPushButton, "category-good_night"), Qt.MouseButton.LeftButton)
    assert room.compose.suggestions.category() == "good_night"
    qtbot.mouseClick(room.compose.back_button, Qt.MouseButton.LeftButton)
    assert room.pages.currentWidget() is room.home
    qtbot.mouseClick(room.new_note_button, Qt.MouseButton.LeftButton)
    assert room.compose.suggestions.category() is None


def test_coming_up_offers_a_note_for_a_memory_from_this_day(qtbot, ctx, couple, make_window
                                                              ) -> None:
    with ctx.store.session_scope() as session:
        session.add(Memory(title="our picnic at the lake", date_year=2022, date_month=11,
                           date_day=23, place="Loch Lomond"))
        session.add(Plan(title="Pasta night", starts_at=FIXED_NOW + timedelta(days=3)))
    window = make_window()
    window.show_room(0)
    room = window.write_room
    texts = [label.text() for label in room.coming_up.findChildren(QLabel)]
    assert "On this day in 2022: our picnic at the lake" in texts
    day = (FIXED_NOW + timedelta(days=3)).astimezone().strftime("%A")
    assert f"Pasta night on {day}" in texts
    buttons = room.coming_up.findChildren(QPushButton, "comingUpWrite")
    memory_button = next(b for b in buttons if "picnic" in b.accessibleName())
    qtbot.mouseClick(memory_button, Qt.MouseButton.LeftButton)
    compose = room.compose
    assert compose.suggestions.category() == "remembering"
    assert compose.occasion.text() == "On this day in 2022: our picnic at the lake"
    assert compose.memory_box.currentText().startswith("our picnic at the lake")
    assert compose.fill_values().place == "Loch Lomond"


def test_the_editor_writes_in_the_cards_handwriting_and_ink_one_choice(qtbot, main_window
                                                                        ) -> None:
    from PySide6.QtGui import QFontInfo

    from lovebridge.render.fonts import font_family
    from lovebridge.render.style import INKS_BY_KEY

    room = main_window.write_room
    room.start_note(NoteRequest())
    compose = room.compose
    bar, panel, editor = compose.format_bar, compose.note_panel, compose.editor
    qtbot.keyClicks(editor, "hello")
    # What the editor really draws with is the card's handwriting, loaded into Qt's database.
    assert QFontInfo(editor.font()).family() == font_family(panel.style().font)
    assert QFontInfo(editor.document().defaultFont()).family() == font_family(
        panel.style().font)
    # Chosen in the editor: the card follows (and its own box shows the same choice).
    bar.font_box.setFocus()
    kalam = bar.font_box.findData("kalam")
    bar.font_box.setCurrentIndex(kalam)
    bar.font_box.activated.emit(kalam)
    assert panel.style().font == "kalam" and panel.font_box.currentData() == "kalam"
    assert QFontInfo(editor.font()).family() == font_family("kalam")
    # Chosen on the card: the editor follows; the ink colour is the card's ink.
    panel.ink_box.setCurrentIndex(panel.ink_box.findData("red"))
    assert INKS_BY_KEY["red"].colour in editor.styleSheet()
    panel.font_box.setCurrentIndex(panel.font_box.findData("indie_flower"))
    assert bar.font_box.currentData() == "indie_flower"
    assert QFontInfo(editor.font()).family() == font_family("indie_flower")
    # Only the handwriting fonts are offered: nothing chosen here can fail to reach the card.
    assert [bar.font_box.itemData(i) for i in range(bar.font_box.count())] == [
        panel.font_box.itemData(i) for i in range(panel.font_box.count())]


def test_misspelt_words_get_a_wavy_underline_once_the_dictionary_loads(qtbot, main_window
                                                                       ) -> None:
    room = main_window.write_room
    room.start_note(NoteRequest())
    highlighter = room.compose.editor.highlighter
    qtbot.waitUntil(lambda: highlighter._dictionary is not None, timeout=20000)
    qtbot.keyClicks(room.compose.editor, "thank yuo for the soupp, Jonah")
    layout = room.compose.editor.document().firstBlock().layout()
    underlined = sorted((f.start, f.length) for f in layout.formats()
                        if f.format.underlineStyle() == f.format.UnderlineStyle.SpellCheckUnderline)
    assert underlined == [(6, 3), (18, 5)]


def test_no_guilt_language_anywhere_in_the_write_room() -> None:
    """The app's own words never keep score (a partner may of course write "I missed you")."""
    offenders = []
    for folder in (PACKAGE / "core" / "write", PACKAGE / "ui" / "write"):
        for path in folder.glob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if GUILT_WORDS.search(line):
                    offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_one_click_switches_who_is_writing_and_the_note_is_signed_by_them(
        qtbot, main_window) -> None:
    from lovebridge.ui.settings import CURRENT_PARTNER

    room = main_window.write_room
    room.start_note(NoteRequest())
    compose = room.compose
    qtbot.keyClicks(compose.editor, "Thank you for the soup")
    jonah = compose.writer_buttons["b"]
    assert jonah.text() == "Jonah" and compose.writer_buttons["a"].isChecked()
    qtbot.mouseClick(jonah, Qt.MouseButton.LeftButton)
    assert jonah.isChecked() and jonah.text() == "Jonah writing"
    assert main_window.settings.get(CURRENT_PARTNER) == "b"
    assert compose.fill_values().me == "Jonah"
    record = MessageService(main_window.ctx.store).get(compose.current_uuid())
    assert record.author == "b"


def test_a_printed_note_counts_as_given_on_the_rhythm_card(qtbot, ctx, couple,
                                                             make_window) -> None:
    """The chart counts printed notes; the line above it must not say none was given."""
    messages = MessageService(ctx.store, clock=lambda: FIXED_NOW - timedelta(days=4))
    record = messages.save(Draft(None, "b", "", "Printed, left on the pillow"))
    messages.record_sent(record.uuid, "print")
    window = make_window()
    window.show_room(0)
    card = window.write_room.rhythm_card
    assert sum(w.count for w in card.chart.weeks) == 1
    assert card.last_note.text() == "Last note given 4 days ago, from Jonah to Maya."


def test_note_previews_end_in_an_ellipsis_after_a_whole_word(qtbot, ctx, couple,
                                                             make_window) -> None:
    """A long note's card in "Your notes" ends with "…" after a whole word (not cut mid-word
    with no sign that there is more); the whole note is in the tooltip; the small header line
    and the drawn lines fit the card."""
    from lovebridge.ui.common.text_lines import card_lines

    long_note = ("Thank you for the walk by the river on Sunday afternoon, for the purple "
                 "umbrella you remembered, for the soup, and for listening when I went on "
                 "and on about work. Extraordinarily grateful, always.")
    give(ctx, "a", 1, long_note)
    window = make_window()
    window.resize(800, 600)
    window.show_room(0)
    view = window.write_room.history.list
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    index = view.model().index(0, 0)
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    assert shown.endswith("…") and len(shown) <= 141
    assert long_note.startswith(shown[:-1]) and long_note[len(shown) - 1] in " ,", shown
    assert index.data(Qt.ItemDataRole.ToolTipRole) == long_note
    rect = view.visualRect(index)
    width = rect.width() - 32
    drawn = card_lines(shown, view.font(), width, 2)
    assert drawn[-1].endswith("…"), drawn
    assert all(view.fontMetrics().horizontalAdvance(line) <= width for line in drawn), drawn
    words = set(long_note.replace(",", " ").split())
    assert drawn[-1][:-1].split()[-1].strip(",") in words  # a whole word before the "…"
