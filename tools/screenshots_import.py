"""Render the photo-folder import (review at two window sizes, progress, done), the scrapbook
with its place filter after the import, and the export finished message; light and dark.

    python tools/screenshots_import.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import ROOT, couple_context, settle, shoot

from lovebridge.core.importers import writer
from lovebridge.core.importers.folder import plan_folder
from lovebridge.core.importers.job import JobControl
from lovebridge.ui.scrapbook.import_flow import CancellableProgress
from lovebridge.ui.scrapbook.import_review import ImportReviewDialog
from lovebridge.ui.settings import Settings
from lovebridge.ui.shell.window import MainWindow
from lovebridge.ui.theme import apply_theme
from tests.test_import_folder import _trip


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "data")
        roll = _trip(Path(tmp) / "roll")
        plan = plan_folder(ctx, roll)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(ctx, Settings(ctx.paths.settings_file))
            window.resize(1180, 780)
            window.show()
            for size, (width, height) in (("small", (560, 420)), ("large", (960, 680))):
                review = ImportReviewDialog(window, plan)
                review.resize(width, height)
                if size == "large":
                    review.report_toggle.setChecked(True)
                review.show()
                shoot(app, review, out / f"import-review-{size}-{theme}.png")
                review.close()
            progress = CancellableProgress(window, "Adding your memories",
                                           "Copying photos into LoveBridge…", JobControl())
            progress.set_progress(4, 10)
            progress.show()
            shoot(app, progress, out / f"import-progress-{theme}.png")
            progress.finish("Memories added", "3 memories with 7 photos are in your scrapbook.")
            shoot(app, progress, out / f"import-done-{theme}.png")
            progress.close()
            if theme == "light":
                writer.accept(ctx, plan)
            window.show_room(1)
            window.scrapbook_room.reload()
            settle(app, 1.5)
            shoot(app, window, out / f"import-scrapbook-places-{theme}.png")
            window.resize(760, 560)
            settle(app, 1.0)
            shoot(app, window, out / f"import-scrapbook-places-small-{theme}.png")
            window.hide()
        ctx.store.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
