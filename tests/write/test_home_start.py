"""The Write room opens on its home without the compose page; the kinds of note it shows are
read from the heads of the template files and match the full library's."""

from __future__ import annotations

import pytest

from lovebridge.core.links import NoteRequest
from lovebridge.core.write.templates import load_categories, load_library


@pytest.mark.parametrize("language", [None, "es"])
def test_the_kinds_read_from_the_file_heads_are_the_full_librarys(language) -> None:
    assert load_categories(language=language) == load_library(language=language).categories


def test_a_kind_whose_file_is_broken_leaves_the_home_once_the_library_is_read(
        tmp_path) -> None:
    (tmp_path / "thanks.toml").write_text(
        'category = "thanks"\nlabel = "Thanks"\n\n[[template]]\nkey = "thanks-01"\n'
        'tone = "warm"\nlength = "short"\ntext = "Thank you."\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text(
        'category = "broken"\nlabel = "Broken"\n\n[[template]]\nkey = "nope"\n',
        encoding="utf-8")
    assert [c.key for c in load_categories(tmp_path)] == ["broken", "thanks"]
    assert [c.key for c in load_library(tmp_path).categories] == ["thanks"]


def test_the_room_opens_on_its_home_and_builds_the_editor_for_the_first_note(
        qtbot, main_window) -> None:
    main_window.show_room(0)
    room = main_window.write_room
    assert room._compose is None  # the home alone: no editor, suggestions or card preview
    assert set(room.category_buttons) == {c.key for c in load_library().categories}
    room.category_buttons["apology"].click()
    assert room.pages.currentWidget() is room.compose
    assert room.compose.suggestions.category() == "apology"
    assert room._builtin_library is not None  # every template, once a note is written


def test_starting_a_note_from_another_room_builds_the_editor_too(qtbot, main_window) -> None:
    main_window.request_note(NoteRequest(category="appreciation"))
    room = main_window.write_room
    assert room.pages.currentWidget() is room.compose
