"""Put the partners' own hands at the top of a handwriting list, ready for the renderer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from lovebridge.core.hand.service import HandwritingService
from lovebridge.render.hand_font import is_hand, register_hand
from lovebridge.store.db import Store

logger = logging.getLogger(__name__)
PARTNER_ROLE = Qt.ItemDataRole.UserRole + 1  # whose hand an entry is ("a" | "b")


def hand_label(name: str) -> str:
    return QCoreApplication.translate("HandPage", "{name}'s hand").format(name=name)


def hand_entries(box: QComboBox) -> list[tuple[str, str, str]]:
    """(label, font key, partner) of the hands listed in `box`, in their order."""
    return [(box.itemText(i), str(box.itemData(i)), str(box.itemData(i, PARTNER_ROLE)))
            for i in range(box.count()) if is_hand(str(box.itemData(i)))]


def set_hand_entries(box: QComboBox, entries: list[tuple[str, str, str]]) -> None:
    """List exactly these hands at the top of `box`, keeping what was chosen (signals quiet)."""
    chosen = box.currentData()
    blocked = box.blockSignals(True)
    try:
        for index in reversed(range(box.count())):
            if is_hand(str(box.itemData(index))):
                box.removeItem(index)
        for row, (label, key, partner) in enumerate(entries):
            box.insertItem(row, label, key)
            box.setItemData(row, partner, PARTNER_ROLE)
        if chosen is not None and box.findData(chosen) >= 0:
            box.setCurrentIndex(box.findData(chosen))
    finally:
        box.blockSignals(blocked)


def writer_first(box: QComboBox, writer: str) -> None:
    """Reorder the listed hands so the writer's own comes first (no reading of the library)."""
    entries = hand_entries(box)
    set_hand_entries(box, sorted(entries, key=lambda entry: entry[2] != writer))


def add_hands(box: QComboBox, store: Store, current_partner: str = "a") -> int:
    """(Re)list the kept hands first in `box` ("Maya's hand"); returns how many were added."""
    service = HandwritingService(store)
    entries = []
    for stored in service.list(current_partner):
        found = service.find(stored.name)
        if found is None:
            continue
        try:
            key = register_hand(found[1])
        except ValueError:
            logger.warning("a kept handwriting could not be read; it is left out")
            continue
        entries.append((hand_label(stored.name), key, stored.partner))
    set_hand_entries(box, entries)
    return len(entries)
