"""LoveBridge in another language: catalogues current, every main screen translated, plurals
agree, and a right-to-left language mirrors the window."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from lovebridge.ui import settings as opts
from lovebridge.ui.i18n import Interpreter, available_languages, locale_for

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

# Words that are English and not Spanish: a visible text holding one of them was not translated.
ENGLISH_ONLY = frozenset(re.findall(r"\w+", """
    the and your you with of to is for this that it on in at by from our we what when where how
    all new more one day days note notes memory memories photo photos today write back save
    open add edit delete send print copy nothing here there them they their can will yet just
"""))
# Views that show the couple's own words or the template/idea/prompt library, which stays English
# for now (README: "Translations"); their chrome around them is checked like everything else.
CONTENT_VIEWS = ("suggestionList", "ideaList", "templateKinds")


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for every text a person can see or hear in `window` right now."""
    found: list[tuple[str, str]] = []
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window):
            continue
        if any(child.objectName() == name or _inside(child, name) for name in CONTENT_VIEWS):
            continue
        texts: list[str] = [child.accessibleName(), child.toolTip()]
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QTabBar):
            texts += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.index(r, 0).data() or "") for r in range(model.rowCount())]
        found += [(child.objectName() or type(child).__name__, t) for t in texts if t]
    return found


def _inside(widget: QWidget, name: str) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == name:
            return True
        parent = parent.parentWidget()
    return False


