"""The Sharing page, driven like a person would: start on one laptop, join on the other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.ui.sync.sharing_page import SharingPage
from tests.sync.helpers import make_laptop


@pytest.fixture
def laptops(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    maya, jonah = make_laptop(tmp_path, "maya"), make_laptop(tmp_path, "jonah")
    yield shared, maya, jonah
    maya.close()
    jonah.close()


def test_start_show_code_and_qr_then_join_and_see_arrivals(qtbot, laptops) -> None:
    shared, maya, jonah = laptops
    MemoryService(maya.ctx).save(MemoryDraft("Lantern walk", MemoryDate(2025)))
    page = SharingPage(maya.engine, "Maya")
    qtbot.addWidget(page)
    page.show()
    page.folder_edit.setText(str(shared))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page._code_box.isVisible(), timeout=20_000)
    code = re.search(r"\n\n(.+)\n\n", page.code_label.text()).group(1)
    assert len(code.split()) == 8
    assert not page.qr_label.pixmap().isNull()

    other = SharingPage(jonah.engine, "Maya")
    qtbot.addWidget(other)
    other.show()
    other.folder_edit.setText(str(shared))
    qtbot.keyClicks(other.code_edit, code)
    qtbot.mouseClick(other.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.partner_value.text() != "" and other._state.isVisible(),
                    timeout=20_000)
    assert "Maya added 1 memory" in other.arrivals_value.text()
    qtbot.waitUntil(lambda: page._state.isVisible(), timeout=10_000)


def test_a_wrong_folder_is_a_clear_message(qtbot, laptops, tmp_path: Path) -> None:
    _shared, maya, _jonah = laptops
    page = SharingPage(maya.engine)
    qtbot.addWidget(page)
    page.folder_edit.setText(str(tmp_path / "nowhere"))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is not a folder" in page.message.text(), timeout=10_000)
