"""Render the restore dialog for an automatic backup (with "Save as one file…") and the saved
message, offscreen, light and dark.

    python tools/screenshots_backup.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import ROOT, couple_context, shoot

from lovebridge.core.backup import export_backup, make_automatic_backup
from lovebridge.ui.backup import ProgressDialog, RestoreConfirmDialog
from lovebridge.ui.settings import Settings
from lovebridge.ui.shell.window import MainWindow
from lovebridge.ui.theme import apply_theme
from tests.crash.library import populate

NOW = datetime(2026, 11, 23, 18, 30, tzinfo=UTC)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "data", clock=lambda: NOW)
        paths, store = ctx.paths, ctx.store
        populate(ctx, notes=42, memories=12, photos_per_memory=3)
        automatic = make_automatic_backup(store, paths, NOW)
        exported = export_backup(automatic.path, paths, store,
                                 Path(tmp) / "LoveBridge 2026-11-23 1830.lovebridge")
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(ctx, Settings(paths.settings_file))
            window.resize(1180, 780)
            window.show()
            confirm = RestoreConfirmDialog(window, automatic.manifest)
            confirm.show()
            shoot(app, confirm, out / f"restore-confirm-automatic-{theme}.png")
            confirm.close()
            progress = ProgressDialog(window, "Saving as one file…",
                                      "Copying the backup and all its photos into "
                                      "LoveBridge 2026-11-23 1830.lovebridge.")
            progress.set_progress(380, 1000)
            progress.show()
            shoot(app, progress, out / f"backup-export-progress-{theme}.png")
            window.backups.dialog = progress
            window.backups._backup_done(exported)
            shoot(app, progress, out / f"backup-export-saved-{theme}.png")
            progress.close()
            window.hide()
        store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