def english_in(texts: list[tuple[str, str]], names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The texts that still read as English (the couple's names and places aside)."""
    left = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>", " ", text)
        for name in names:
            plain = plain.replace(name, " ")
        if set(re.findall(r"[^\W\d_]+", plain.lower())) & ENGLISH_ONLY:
            left.append((where, text))
    return left


@pytest.fixture
def spanish(qapp):
    interpreter = Interpreter()
    interpreter.install(qapp, "es")
    yield interpreter
    interpreter.uninstall(qapp)


def test_catalogues_hold_every_string_in_the_code_and_are_compiled() -> None:
    assert translations.check() == []


def test_spanish_is_offered_in_preferences_by_its_own_name() -> None:
    names = {lang.code: lang.name for lang in available_languages()}
    assert set(names) >= {"en", "es"} and names["es"] == "Español"
    assert opts.LANGUAGE.default == "system"


def test_a_system_without_a_language_gets_british_english() -> None:
    assert locale_for("system", QLocale(QLocale.Language.C)).name() == "en_GB"
    assert locale_for("es").language() == QLocale.Language.Spanish


def test_every_room_reads_in_spanish(qtbot, spanish, main_window) -> None:
    assert QCoreApplication.translate("MainWindow", "Write") == "Escribir"
    main_window.resize(1440, 900)
    untranslated = []
    for room in range(3):
        main_window.show_room(room)
        qtbot.wait(50)
        untranslated += english_in(visible_texts(main_window), ("Maya", "Jonah"))
    assert untranslated == [], "\n".join(map(repr, untranslated))


def test_the_anniversary_occasion_reaches_write_in_spanish(
    qtbot, spanish, ctx, make_window
) -> None:
    from datetime import date

    from lovebridge.core.profile import CoupleProfile, ProfileService
    from lovebridge.ui.shell.rooms import DATES

    ProfileService(ctx.store).save(CoupleProfile("Maya", "Jonah", date(2020, 11, 27)))
    window = make_window()
    window.show_room(DATES)
    dates = window.dates_room
    assert dates.countdown_label.text() == "Próximo: 6 años juntos"
    qtbot.mouseClick(dates.nudge_button, Qt.MouseButton.LeftButton)
    occasion = window.write_room.compose.occasion
    assert occasion.isVisibleTo(window)
    assert occasion.text() == "6 años juntos el viernes"


def test_a_right_to_left_language_mirrors_the_window(qtbot, qapp, main_window) -> None:
    interpreter = Interpreter()
    interpreter.install(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        main_window.resize(1024, 700)
        qtbot.wait(50)
        sidebar = main_window.findChild(QWidget, "roomList")
        assert sidebar is not None
        # The room switcher sits on the right edge when the language reads right to left.
        assert sidebar.mapTo(main_window, sidebar.rect().topLeft()).x() > main_window.width() // 2
    finally:
        interpreter.uninstall(qapp)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_right_to_left_the_month_reads_from_the_right(qtbot, qapp, main_window) -> None:
    """Arabic or Hebrew: the week's first day is the rightmost column, its number at the cell's
    right edge; the arrow to the previous month sits on the right and points right."""
    from lovebridge.ui.shell.rooms import DATES
    from lovebridge.ui.theme import current_colours

    interpreter = Interpreter()
    interpreter.install(qapp, "ar")
    try:
        main_window.resize(1024, 700)
        main_window.show_room(DATES)
        dates = main_window.dates_room
        qtbot.wait(50)
        view = dates.month_view
        first = view.first_shown()  # a Monday, the week's first day here
        cell = view.cell_rect(first)
        assert cell.right() >= view.width() - 2 and cell.left() > view.width() * 5 // 7
        assert view.cell_rect(first + timedelta(days=6)).left() == 0
        # A click on the rightmost cell of the second row picks that week's first day.
        monday = first + timedelta(days=7)
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.cell_rect(monday).center())
        assert view.selected == monday
        qtbot.keyClick(view, Qt.Key.Key_Left)  # leftwards is later in the week
        assert view.selected == monday + timedelta(days=1)
        # Today's number (its accent circle) is painted at the right edge of its cell.
        image = view.grab().toImage()
        today = view.cell_rect(view.today)
        accent = QColor(current_colours().accent)
        marked = [x for x in range(today.left(), today.right())
                  for y in range(today.top(), today.top() + 30)
                  if _near(image.pixelColor(x, y), accent)]
        assert marked and min(marked) > today.center().x()
        # The month's arrows: "previous" on the right, drawn pointing right (outwards).
        prev_button, next_button = dates.prev_button, dates.next_button
        origin = QPoint(0, 0)
        assert prev_button.mapTo(dates, origin).x() > next_button.mapTo(dates, origin).x()
        prev_in_rtl = _ink_columns(prev_button.grab().toImage())
    finally:
        interpreter.uninstall(qapp)
    qtbot.wait(50)
    next_in_ltr = _ink_columns(dates.next_button.grab().toImage())
    assert prev_in_rtl == next_in_ltr  # the same glyph, "›"


def test_right_to_left_rows_of_buttons_start_at_the_right(qtbot, qapp) -> None:
    """Wrapping rows (the kinds of note, the send buttons, the idea filters) read from the
    right, and "back" buttons point right, the way back lies in right-to-left."""
    from PySide6.QtWidgets import QPushButton

    from lovebridge.core.write.rhythm import WeekCount
    from lovebridge.ui.common.flow_layout import flow_container
    from lovebridge.ui.common.widgets import back_text
    from lovebridge.ui.theme import current_colours
    from lovebridge.ui.write.rhythm_card import WeeklyBars

    interpreter = Interpreter()
    interpreter.install(qapp, "ar")
    try:
        holder, flow = flow_container()
        buttons = [QPushButton(text) for text in ("First", "Second", "Third")]
        for button in buttons:
            flow.addWidget(button)
        qtbot.addWidget(holder)
        holder.resize(600, 200)
        holder.show()
        qtbot.waitExposed(holder)
        first, second, third = (b.geometry() for b in buttons)
        assert first.right() == holder.width() - 1
        assert first.left() > second.right() and second.left() > third.right()
        assert back_text("← Your notes") == "→ Your notes"
        # The weekly rhythm runs from the right too: this week's bar is the leftmost.
        bars = WeeklyBars()
        qtbot.addWidget(bars)
        bars.resize(300, 72)
        bars.set_weeks([WeekCount(date(2026, 11, 2) + timedelta(weeks=n), 3 if n == 3 else 0)
                        for n in range(4)])
        image = bars.grab().toImage()
        accent = QColor(current_colours().accent)
        inked = [x for x in range(image.width()) if _near(image.pixelColor(x, 60), accent)]
        assert inked and max(inked) < image.width() // 4
    finally:
        interpreter.uninstall(qapp)
    assert back_text("← Your notes") == "← Your notes"


def test_an_english_title_in_a_right_to_left_month_keeps_its_ellipsis_at_its_end(
    qtbot, qapp
) -> None:
    """A plan named in English, cut short on an Arabic calendar, reads "Dinner at th…", not
    "…Dinner at th": the chip draws each title in its own direction."""
    from lovebridge.ui.dates.month_view import DayEntry, MonthView, text_direction

    day = date(2026, 12, 9)

    def ink_of_chip() -> list[int]:
        view = MonthView()
        qtbot.addWidget(view)
        view.resize(700, 520)
        view.set_month(2026, 12)
        view.set_entries({day: [DayEntry("Dinner at the little Italian place", "plan")]})
        image = view.grab().toImage()
        rect, _entry = view.chip_rects(day)[0]
        columns = [sum(1 for y in range(rect.top(), rect.bottom())
                       if image.pixelColor(x, y).lightness() < 120)
                   for x in range(rect.left(), rect.right())]
        while columns and not columns[0]:
            columns.pop(0)
        while columns and not columns[-1]:
            columns.pop()
        return columns

    left_to_right = ink_of_chip()
    interpreter = Interpreter()
    interpreter.install(qapp, "ar")
    try:
        right_to_left = ink_of_chip()
    finally:
        interpreter.uninstall(qapp)
    # The "…" is three small dots: the end of the ink it closes is far lighter than its start.
    assert sum(left_to_right[-9:]) * 2 < sum(left_to_right[:9])
    assert sum(right_to_left[-9:]) * 2 < sum(right_to_left[:9])
    assert text_direction("عشاء في المطعم", Qt.LayoutDirection.LeftToRight) == (
        Qt.LayoutDirection.RightToLeft)
    assert text_direction("♥ 7", Qt.LayoutDirection.RightToLeft) == Qt.LayoutDirection.RightToLeft


def _near(colour: QColor, target: QColor) -> bool:
    return all(abs(a - b) < 12 for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3],
                                                     strict=True))


