"""A hand kept in Preferences reaches the open note through the shell's one change signal."""

from __future__ import annotations

from lovebridge.core.hand.service import HandwritingService
from lovebridge.core.links import NoteRequest


def test_a_hand_kept_while_a_note_is_open_joins_its_handwriting_list(
        qtbot, main_window, ctx, captured_hand) -> None:
    main_window.show_room(0)
    room = main_window.write_room
    room.start_note(NoteRequest())
    box = room.compose.note_panel.font_box
    assert box.findData("hand:Maya") < 0
    # What the My handwriting page does when a hand is kept: a commit like any other.
    HandwritingService(main_window.ctx.store).save("a", captured_hand)
    qtbot.waitUntil(lambda: box.findData("hand:Maya") == 0, timeout=5000)
    assert box.itemText(0) == "Maya's hand"
