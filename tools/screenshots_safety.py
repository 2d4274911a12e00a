"""Render the backup dialogs and the recovery screen to PNG files offscreen, light and dark.

    python tools/screenshots_safety.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import ROOT, couple_context, settle, shoot

from lovebridge.core.backup import create_backup, make_automatic_backup
from lovebridge.store.recovery import SalvageReport, set_aside_damaged
from lovebridge.ui.backup import ProgressDialog, RestoreConfirmDialog
from lovebridge.ui.recovery import RecoveryWindow
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
        result = create_backup(store, paths, Path(tmp) / "LoveBridge 2026-11-23.lovebridge",
                               now=NOW)
        make_automatic_backup(store, paths, NOW)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(ctx, Settings(paths.settings_file))
            window.resize(1180, 780)
            window.show()
            progress = ProgressDialog(window, "Backing up…",
                                      "Copying your notes, memories and photos into "
                                      "LoveBridge 2026-11-23.lovebridge.")
            progress.set_progress(620, 1000)
            progress.show()
            shoot(app, progress, out / f"backup-progress-{theme}.png")
            window.backups.dialog = progress
            window.backups._backup_done(result)
            shoot(app, progress, out / f"backup-saved-{theme}.png")
            progress.close()
            confirm = RestoreConfirmDialog(window, result.manifest)
            confirm.show()
            shoot(app, confirm, out / f"restore-confirm-{theme}.png")
            confirm.close()
            done = ProgressDialog(window, "Restoring…", "")
            done.finish("Your backup is back",
                        "LoveBridge now holds the backup from Monday 23 November 2026 at 18:30. "
                        "What was here before is kept as a backup named "
                        "before-restore-20261123-183000.lovebridge.")
            done.show()
            shoot(app, done, out / f"restore-done-{theme}.png")
            done.close()
            window.hide()

        store.close()
        copy = set_aside_damaged(paths.database, paths.backups, NOW)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            recovery = RecoveryWindow(paths, copy, lambda: NOW)
            recovery.resize(860, 700)
            recovery.show()
            settle(app, 1.5)
            shoot(app, recovery, out / f"recovery-{theme}.png")
            recovery._rescued(SalvageReport(
                target=paths.backups / "rescued-20261123-183000.db", method="row by row",
                rows={"message": 41, "memory": 12, "photo": 36, "plan": 1, "tag": 3}))
            shoot(app, recovery, out / f"recovery-rescued-{theme}.png")
            recovery.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
