"""The app shell, driven like a person would: welcome, rooms by mouse and keyboard, dialogs."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget

from lovebridge.core.profile import ProfileService
from lovebridge.ui.shell.window import MainWindow

ROOMS = ("writeRoom", "scrapbookRoom", "datesRoom")


def test_first_run_welcome_saves_the_profile(qtbot, ctx, make_window) -> None:
    window: MainWindow = make_window()
    assert window.pages.currentWidget() is window.welcome
    assert not window.menuBar().isEnabled()
    form = window.welcome.form
    qtbot.mouseClick(window.welcome.begin_button, Qt.MouseButton.LeftButton)
    assert "both first names" in form.error_label.text()
    assert window.pages.currentWidget() is window.welcome

    qtbot.keyClicks(form.my_name, "Maya")
    qtbot.keyClicks(form.partner_name, "Jonah")
    form.together_since.setDate(QDate(2019, 4, 12))
    qtbot.mouseClick(window.welcome.begin_button, Qt.MouseButton.LeftButton)

    assert window.pages.currentWidget() is window.shell
    assert window.menuBar().isEnabled()
    saved = ProfileService(ctx.store).load()
    assert (saved.partner_a, saved.partner_b, saved.together_since) == (
        "Maya", "Jonah", date(2019, 4, 12))
    assert "Maya & Jonah" in window.couple_label.text()


def test_welcome_is_skipped_once_the_profile_exists(main_window: MainWindow) -> None:
    assert main_window.pages.currentWidget() is main_window.shell
    assert main_window.objectName() == "MainWindow"
    # 2019-04-12 to the fixed clock's 2026-11-23
    assert "2,782 days together" in main_window.couple_label.text()


def test_each_room_is_reached_by_mouse(qtbot, main_window: MainWindow) -> None:
    room_list: QListWidget = main_window.findChild(QListWidget, "roomList")
    for row, name in reversed(list(enumerate(ROOMS))):
        rect = room_list.visualItemRect(room_list.item(row))
        qtbot.mouseClick(room_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert main_window.current_room().objectName() == name
        assert main_window.current_room().accessibleName()


def test_each_room_is_reached_by_keyboard(qtbot, main_window: MainWindow) -> None:
    for index, name in reversed(list(enumerate(ROOMS))):
        key = Qt.Key(Qt.Key.Key_1 + index)
        qtbot.keyClick(main_window, key, Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_room().objectName() == name


def test_last_room_and_window_size_are_remembered(main_window: MainWindow, make_window) -> None:
    main_window.show_room(2)
    main_window.resize(1000, 700)
    main_window.close()
    again = make_window()
    assert again.current_room().objectName() == "datesRoom"
    assert (again.width(), again.height()) == (1000, 700)


def test_preferences_edit_names_and_theme(qtbot, ctx, main_window: MainWindow) -> None:
    dialog = main_window.open_preferences()
    qtbot.waitExposed(dialog)
    dialog.profile_form.partner_name.clear()
    qtbot.keyClicks(dialog.profile_form.partner_name, "Jo")
    dialog.theme_choice.setCurrentIndex(dialog.theme_choice.findData("dark"))
    ok_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok_button, Qt.MouseButton.LeftButton)
    assert ProfileService(ctx.store).load().partner_b == "Jo"
    assert "Maya & Jo" in main_window.couple_label.text()
    window_colour = QApplication.instance().palette().color(QApplication.palette().ColorRole.Window)
    assert window_colour.lightness() < 80


def test_about_opens_without_blocking(qtbot, main_window: MainWindow) -> None:
    dialog = main_window.open_about()
    qtbot.waitExposed(dialog)
    assert "LoveBridge" in dialog.windowTitle()
    dialog.reject()
