"""Controllers are started with the shell's hooks, never the main window's internals."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from lovebridge.core.profile import ProfileService
from lovebridge.ui.hand.controller import HandController
from lovebridge.ui.scrapbook.import_flow import ImportController
from lovebridge.ui.shell.hooks import ShellHooks
from lovebridge.ui.shell.menus import MenuSection
from lovebridge.ui.shell.preferences import PreferencePages
from lovebridge.ui.sync.controller import SharingController


def test_import_handwriting_and_sharing_need_only_the_hooks(qtbot, ctx, settings,
                                                           couple) -> None:
    parent = QWidget()  # not a main window: nothing of one is there to reach into
    qtbot.addWidget(parent)
    actions: list[tuple[MenuSection, str]] = []
    widgets: list[QWidget] = []
    pages = PreferencePages()
    hooks = ShellHooks(ctx, settings, ProfileService(ctx.store), parent, pages,
                       lambda section, action: actions.append((section, action.objectName())),
                       widgets.append)
    imports = ImportController(hooks)
    HandController(hooks)
    SharingController(hooks)
    assert actions == [(MenuSection.FILE_DATA, "importFolderAction"),
                       (MenuSection.FILE_DATA, "importExportAction"),
                       (MenuSection.FILE_DATA, "exportAction")]
    assert pages.titles() == ["My handwriting", "Sharing"]
    assert [widget.objectName() for widget in widgets] == ["sharingStatus"]
    assert imports.parent() is parent


def test_contributed_actions_land_in_their_menu_section(main_window) -> None:
    names = [action.objectName() for action in main_window.file_menu.actions()
             if action.objectName()]
    assert names[0] == "lockAction"  # FILE_START: first, set apart
    data = names.index("importFolderAction")
    assert names[data:data + 3] == ["importFolderAction", "importExportAction", "exportAction"]
    assert names[data + 3] == "preferencesAction"  # FILE_DATA: before Preferences