def _ink_columns(image) -> list[int]:  # noqa: ANN001 - a QImage
    """How many dark pixels each column of a button's glyph has, ignoring its frame."""
    width, height = image.width(), image.height()
    return [sum(1 for y in range(6, height - 6) if image.pixelColor(x, y).lightness() < 110)
            for x in range(6, width - 6)]


@pytest.mark.parametrize(("count", "english", "spanish"), [
    (1, "1 photo added. These files were left out:",
     "Se añadió 1 foto. Estos archivos se quedaron fuera:"),
    (3, "3 photos added. These files were left out:",
     "Se añadieron 3 fotos. Estos archivos se quedaron fuera:"),
])
def test_counts_agree_with_their_noun_in_english_and_spanish(qapp, count, english, spanish) -> None:
    source = "%n photo(s) added. These files were left out:"
    for language, expected in (("en", english), ("es", spanish)):
        interpreter = Interpreter()
        interpreter.install(qapp, language)
        try:
            assert QCoreApplication.translate("ScrapbookRoom", source, "", count) == expected
        finally:
            interpreter.uninstall(qapp)


def test_a_backup_is_described_in_whole_words(qapp) -> None:
    from lovebridge.ui.backup import describe_counts

    interpreter = Interpreter()
    interpreter.install(qapp, "en")
    try:
        text = describe_counts({"message": 1, "memory": 4, "photo": 1200, "plan": 0})
    finally:
        interpreter.uninstall(qapp)
    assert text == "1 note, 4 memories, 1,200 photos and 0 plans"


def test_kinds_of_note_read_in_spanish_while_template_texts_stay_english() -> None:
    from lovebridge.core.write.templates import load_library

    english, spanish = load_library(), load_library(language="es")
    labels = {c.key: c.label for c in spanish.categories}
    assert labels["birthday"] == "Feliz cumpleaños" and labels["missing_you"] == "Te echo de menos"
    # Every kind has its Spanish words; none is left in English.
    english_labels = {c.key: c.label for c in english.categories}
    assert set(labels) == set(english_labels)
    assert [k for k in labels if labels[k] == english_labels[k]] == []
    assert all(c.description for c in spanish.categories)
    # The notes themselves are not translated yet: the same English text under the same keys.
    assert {t.key: t.text for t in spanish.templates} == {t.key: t.text for t in english.templates}


def test_a_language_without_a_catalogue_reads_in_whole_english_words(qapp) -> None:
    interpreter = Interpreter()
    interpreter.install(qapp, "fr")
    try:
        # Asked of the interpreter's own translators (the tests' session-wide English aside).
        texts = [t.translate("ScrapbookRoom", "The trash was emptied (%n item(s)).", "", 3)
                 for t in interpreter.translators]
    finally:
        interpreter.uninstall(qapp)
    assert "The trash was emptied (%n items)." in texts


def test_a_chosen_language_keeps_the_systems_region_where_it_can() -> None:
    mexico = QLocale("es_MX")
    assert locale_for("es", mexico).name() == "es_MX"
    assert locale_for("en", mexico).name() == "en_GB"
    assert locale_for("en", QLocale("en_US")).name() == "en_US"
