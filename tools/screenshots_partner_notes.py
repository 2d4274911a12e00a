"""Screenshots of notes between the two laptops, at 800x600 (1600x1000 with --large):
sending (with "Keep it closed until", and a day already gone by), the read mark on the
sender's note, the partner's "From Maya" list with its notice, the conversation, and a
sealed note.
`python tools/screenshots_partner_notes.py [OUT] [--dark] [--large]`."""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from shot_kit import couple_context, open_window, options, settle, shoot, start_app

from lovebridge.core.links import NoteRequest
from lovebridge.core.sync.engine import SyncEngine
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.core.write.partner_notes import PartnerNotes
from lovebridge.ui.shell.window import WRITE
from lovebridge.ui.write.send_bar import PARTNER

FAST_ARGON = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}  # pictures, not security
LARGE = "--large" in sys.argv
SIZE = (1600, 1000) if LARGE else (800, 600)


def note(ctx, author: str, words: str, reply_to: str | None = None) -> str:  # noqa: ANN001
    return MessageService(ctx.store, clock=ctx.now).save(
        Draft(None, author, f"<p>{words}</p>", words, reply_to=reply_to)).uuid


def scroll_to(widget) -> None:  # noqa: ANN001
    """Scroll the page holding `widget` until it shows (the send box sits below the editor)."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 20)


def main() -> None:
    out, theme = options()
    theme_and_size = f"{theme}-large" if LARGE else theme
    app = start_app(theme)
    work = Path(tempfile.mkdtemp(prefix="lb-shots-partner-"))
    shared = work / "Sync"
    shared.mkdir()
    maya, jonah = couple_context(work / "maya"), couple_context(work / "jonah")
    maya_sync = SyncEngine(maya, argon_params=FAST_ARGON)
    jonah_sync = SyncEngine(jonah, argon_params=FAST_ARGON)
    jonah_sync.setup_join(shared, maya_sync.setup_new(shared, "Maya's laptop", "a"),
                          "Jonah's laptop", "b")
    soup = note(maya, "a", "Thank you for the soup last night. You noticed I was tired before "
                "I said a word, and that is one of the things I love most about you.")
    PartnerNotes(maya.store, maya.now).send(soup)
    trip = note(maya, "a", "Pack a bag: we leave for Lisbon at six.")
    opens = maya.now().astimezone().date() + timedelta(days=5)
    PartnerNotes(maya.store, maya.now).send(trip, opens_on=opens)
    maya_sync.sync_now()
    jonah_sync.sync_now()
    PartnerNotes(jonah.store, jonah.now).mark_read(soup)
    answer = note(jonah, "b", "Any time. Same again on Sunday? I will bring the good bread.",
                  reply_to=soup)
    PartnerNotes(jonah.store, jonah.now).send(answer)
    jonah_sync.sync_now()
    maya_sync.sync_now()

    window = open_window(maya)
    window.resize(*SIZE)
    settle(app, 1.0)
    window.show_room(WRITE)
    room = window.write_room
    room.open_message(soup)
    shoot(app, window, out / f"partner-read-status-{theme_and_size}.png")
    room.start_note(NoteRequest())
    compose = room.compose
    compose.editor.setPlainText("Happy anniversary, my love. Five years of you.")
    compose.send_bar.set_channel(PARTNER)
    compose.send_bar.partner_box.seal_box.setChecked(True)
    settle(app, 0.5)
    scroll_to(compose.send_bar.partner_box)
    shoot(app, window, out / f"partner-send-{theme_and_size}.png")
    compose.private_box.setChecked(True)
    scroll_to(compose.send_bar.partner_box)
    shoot(app, window, out / f"partner-send-private-{theme_and_size}.png")
    compose.private_box.setChecked(False)
    compose.send_to_partner(opens_on=maya.now().date() - timedelta(days=1))  # a day gone by
    settle(app, 0.3)
    scroll_to(compose.notice)
    shoot(app, window, out / f"partner-send-day-gone-{theme_and_size}.png")
    window.close()

    second = open_window(jonah)
    second.resize(*SIZE)
    settle(app, 1.0)
    second.show_room(WRITE)
    second.partner_notices.check()
    second.write_room.refresh_home()
    shoot(app, second, out / f"partner-inbox-{theme_and_size}.png")
    second.write_room.open_reader(soup)
    shoot(app, second, out / f"partner-thread-{theme_and_size}.png")
    second.write_room.open_reader(trip)
    shoot(app, second, out / f"partner-sealed-{theme_and_size}.png")
    second.close()


if __name__ == "__main__":
    main()
