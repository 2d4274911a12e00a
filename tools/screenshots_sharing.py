"""Screenshots of Preferences › Sharing: the code and QR on the first laptop, and the second
laptop after joining. `python tools/screenshots_sharing.py [OUT] [--dark]`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from shot_kit import couple_context, open_window, options, settle, shoot, start_app

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.sync.engine import SyncEngine


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    work = Path(tempfile.mkdtemp(prefix="lb-shots-sharing-"))
    shared = work / "Sync"
    shared.mkdir()
    maya = couple_context(work / "maya")
    jonah = couple_context(work / "jonah")
    for title in ("Lantern walk", "First snow", "Harbour picnic"):
        MemoryService(maya).save(MemoryDraft(title, MemoryDate(2025)))
    window = open_window(maya)
    settle(app, 1.0)
    dialog = window.open_preferences()
    page = dialog.findChild(type(dialog), "") or None
    from lovebridge.ui.sync.sharing_page import SharingPage

    page = dialog.findChild(SharingPage)
    dialog.tabs.setCurrentWidget(page)
    page.folder_edit.setText(str(shared))
    for size, name in (((760, 560), "small"), ((1000, 720), "large")):
        dialog.resize(*size)
        shoot(app, dialog, out / f"sharing-start-{name}-{theme}.png")
    page.start_button.click()
    for _ in range(100):
        settle(app, 0.1)
        if page._code_box.isVisible():
            break
    settle(app, 1.0)
    shoot(app, dialog, out / f"sharing-code-{theme}.png")
    dialog.close()
    window.close()

    code = page.code_label.text().split("\n\n")[1]
    SyncEngine(jonah).setup_join(shared, code, name="Jonah's laptop")
    second = open_window(jonah)
    settle(app, 1.0)
    dialog = second.open_preferences()
    page = dialog.findChild(SharingPage)
    dialog.tabs.setCurrentWidget(page)
    dialog.resize(760, 560)
    settle(app, 1.5)
    shoot(app, dialog, out / f"sharing-joined-{theme}.png")
    shoot(app, second, out / f"sharing-status-line-{theme}.png")


if __name__ == "__main__":
    main()
