"""Small style additions for the privacy screens, drawn from the palette so both themes fit."""

from lovebridge.resources import resource_path

_CHECK = resource_path("icons", "check-mark.svg").as_posix()

# palette() roles follow the theme in force, so these need no update when it changes.
PRIVACY_STYLE = """
QPushButton[primary="true"]:disabled {
    background: palette(mid); color: palette(window-text); border-color: palette(mid);
    font-weight: 400;
}
QPushButton[link="true"] {
    background: transparent; border: none; color: palette(link); text-decoration: underline;
    padding: 4px 6px;
}
QPushButton[link="true"]:focus { border: 1px solid palette(link); }
QPushButton[link="true"]:disabled { color: palette(window-text); }
QLabel#sectionTitle { font-weight: 600; font-size: 12pt; }
QCheckBox::indicator {
    width: 16px; height: 16px; border: 1px solid palette(text); border-radius: 4px;
    background: palette(base);
}
""" + f"""
QCheckBox::indicator:checked {{
    background: palette(highlight); border-color: palette(highlight); image: url({_CHECK});
}}
"""
