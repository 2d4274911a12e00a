"""Render the privacy lock's screens to PNG files offscreen, for a person to look at.

    python tools/screenshots_privacy.py [OUT_DIR] [--dark]

Turns the lock on in a throw-away data folder through the real Privacy page, then captures the
recovery code, both states of the Privacy page, the lock screen (also after wrong tries) and the
start-up lock window.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_kit import couple_context, open_window, options, start_app

from lovebridge.core.privacy.keyslots import KdfParams
from lovebridge.ui.privacy.startup import StartupLockWindow

# Cheap Argon2id: these pictures are about how the screens look, not how long unlocking takes.
QUICK = KdfParams(time_cost=1, memory_cost_kib=8192, parallelism=1)


def slow_quick_params() -> KdfParams:
    time.sleep(1.0)  # long enough to capture the progress dialog
    return QUICK


def wait_until(app: QApplication, condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


SIZES = {"small": (800, 600), "large": (1600, 1000)}  # the lock screens, besides the default


def main() -> None:
    out, theme = options()
    app = start_app(theme)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = couple_context(Path(tmp) / "couple")
        paths, store = ctx.paths, ctx.store
        window = open_window(ctx)
        window.privacy.choose_kdf_params = slow_quick_params

        prefs = window.open_preferences()
        page = prefs.privacy_page
        prefs.tabs.setCurrentWidget(page)
        wait_until(app, page.isVisible)
        prefs.grab().save(str(out / f"privacy-preferences-off-{theme}.png"))

        page.new_fields["a"].first.setText("lemon tree by the door")
        page.new_fields["a"].second.setText("lemon tree by the door")
        page.turn_on_button.click()
        wait_until(app, lambda: window.privacy.progress_dialog is not None
                   and window.privacy.progress_dialog.isVisible())
        window.privacy.progress_dialog.grab().save(str(out / f"privacy-progress-{theme}.png"))
        wait_until(app, lambda: window.privacy.recovery_dialog is not None)
        dialog = window.privacy.recovery_dialog
        wait_until(app, dialog.isVisible)
        dialog.grab().save(str(out / f"privacy-recovery-code-{theme}.png"))
        dialog.confirm_box.setChecked(True)
        wait_until(app, lambda: True)
        dialog.grab().save(str(out / f"privacy-recovery-confirmed-{theme}.png"))
        dialog.done_button.click()
        wait_until(app, page.on_view.isVisible)
        prefs.grab().save(str(out / f"privacy-preferences-on-{theme}.png"))
        prefs.reject()

        window.privacy.lock_now()
        wait_until(app, window.privacy.lock_panel.isVisible)
        window.grab().save(str(out / f"privacy-lock-screen-{theme}.png"))
        panel = window.privacy.lock_panel
        for attempt in range(3):
            panel.passphrase_edit.setText(f"not it {attempt}")
            panel.try_unlock()
            wait_until(app, lambda n=attempt + 1: panel.throttle.failures == n)
        window.grab().save(str(out / f"privacy-lock-wrong-{theme}.png"))
        for label, size in SIZES.items():
            window.resize(*size)
            wait_until(app, lambda: True)
            window.grab().save(str(out / f"privacy-lock-wrong-{label}-{theme}.png"))
        window.close()
        store.close()

        startup = StartupLockWindow(paths)
        startup.show()
        wait_until(app, startup.isVisible)
        startup.panel.toggle_recovery_mode()
        wait_until(app, lambda: True)
        startup.grab().save(str(out / f"privacy-startup-recovery-{theme}.png"))
        for label, size in SIZES.items():
            startup.resize(*size)
            wait_until(app, lambda: True)
            startup.grab().save(str(out / f"privacy-startup-recovery-{label}-{theme}.png"))
        startup.close()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
