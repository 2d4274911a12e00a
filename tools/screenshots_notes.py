"""Render every note layout and the NotePanel (light and dark) to PNGs for a human to look at.

Usage: python tools/screenshots_notes.py [OUT_DIR]   (default /tmp/notes-shots)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lovebridge.render.content import NoteContent  # noqa: E402
from lovebridge.render.layouts import LAYOUTS  # noqa: E402
from lovebridge.render.renderer import render_image  # noqa: E402
from lovebridge.render.style import NoteStyle  # noqa: E402

CARD = NoteContent(
    "Thank you for the coffee you left by my laptop this morning. It was still warm when I "
    "found it, and so was I.\n\nI love how you remember the little things, like the extra "
    "cinnamon. See you tonight by the lake.",
    recipient="Jonah", sender="Maya", title="Thank you",
)
LETTER = NoteContent(
    "I have been thinking about the evening we got caught in the rain on the way back from "
    "the market, and how you held the purple umbrella over the bread instead of yourself. "
    "It still makes me laugh.\n\n"
    "These last months have been busy, and I know we have mostly talked about lists and "
    "timetables. I miss the slow evenings. Could we keep Thursday for ourselves again? A walk "
    "after dinner, no phones, just us.\n\n"
    "Thank you for your patience with me while work was heavy. I noticed every cup of tea.",
    recipient="Jonah", sender="Maya",
)
LUNCH = NoteContent(
    "Good luck with the big meeting!\n---\nThere is chocolate in the side pocket.\n---\n"
    "Proud of you, always.\n---\nWalk tonight?\n---\nYou make Mondays better.\n---\n"
    "Remember: breathe.\n---\nSoup is in the blue tub.\n---\nSee you at six"
)
VARIANTS = {
    "card-a6": dict(font="caveat", ink="blue", paper="cream-lined"),
    "card-4x6": dict(font="indie_flower", ink="black", paper="white-dotted", decoration="hearts"),
    "card-5x7": dict(font="kalam", ink="purple", paper="kraft", decoration="border"),
    "halffold-a4": dict(font="dancing_script", ink="navy", paper="cream", decoration="hearts"),
    "halffold-letter": dict(font="shadows_into_light", ink="green", paper="white"),
    "quarterfold-a4": dict(font="caveat", ink="red", paper="cream", decoration="stars"),
    "quarterfold-letter": dict(font="kristi", ink="blue", paper="white", decoration="hearts"),
    "letter-a4": dict(font="caveat", ink="navy", paper="cream-lined"),
    "letter-us": dict(font="comic_neue", ink="black", paper="white-grid"),
    "lunchbox-a4": dict(font="indie_flower", ink="blue", paper="white", decoration="hearts"),
    "lunchbox-letter": dict(font="humor_sans", ink="brown", paper="kraft"),
    "envelope-dl": dict(font="kristi", ink="navy", paper="cream"),
    "envelope-c6": dict(font="caveat", ink="blue", paper="kraft"),
    "envelope-10": dict(font="dancing_script", ink="black", paper="white"),
}


def content_for(layout_key: str) -> NoteContent:
    if layout_key.startswith("lunchbox"):
        return LUNCH
    return LETTER if layout_key.startswith("letter") else CARD


def shoot_layouts(out: Path) -> None:
    for layout in LAYOUTS:
        style = NoteStyle(layout=layout.key, seed=3, **VARIANTS[layout.key])
        image, result = render_image(content_for(layout.key), style, dpi=110)
        path = out / f"note-{layout.key}.png"
        image.save(str(path))
        print(f"{path}  size {result.font_size:.1f} pt  overflow={result.overflow}")
    for neat in (False, True):
        style = NoteStyle(layout="card-a6", seed=3, neat=neat)
        image, _result = render_image(CARD, style, dpi=110)
        image.save(str(out / f"note-card-a6-{'neat' if neat else 'hand'}.png"))


def shoot_panel(app: QApplication, out: Path) -> None:
    from lovebridge.core.context import AppContext
    from lovebridge.paths import resolve_paths
    from lovebridge.store import open_store
    from lovebridge.ui.settings import Settings
    from lovebridge.ui.theme import apply_theme
    from lovebridge.ui.write.note_panel import NotePanel

    paths = resolve_paths(tempfile.mkdtemp(prefix="lovebridge-shots-")).ensure()
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for name, content in (("panel", CARD), ("panel-overflow",
                                                NoteContent(LETTER.text * 3, "Jonah", "Maya"))):
            panel = NotePanel(ctx, Settings(paths.settings_file))
            panel.resize(420, 760)
            panel.show()
            loop = QEventLoop()
            panel.preview_updated.connect(loop.quit)
            QTimer.singleShot(8000, loop.quit)
            panel.set_content(content)
            loop.exec()
            path = out / f"{name}-{theme}.png"
            panel.grab().save(str(path))
            print(path)
            panel.close()
            panel.deleteLater()
    store.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/notes-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["lovebridge-shots"])
    shoot_layouts(out)
    shoot_panel(app, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
