"""What the shell hands the controllers it starts (imports, handwriting, sharing).

A controller gets these hooks, never the main window: it adds its menu actions, its
Preferences page and its status-bar widget through them, opens its dialogs over `parent`, and
tells the rest of the app what happened with its own signals, which the shell connects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from lovebridge.core.context import AppContext
    from lovebridge.core.profile import ProfileService
    from lovebridge.ui.settings import Settings
    from lovebridge.ui.shell.jobs import JobQueue
    from lovebridge.ui.shell.menus import MenuSection
    from lovebridge.ui.shell.preferences import PreferencePages


@dataclass(frozen=True)
class ShellHooks:
    """The open library and the shell's places a controller may add to."""

    ctx: AppContext
    settings: Settings
    profiles: ProfileService
    parent: QWidget  # dialogs open over it
    preference_pages: PreferencePages
    add_action: Callable[[MenuSection, QAction], None]  # a menu entry in its section
    add_status_widget: Callable[[QWidget], None]  # a permanent widget in the status bar
    jobs: JobQueue | None = None  # the one queue of long, exclusive work (sharing's exchanges)
