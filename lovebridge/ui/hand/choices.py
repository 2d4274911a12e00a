"""Put the partners' own hands at the top of a handwriting list, ready for the renderer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from lovebridge.core.hand.service import HandwritingService
from lovebridge.render.hand_font import is_hand, register_hand
from lovebridge.store.db import Store

logger = logging.getLogger(__name__)


def add_hands(box: QComboBox, store: Store, current_partner: str = "a") -> int:
    """(Re)list the kept hands first in `box` ("Maya's hand"); returns how many were added."""
    service = HandwritingService(store)
    chosen = box.currentData()
    blocked = box.blockSignals(True)
    try:
        for index in reversed(range(box.count())):
            if is_hand(str(box.itemData(index))):
                box.removeItem(index)
        added = 0
        for stored in service.list(current_partner):
            found = service.find(stored.name)
            if found is None:
                continue
            try:
                key = register_hand(found[1])
            except ValueError:
                logger.warning("a kept handwriting could not be read; it is left out")
                continue
            label = QCoreApplication.translate("HandPage", "{name}'s hand")
            box.insertItem(added, label.format(name=stored.name), key)
            added += 1
        if chosen is not None and box.findData(chosen) >= 0:
            box.setCurrentIndex(box.findData(chosen))
    finally:
        box.blockSignals(blocked)
    return added
