"""Sharing inside the real window: exchanges run as jobs of the window's queue, and what they
bring shows in the room on screen without being switched away and back."""

from __future__ import annotations

from pathlib import Path

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.ui.shell.window import SCRAPBOOK
from tests.sync.helpers import make_laptop

WAIT = 30_000


def test_an_exchange_is_a_job_and_the_open_scrapbook_shows_what_arrived(
        qtbot, main_window, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    jonah = make_laptop(tmp_path, "jonah")
    try:
        code = jonah.engine.setup_new(shared)
        sharing = main_window.sharing
        sharing.engine.setup_join(shared, code)
        sharing.read_status()
        qtbot.waitUntil(lambda: "Shared with" in sharing.status_label.text(), timeout=WAIT)

        main_window.show_room(SCRAPBOOK)
        room = main_window.scrapbook_room
        qtbot.waitUntil(lambda: room.isVisible(), timeout=WAIT)
        assert room.model.total == 0
        MemoryService(jonah.ctx).save(MemoryDraft("Lantern walk", MemoryDate(2025, 10, 3)))
        jonah.engine.sync_now()

        started = []
        main_window.jobs.started.connect(lambda job: started.append(job.title))
        with qtbot.waitSignal(main_window.jobs.finished, timeout=WAIT):
            sharing.exchange()
        assert started == ["Exchanging with your partner's laptop…"]
        qtbot.waitUntil(lambda: room.model.total == 1, timeout=WAIT)
        assert MemoryService(main_window.ctx).count() == 1
    finally:
        jonah.close()
