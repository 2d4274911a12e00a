"""The Write room's own touches on top of the app theme (re-applied when the theme changes)."""

from __future__ import annotations

from lovebridge.ui.theme import Colours, heading_pt


def write_stylesheet(c: Colours) -> str:
    """Soft hint cards, category chips and calm notices, in the theme's colours."""
    return f"""
    QLabel#sectionTitle {{
        font-size: {heading_pt('write_section')}; font-weight: 600; color: {c.text};
    }}
    QLabel#occasionLine {{
        color: {c.accent}; font-weight: 600; padding: 2px 10px;
        background: {c.highlight_soft}; border-radius: 10px;
    }}
    QPushButton[chip="true"] {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 13px; padding: 5px 12px; min-height: 16px;
    }}
    QPushButton[chip="true"]:hover {{ background: {c.highlight_soft}; }}
    QFrame#coachHint {{
        background: {c.highlight_soft}; border: 1px solid {c.border}; border-radius: 10px;
    }}
    QFrame#coachHint QLabel {{ background: transparent; color: {c.text}; }}
    QFrame#coachHint QPushButton {{ padding: 4px 10px; }}
    QLabel#writeNotice, QLabel#blankWarning, QLabel#publicReminder {{
        background: {c.highlight_soft}; color: {c.text}; border-radius: 8px; padding: 6px 10px;
    }}
    QLabel#countLabel[over="true"] {{ color: {c.accent}; font-weight: 600; }}
    QLabel#saveStatus[muted="false"] {{ color: {c.accent}; }}
    QTextEdit#draftEditor {{ padding: 10px 12px; }}
    QListView#suggestionList, QListView#historyList {{ background: transparent; }}
    QScrollArea#suggestionPreviewScroll {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px;
    }}
    QLabel#suggestionPreview {{ background: {c.surface}; padding: 8px 10px; }}
    QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px 0; }}
    QScrollBar::handle:vertical {{
        background: {c.border}; border-radius: 4px; min-height: 32px; margin: 0 2px;
    }}
    QScrollBar::handle:vertical:hover {{ background: {c.muted}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QToolButton {{ color: {c.text}; border-radius: 6px; padding: 3px 6px; }}
    QToolButton:checked {{ background: {c.highlight_soft}; }}
    QToolButton:hover {{ background: {c.highlight_soft}; }}
    QToolButton:focus {{ border: 2px solid {c.accent}; padding: 1px 4px; }}
    QToolButton:disabled {{ color: {c.muted}; }}
    """
