"""Render the Write room offscreen to PNG files, for a person to look at.

    python tools/screenshots_write.py [OUT_DIR] [--dark]

Scenes: the home (rhythm, history), a draft with suggestions and a coach hint, the card preview,
and a texted draft the coach reads (text-speak, a judgement, an empty reason), large and small.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from shot_kit import COUPLE, couple_context, open_window, options, start_app

from lovebridge.core.context import AppContext
from lovebridge.core.profile import ProfileService
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.store.models import Memory, Plan

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
PAST_NOTES = (
    ("a", 2, "Thank you for the soup when I was poorly, Jonah. It tasted like being looked after."),
    ("b", 5, "Good morning, Maya. The kettle is on and I left you the last croissant."),
    ("a", 9, "I loved walking home the long way with you last night."),
    ("b", 16, "Saturday market, then pancakes? I'll bring the big basket."),
    ("a", 23, "I'm proud of how you handled that call today."),
    ("b", 37, "Missing you on this work trip. The hotel pillows are nowhere near as good."),
    ("a", 51, "Thank you for listening on Sunday. I felt lighter afterwards."),
    ("b", 64, "Remember the thunderstorm on the ferry to Skye? Still my favourite soaking."),
)


def settle(app: QApplication, ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def seed(ctx: AppContext) -> None:
    ProfileService(ctx.store).save(replace(COUPLE, inside_jokes=("the purple umbrella",)))
    messages = MessageService(ctx.store, clock=lambda: NOW)
    for author, days_ago, text in PAST_NOTES:
        when = NOW - timedelta(days=days_ago)
        service = MessageService(ctx.store, clock=lambda w=when: w)
        record = service.save(Draft(None, author, "", text, channel="print"))
        service.record_sent(record.uuid, "print")
        service.mark_given(record.uuid)
    del messages
    with ctx.store.session_scope() as session:
        session.add(Memory(title="our picnic at the lake", date_year=2021, date_month=11,
                           date_day=23, place="Loch Lomond"))
        session.add(Plan(title="Pasta night", starts_at=NOW + timedelta(days=4), place="home"))


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "couple", clock=lambda: NOW)
        seed(ctx)
        window = open_window(ctx)
        window.show_room(0)
        settle(app)
        window.grab().save(str(out / f"write-home-{theme}.png"))
        room = window.write_room
        room.start_note(room_request("apology"))
        compose = room.compose
        compose.editor.setPlainText("I'm sorry about last night, Jonah. ")
        compose.editor.moveCursor(compose.editor.textCursor().MoveOperation.End)
        compose.editor.insertPlainText("I know you never listen when I'm tired, but ")
        settle(app)
        window.grab().save(str(out / f"write-draft-{theme}.png"))
        compose.side_tabs.setCurrentIndex(1)
        settle(app, 1500)
        window.grab().save(str(out / f"write-card-{theme}.png"))
        compose.side_tabs.setCurrentIndex(0)
        compose.editor.setPlainText("Remember when we laughed so much? I love you!!")
        compose.send_bar.set_channel("social")
        settle(app)
        window.grab().save(str(out / f"write-hints-{theme}.png"))
        compose.send_bar.set_channel("text")
        compose.editor.setPlainText("thx for everything u do. but ur so lazy w the bins, "
                                    "typical. u never txt back when ur out")
        settle(app)
        window.grab().save(str(out / f"write-coach-texting-{theme}.png"))
        window.resize(900, 640)
        settle(app)
        window.grab().save(str(out / f"write-coach-texting-small-{theme}.png"))
        for label, size in (("800x600", (800, 600)), ("large", (1600, 1000))):
            window.resize(*size)
            settle(app)
            window.grab().save(str(out / f"write-coach-texting-{label}-{theme}.png"))
        window.close()
        ctx.store.close()
    print(f"screenshots written to {out}")


def room_request(category: str):
    from lovebridge.core.links import NoteRequest

    return NoteRequest(category=category, occasion="After Sunday's argument")


if __name__ == "__main__":
    main()
