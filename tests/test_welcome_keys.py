"""The welcome form as a person fills it: Enter moves on and begins; no made-up date."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from lovebridge.core.profile import ProfileService


def test_enter_moves_through_the_welcome_and_begins_with_no_invented_date(
        qtbot, ctx, make_window) -> None:  # noqa: ANN001
    window = make_window()
    form = window.welcome.form
    assert form.together_since.text() == "Choose the day"  # not "exactly one year ago"
    assert form.together_since.date() != QDate.currentDate().addYears(-1)
    form.my_name.setFocus()
    qtbot.keyClicks(form.my_name, "Maya")
    qtbot.keyClick(form.my_name, Qt.Key.Key_Return)
    assert window.focusWidget() is form.partner_name
    qtbot.keyClicks(form.partner_name, "Jonah")
    form.together_since.setFocus()
    form.together_since.setDate(QDate(2019, 4, 12))
    qtbot.keyClick(form.together_since, Qt.Key.Key_Return)  # Enter in the date box begins
    qtbot.waitUntil(lambda: ProfileService(ctx.store).load() is not None, timeout=3000)
    saved = ProfileService(ctx.store).load()
    assert (saved.partner_a, saved.partner_b) == ("Maya", "Jonah")
    assert saved.together_since is not None and saved.together_since.year == 2019


def test_leaving_the_date_unchosen_saves_no_date(qtbot, ctx, make_window) -> None:  # noqa: ANN001
    window = make_window()
    form = window.welcome.form
    qtbot.keyClicks(form.my_name, "Maya")
    qtbot.keyClicks(form.partner_name, "Jonah")
    qtbot.keyClick(form.partner_name, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: ProfileService(ctx.store).load() is not None, timeout=3000)
    assert ProfileService(ctx.store).load().together_since is None
