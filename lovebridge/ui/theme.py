"""LoveBridge's warm look, in a light and a dark variant that follow the system by default."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from lovebridge.resources import resource_path


@dataclass(frozen=True)
class Colours:
    """The handful of colours every screen is drawn from."""

    window: str
    surface: str
    sidebar: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    highlight_soft: str
    dark: bool


LIGHT = Colours(
    window="#fbf6f2",
    surface="#ffffff",
    sidebar="#f3e7e1",
    text="#3b2f2c",
    muted="#7d6b66",
    accent="#c4574a",
    accent_text="#ffffff",
    border="#e6d7cf",
    highlight_soft="#f7dcd5",
    dark=False,
)

DARK = Colours(
    window="#211b1a",
    surface="#2b2322",
    sidebar="#1a1514",
    text="#f3e9e5",
    muted="#b9a7a1",
    accent="#e8877a",
    accent_text="#2b1512",
    border="#443836",
    highlight_soft="#4a302c",
    dark=True,
)


@functools.cache
def system_prefers_dark() -> bool:
    """True when the desktop's own palette is dark (its dark mode is on).

    Read once, before LoveBridge's own palette replaces it. Not styleHints().colorScheme():
    its result lives in PySide's `Qt` namespace, which costs ~25 ms to load, and this runs
    before the window's first paint.
    """
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colours_for(choice: str) -> Colours:
    """Colours for a theme choice: "light", "dark" or "system"."""
    if choice == "dark" or (choice == "system" and system_prefers_dark()):
        return DARK
    return LIGHT


def build_palette(c: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(c.window))
    palette.setColor(role.WindowText, QColor(c.text))
    palette.setColor(role.Base, QColor(c.surface))
    palette.setColor(role.AlternateBase, QColor(c.sidebar))
    palette.setColor(role.Text, QColor(c.text))
    palette.setColor(role.PlaceholderText, QColor(c.muted))
    palette.setColor(role.Button, QColor(c.surface))
    palette.setColor(role.ButtonText, QColor(c.text))
    palette.setColor(role.Highlight, QColor(c.accent))
    palette.setColor(role.HighlightedText, QColor(c.accent_text))
    palette.setColor(role.ToolTipBase, QColor(c.surface))
    palette.setColor(role.ToolTipText, QColor(c.text))
    palette.setColor(role.Link, QColor(c.accent))
    palette.setColor(role.BrightText, QColor(c.accent))
    palette.setColor(role.Mid, QColor(c.border))
    palette.setColor(role.Midlight, QColor(c.sidebar))
    for group_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, group_role, QColor(c.muted))
    return palette


# Heading sizes as multiples of the application font: 20, 12 and 12.5 pt at the usual 9 pt,
# and 15 pt for the name in the sidebar (whose column widens with it).
HEADING_SCALE = {"page": 20 / 9, "section": 12 / 9, "write_section": 12.5 / 9, "brand": 15 / 9}


def heading_pt(kind: str, base_pt: float | None = None) -> str:
    """A heading's size in points, relative to the application font (so a larger font, set by
    the person or the system, makes the headings larger too)."""
    if base_pt is None:
        app = QApplication.instance()
        base_pt = app.font().pointSizeF() if app is not None else 10.0
    if base_pt <= 0:
        base_pt = 10.0
    return f"{base_pt * HEADING_SCALE[kind]:.1f}pt"


def build_stylesheet(c: Colours, base_pt: float | None = None) -> str:
    """Application-wide style: soft corners, generous padding, one accent colour; headings
    sized relative to `base_pt` (the application font's size by default)."""
    arrow = resource_path("icons", "chevron-down-dark.svg" if c.dark else "chevron-down.svg")
    arrow = arrow.as_posix()
    check = resource_path("icons", "check-mark.svg").as_posix()
    return f"""
    QMainWindow, QDialog {{ background: {c.window}; }}
    QWidget#roomSidebar {{ background: {c.sidebar}; border: none; }}
    QListWidget#roomList {{
        background: transparent; border: none; outline: 0;
        qproperty-horizontalScrollBarPolicy: ScrollBarAlwaysOff;
    }}
    QListWidget#roomList::item {{
        padding: 10px 14px; margin: 2px 10px; border-radius: 10px; color: {c.text};
    }}
    QListWidget#roomList::item:hover {{ background: {c.highlight_soft}; }}
    QListWidget#roomList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QLabel#appTitle {{
        font-size: {heading_pt('brand', base_pt)}; font-weight: 600; color: {c.accent};
    }}
    QLabel#pageTitle {{
        font-size: {heading_pt('page', base_pt)}; font-weight: 600; color: {c.text};
    }}
    QLabel#pageSubtitle, QLabel[muted="true"] {{ color: {c.muted}; }}
    QLabel#formError {{ color: {c.accent}; font-weight: 600; }}
    QFrame#card {{
        background: {c.surface}; border: 1px solid {c.border}; border-radius: 14px;
    }}
    QPushButton {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 9px; padding: 7px 16px;
    }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton[primary="true"] {{
        background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent};
        font-weight: 600;
    }}
    QPushButton[primary="true"]:hover {{ background: {c.text if c.dark else "#ad463a"}; }}
    QLineEdit, QTextEdit, QPlainTextEdit, QDateEdit, QDateTimeEdit, QSpinBox, QComboBox {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 8px; padding: 3px 8px; min-height: 26px;
        selection-background-color: {c.accent};
        selection-color: {c.accent_text};
    }}
    QDateEdit::drop-down, QDateTimeEdit::drop-down, QComboBox::drop-down {{
        subcontrol-origin: padding; subcontrol-position: center right; width: 24px;
        border: none;
    }}
    QDateEdit::down-arrow, QDateTimeEdit::down-arrow, QComboBox::down-arrow {{
        image: url({arrow}); width: 12px; height: 12px;
    }}
    QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QDateEdit:focus, QComboBox:focus {{
        border: 1px solid {c.accent};
    }}
    QStatusBar {{ background: {c.sidebar}; color: {c.muted}; }}
    QMenuBar {{ background: {c.window}; color: {c.text}; }}
    QMenuBar::item:selected {{ background: {c.highlight_soft}; }}
    QMenu {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QMenu::item:selected {{ background: {c.highlight_soft}; }}
    QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 10px; top: -1px; }}
    QTabBar::tab {{
        padding: 7px 14px; color: {c.muted}; background: transparent;
        border: none; border-bottom: 2px solid transparent;
    }}
    QTabBar::tab:hover {{ color: {c.text}; }}
    QTabBar::tab:selected {{ color: {c.text}; border-bottom: 2px solid {c.accent}; }}
    QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
    QPushButton[primary="true"]:disabled {{
        background: {c.border}; color: {c.muted}; border-color: {c.border}; font-weight: 400;
    }}
    QPushButton[link="true"] {{
        background: transparent; border: none; color: {c.accent}; text-decoration: underline;
        padding: 4px 6px;
    }}
    QPushButton[link="true"]:focus {{ border: 1px solid {c.accent}; }}
    QPushButton[link="true"]:disabled {{ color: {c.muted}; }}
    QLabel#sectionTitle {{ font-weight: 600; font-size: {heading_pt('section', base_pt)}; }}
    QCheckBox::indicator, QAbstractItemView::indicator {{
        width: 16px; height: 16px; border: 1px solid {c.muted}; border-radius: 4px;
        background: {c.surface};
    }}
    QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
        background: {c.accent}; border-color: {c.accent}; image: url({check});
    }}
    QToolButton#importReportToggle {{
        background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 8px; padding: 5px 12px;
    }}
    QToolButton#importReportToggle:hover {{ border-color: {c.accent}; }}
    QToolButton#importReportToggle:checked {{
        background: {c.highlight_soft}; border-color: {c.accent};
    }}
    """


def apply_theme(app: QApplication, choice: str = "system") -> Colours:
    """Apply the palette and stylesheet for `choice`; returns the colours used."""
    colours = colours_for(choice)
    if app.style().name().lower() != "fusion":  # already Fusion on Linux: don't build it twice
        app.setStyle("Fusion")  # the same, predictable look on every platform
    app.setPalette(build_palette(colours))
    app.setStyleSheet(build_stylesheet(colours))
    return colours


def current_colours(app: QApplication | None = None) -> Colours:
    """The colours in force, read back from the application palette."""
    app = app or QApplication.instance()
    is_dark = app is not None and app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return DARK if is_dark else LIGHT
