"""Small style sheets the Dates room adds on top of the app theme (soft lists, quiet tabs)."""

from __future__ import annotations

from lovebridge.ui.theme import current_colours


def soft_list_style() -> str:
    """Lists with rounded rows and a soft, readable selection in the theme in force."""
    c = current_colours()
    return (
        f"QListWidget {{ background: {c.surface}; border: 1px solid {c.border};"
        f" border-radius: 10px; padding: 4px; outline: 0; }}"
        f"QListWidget::item {{ padding: 6px 8px; border-radius: 6px; color: {c.text}; }}"
        f"QListWidget::item:selected {{ background: {c.highlight_soft}; color: {c.text}; }}"
    )


def quiet_tabs_style() -> str:
    """Tabs as plain words with an accent line under the current one."""
    c = current_colours()
    return (
        "QTabWidget#datesTabs::pane { border: none; }"
        f"QTabWidget#datesTabs > QTabBar::tab {{ background: transparent; border: none;"
        f" padding: 7px 16px; margin-right: 6px; color: {c.muted}; }}"
        f"QTabWidget#datesTabs > QTabBar::tab:selected {{ color: {c.text};"
        f" border-bottom: 2px solid {c.accent}; }}"
    )


def disabled_buttons_style() -> str:
    """Buttons that do not apply look it: flat, dashed and muted, not just a shade lighter."""
    c = current_colours()
    return (
        f"QPushButton:disabled {{ background: transparent; color: {c.muted};"
        f" border: 1px dashed {c.border}; }}"
    )
