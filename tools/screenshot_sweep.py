"""Every screen at every window size, light and dark, and with a 1.5x font, as PNGs to look at.

    python tools/screenshot_sweep.py [OUT_DIR] [--dark] [--font-scale=1.5] [--sizes=1024x700,...]
    python tools/screenshot_sweep.py [OUT_DIR] --all     # light, dark and light at 1.5x
    python tools/screenshot_sweep.py [OUT_DIR] --language=es   # in Spanish ("ar": right to left)

Files are named SCREEN-WIDTHxHEIGHT-THEME[-font1.5].png. Clipped, overlapping or cut-off text
in any of them is a bug.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from shot_kit import ROOT, couple_context, open_window, settle, start_app

from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.services import DatesServices
from lovebridge.core.links import NoteRequest
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.write.messages import Draft, MessageService
from lovebridge.store.models import MemoryPlace

NOW = datetime(2026, 12, 1, 18, 30).astimezone()
SIZES = ((800, 600), (1024, 700), (1440, 900), (2560, 1440))
NOTE = ("Jonah, thank you for the walk by the river on Sunday. I loved the way the light "
        "went gold over the water, and that you remembered the purple umbrella.")


def seed(ctx) -> None:  # noqa: ANN001
    messages = MessageService(ctx.store, clock=lambda: NOW)
    for days, text in ((2, "Good morning! The kettle is on."), (9, "Proud of you today.")):
        service = MessageService(ctx.store, clock=lambda d=days: NOW - timedelta(days=d))
        record = service.save(Draft(None, "a", "", text, channel="print"))
        service.record_sent(record.uuid, "print")
    del messages
    memories = MemoryService(ctx)
    for index, title in enumerate(("Picnic at the lake", "First snow in the park",
                                   "Our very long and winding road trip to the coast",
                                   "Pancake Sunday", "The concert in the rain")):
        memories.save(MemoryDraft(title, MemoryDate.of(date(2025, 1 + index * 2, 3 + index)),
                                  "Loch Lomond" if index % 2 else "",
                                  story_text="We laughed so much. " * (1 + index)),
                      also=_with_places if index == 4 else None)
    services = DatesServices.create(ctx.store, ctx.now)
    start = NOW.replace(hour=19, minute=0) + timedelta(days=3)
    services.plans.create(PlanDraft("Date night", start, start + timedelta(hours=3),
                                    place="home"))


def _with_places(session, row) -> None:  # noqa: ANN001 - as an import records them
    for position, (town, country) in enumerate((("Lisbon", "Portugal"), ("Sintra", "Portugal"),
                                                ("Cascais", "Portugal"))):
        session.add(MemoryPlace(memory_id=row.id, position=position, name=town, country=country))


def screens(window, app):  # noqa: ANN001, ANN201
    """(name, widget to grab) for each screen, reached the way a person would."""
    window.show_room(0)
    settle(app, 0.4)
    yield "write-home", window
    room = window.write_room
    room.start_note(NoteRequest(category="thanks"))
    room.compose.editor.setPlainText(NOTE)
    settle(app, 0.6)
    yield "write-compose", window
    room.compose.side_tabs.setCurrentIndex(1)
    settle(app, 1.2)
    yield "write-card", window
    room.compose.side_tabs.setCurrentIndex(0)
    room.show_home()
    window.show_room(1)
    scrapbook = window.scrapbook_room
    settle(app, 0.6)
    yield "scrapbook-home", window
    uuid = MemoryService(window.ctx).timeline(0, 10)[0].uuid
    scrapbook.open_memory(uuid)
    settle(app, 0.4)
    yield "scrapbook-reading", window
    scrapbook.edit_memory(uuid)
    settle(app, 0.4)
    yield "scrapbook-memory", window
    scrapbook.show_home()
    window.show_room(2)
    settle(app, 0.6)
    yield "dates-month", window
    dates = window.dates_room
    for index in range(1, dates.tabs.count()):
        dates.tabs.setCurrentIndex(index)
        settle(app, 0.4)
        yield f"dates-tab{index}", window
    dates.tabs.setCurrentIndex(0)


def run(out: Path, theme: str, scale: float, sizes, language: str = "") -> None:  # noqa: ANN001
    app = start_app(theme, language or "en")
    if scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(font)
        start_app(theme)  # headings follow the larger font
    suffix = f"-{theme}" + (f"-font{scale:g}" if scale != 1.0 else "") + (
        f"-{language}" if language else "")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "couple", clock=lambda: NOW)
        seed(ctx)
        for width, height in sizes:
            window = open_window(ctx)
            window.resize(width, height)
            settle(app, 0.3)
            for name, widget in screens(window, app):
                widget.grab().save(str(out / f"{name}-{width}x{height}{suffix}.png"))
            window.close()
            window.deleteLater()
            settle(app, 0.2)
        # The welcome form, on a fresh folder with no couple yet.
        fresh = couple_context(Path(tmp) / "new", clock=lambda: NOW, with_profile=False)
        for width, height in sizes:
            window = open_window(fresh)
            window.resize(width, height)
            settle(app, 0.5)
            window.grab().save(str(out / f"welcome-{width}x{height}{suffix}.png"))
            window.close()
        ctx.store.close()
        fresh.store.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else ROOT / "screenshots" / "sweep")
    out.mkdir(parents=True, exist_ok=True)
    flags = dict(a[2:].partition("=")[::2] for a in sys.argv[1:] if a.startswith("--"))
    if "all" in flags:
        for extra in ([], ["--dark"], ["--font-scale=1.5"]):
            subprocess.run([sys.executable, __file__, str(out), *extra], check=True)
        return
    sizes = SIZES
    if flags.get("sizes"):
        sizes = tuple(tuple(int(n) for n in s.split("x")) for s in flags["sizes"].split(","))
    run(out, "dark" if "dark" in flags else "light", float(flags.get("font-scale") or 1.0),
        sizes, flags.get("language", ""))
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
