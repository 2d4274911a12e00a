"""Deferred start-up work runs once the page is on screen, and never gets lost."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lovebridge.ui.shell.after_paint import FALLBACK_MS, after_paint


def page_in_window(qtbot) -> tuple[QWidget, QWidget]:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    page = QLabel("Your notes")
    QVBoxLayout(window).addWidget(page)
    return window, page


def test_it_runs_after_the_page_has_painted_and_once(qtbot) -> None:
    window, page = page_in_window(qtbot)
    calls: list[str] = []
    after_paint(page, lambda: calls.append("ran"), settle_ms=50)
    assert calls == []
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=FALLBACK_MS - 200)  # not the fallback
    qtbot.wait(FALLBACK_MS)
    assert calls == ["ran"]


def test_a_page_never_shown_or_replaced_first_still_gets_its_work(qtbot) -> None:
    _window, page = page_in_window(qtbot)
    calls: list[str] = []
    after_paint(page, lambda: calls.append("ran"))
    page.deleteLater()  # rebuilt before it ever painted
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=FALLBACK_MS + 2000)
