"""The lock through the real app: Privacy page, recovery code, lock screens, Ctrl+L, idle."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from lovebridge.core.privacy.keyslots import KeySlots, WrongPassphraseError
from lovebridge.core.privacy.lock import LockState, interrupted_direction, lock_state
from lovebridge.core.profile import ProfileService
from lovebridge.logging_setup import configure_logging
from lovebridge.store import StoreBusyError
from lovebridge.store.models import Memory, MemoryPhoto, Message, Photo
from lovebridge.ui.privacy.idle import IDLE_LOCK_MINUTES
from lovebridge.ui.privacy.startup import Launcher, StartupLockWindow
from lovebridge.ui.shell.window import MainWindow

from .privacy.lock_worker import FAST

MAYA = "lemon tree by the door"
JONAH = "the blue kettle sings"
STORY_WORD = "marmalade-lighthouse"
MESSAGE_WORD = "cinnamon-harbour"
PHOTO_MARK = b"PHOTO-BYTES-SECRET"
LATE_MARK = b"PHOTO-ADDED-WHILE-LOCKED"


def add_memories(ctx, mark: bytes = PHOTO_MARK) -> bytes:
    """A memory with a story and a photo, and a message; returns the photo's bytes."""
    photo_bytes = b"\xff\xd8\xff\xe0" + mark + bytes(range(256)) * 40
    stored = ctx.media.add_bytes(photo_bytes, "jpg")
    with ctx.store.session_scope() as session:
        photo = Photo(sha256=stored.sha256, extension="jpg", byte_size=stored.byte_size)
        memory = Memory(title="The pier at dusk", date_year=2024,
                        story_text=f"We found the {STORY_WORD} after the rain.",
                        story_html=f"<p>We found the {STORY_WORD} after the rain.</p>")
        session.add_all([photo, memory])
        session.flush()
        session.add(MemoryPhoto(memory_id=memory.id, photo_id=photo.id))
        session.add(Message(body_text=f"Meet me at the {MESSAGE_WORD} at eight."))
    return photo_bytes


def files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {n[:24]!r}" for n in needles if n in data]
    return found


def turn_on_through_page(qtbot, window: MainWindow, jonah: str | None = JONAH):
    """Type the passphrases into Preferences › Privacy and click; returns the recovery dialog."""
    seen_while_converting = []

    def cheap_params_checking_the_store():
        # Runs in the worker, mid-conversion: the store must refuse work (an autosave, say).
        try:
            ProfileService(window.ctx.store).load()
            seen_while_converting.append("store open")
        except StoreBusyError:
            seen_while_converting.append("store busy")
        return FAST

    window.privacy.choose_kdf_params = cheap_params_checking_the_store
    prefs = window.open_preferences()
    qtbot.waitExposed(prefs)
    page = prefs.privacy_page
    prefs.tabs.setCurrentWidget(page)
    for slot, words in (("a", MAYA), ("b", jonah)):
        if words:
            qtbot.keyClicks(page.new_fields[slot].first, words)
            qtbot.keyClicks(page.new_fields[slot].second, words)
    qtbot.mouseClick(page.turn_on_button, Qt.MouseButton.LeftButton)
    progress = window.privacy.progress_dialog
    assert progress is not None and progress.isVisible()
    assert not window.centralWidget().isEnabled() and not page.isEnabled()
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert progress.isVisible()  # it cannot be dismissed half-way
    qtbot.waitUntil(lambda: window.privacy.recovery_dialog is not None, timeout=30_000)
    assert seen_while_converting == ["store busy"]
    assert window.centralWidget().isEnabled() and window.privacy.progress_dialog is None
    dialog = window.privacy.recovery_dialog
    qtbot.waitExposed(dialog)
    return prefs, dialog


def confirm_code(qtbot, dialog) -> str:
    assert not dialog.done_button.isEnabled()  # the code must be confirmed first
    dialog.reject()  # Escape does not dismiss it unconfirmed
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.confirm_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    return dialog.code


def unlock_through(qtbot, panel, secret: str, recovery: bool = False) -> None:
    if recovery:
        qtbot.mouseClick(panel.recovery_button, Qt.MouseButton.LeftButton)
    panel.passphrase_edit.clear()
    qtbot.keyClicks(panel.passphrase_edit, secret)
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def log_to_folder(paths):
    """Write LoveBridge's real log file during the test, so it can be searched afterwards."""
    log_file = configure_logging(paths.logs)
    yield log_file
    root = logging.getLogger("lovebridge")
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(log_file):
            root.removeHandler(handler)
            handler.close()


def test_lock_on_through_preferences_leaves_nothing_readable(
    qtbot, ctx, main_window: MainWindow, log_to_folder
) -> None:
    photo_bytes = add_memories(ctx)
    (ctx.paths.thumbnails / "ab").mkdir(parents=True, exist_ok=True)
    (ctx.paths.thumbnails / "ab" / "thumb.jpg").write_bytes(PHOTO_MARK + b" thumbnail")
    secrets = [STORY_WORD.encode(), MESSAGE_WORD.encode(), PHOTO_MARK]
    assert files_holding(ctx.paths.data, secrets)  # the search does see plain data

    prefs, dialog = turn_on_through_page(qtbot, main_window)
    code = confirm_code(qtbot, dialog)
    assert prefs.privacy_page.on_view.isVisible()
    assert lock_state(ctx.paths) is LockState.ON
    assert ctx.store.encrypted and ctx.media.file_key is not None
    assert main_window.privacy.lock_action.isEnabled()

    # The app goes on working on the same Store object, now encrypted.
    assert ProfileService(ctx.store).load().partner_a == "Maya"
    late_bytes = add_memories(ctx, LATE_MARK)
    with ctx.store.session_scope() as session:
        assert session.scalars(select(Memory.story_text)).all()[0].startswith("We found")
    assert ctx.media.read_bytes(*_photo_key(photo_bytes)) == photo_bytes
    prefs.reject()
    main_window.close()
    ctx.store.close()

    root = ctx.paths.data  # the data, cache, log and settings folders all live under it
    keys = KeySlots(root).unlock(MAYA)[0]
    assert files_holding(root, [*secrets, LATE_MARK, late_bytes[-64:]]) == []
    assert files_holding(root, [MAYA.encode(), JONAH.encode(), code.encode(),
                                keys, keys.hex().encode()]) == []
    assert log_to_folder.exists() and b"lock turned on" in log_to_folder.read_bytes()


def _photo_key(data: bytes) -> tuple[str, str]:
    import hashlib

    return hashlib.sha256(data).hexdigest(), "jpg"


@pytest.mark.parametrize("who", ["maya", "jonah", "recovery code"])
def test_each_passphrase_and_the_code_open_it_at_start_up(
    qtbot, ctx, main_window: MainWindow, settings, fixed_clock, who: str
) -> None:
    photo_bytes = add_memories(ctx)
    _prefs, dialog = turn_on_through_page(qtbot, main_window)
    code = confirm_code(qtbot, dialog)
    main_window.close()
    ctx.store.close()

    launcher = Launcher(ctx.paths, settings, fixed_clock)
    first = launcher.start()
    qtbot.addWidget(first)
    assert isinstance(first, StartupLockWindow) and launcher.window is None
    panel = first.panel
    assert "passphrase" in panel.prompt_label.text()

    unlock_through(qtbot, panel, "lemon tree by the doo")
    qtbot.waitUntil(lambda: "doesn't open LoveBridge" in panel.message_label.text(), timeout=10_000)
    assert launcher.window is None

    secret = {"maya": MAYA, "jonah": JONAH, "recovery code": code.lower().replace("-", " ")}[who]
    unlock_through(qtbot, panel, secret, recovery=who == "recovery code")
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
    window = launcher.window
    qtbot.addWidget(window)
    try:
        assert "Maya & Jonah" in window.couple_label.text()
        assert window.ctx.media.read_bytes(*_photo_key(photo_bytes)) == photo_bytes
        with window.ctx.store.session_scope() as session:
            assert MESSAGE_WORD in session.scalars(select(Message.body_text)).one()
        assert window.privacy.lock_action.isEnabled()
    finally:
        window.close()
        launcher.close()


def test_repeated_wrong_passphrases_wait_longer(qtbot) -> None:
    from lovebridge.ui.privacy.lock_panel import LockPanel

    now = [100.0]

    def verify(text: str) -> tuple[bytes, str]:
        if text != "right words":
            raise WrongPassphraseError("no")
        return b"k" * 32, "a"

    panel = LockPanel(verify, clock=lambda: now[0])
    qtbot.addWidget(panel)
    panel.show()
    waits = []
    for attempt in range(4):
        unlock_through(qtbot, panel, f"wrong {attempt}")
        qtbot.waitUntil(lambda n=attempt + 1: panel.throttle.failures == n, timeout=5000)
        waits.append(panel.throttle.seconds_left())
        assert "doesn't open LoveBridge" in panel.message_label.text()
        if waits[-1]:
            assert f"try again in {waits[-1]} s" in panel.message_label.text()
            assert not panel.unlock_button.isEnabled()
            now[0] += waits[-1]
            qtbot.waitUntil(lambda: "try again in" not in panel.message_label.text(),
                            timeout=3000)
            assert panel.unlock_button.isEnabled()
    assert waits == [0, 0, 2, 4]

    with qtbot.waitSignal(panel.unlocked, timeout=5000) as signal:
        unlock_through(qtbot, panel, "right words")
    assert signal.args == [b"k" * 32, "a"]
    assert panel.throttle.failures == 0


def test_ctrl_l_hides_everything_until_a_passphrase_is_typed(
    qtbot, ctx, main_window: MainWindow
) -> None:
    prefs, dialog = turn_on_through_page(qtbot, main_window)
    confirm_code(qtbot, dialog)
    prefs.reject()
    about = main_window.open_about()
    qtbot.waitExposed(about)
    main_window.show_room(1)

    about.activateWindow()  # the dialog has the focus, as it would on a desktop
    qtbot.waitActive(about)
    qtbot.keyClick(about, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = main_window.privacy.lock_panel
    assert main_window.pages.currentWidget() is panel
    assert not main_window.shell.isVisible() and not about.isVisible()
    assert not main_window.menuBar().isVisible()
    assert main_window.windowTitle() == "LoveBridge"
    assert not main_window.preferences_action.isEnabled()  # Ctrl+, cannot open anything
    assert "Maya" not in "".join(w.text() for w in panel.findChildren(type(panel.message_label)))

    unlock_through(qtbot, panel, "not our words")
    qtbot.waitUntil(lambda: "doesn't open" in panel.message_label.text(), timeout=10_000)
    assert main_window.pages.currentWidget() is panel
    unlock_through(qtbot, panel, JONAH)
    qtbot.waitUntil(lambda: main_window.pages.currentWidget() is main_window.shell,
                    timeout=10_000)
    assert main_window.current_room().objectName() == "scrapbookRoom"
    assert about.isVisible() and main_window.menuBar().isVisible()
    assert main_window.preferences_action.isEnabled()


def test_ctrl_l_does_nothing_while_the_lock_is_off(qtbot, main_window: MainWindow) -> None:
    assert not main_window.privacy.lock_action.isEnabled()
    # Nor does any event pass through the idle watcher: it listens only while the lock is on.
    assert not main_window.privacy.idle.is_watching()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.pages.currentWidget() is main_window.shell


def test_idle_time_locks_and_input_postpones_it(qtbot, ctx, main_window: MainWindow) -> None:
    prefs, dialog = turn_on_through_page(qtbot, main_window)
    confirm_code(qtbot, dialog)
    page = prefs.privacy_page
    page.idle_choice.setCurrentIndex(page.idle_choice.findData(5))
    ok = prefs.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # OK keeps the chosen idle time
    assert main_window.settings.get(IDLE_LOCK_MINUTES) == 5
    watcher = main_window.privacy.idle
    assert watcher.timeout_s == 5 * 60
    assert watcher.is_watching()

    now = [1000.0]
    watcher.clock = lambda: now[0]
    watcher.touch()
    now[0] += 4 * 60
    qtbot.keyClick(main_window.write_room, Qt.Key.Key_Shift)  # any input counts
    now[0] += 4 * 60
    watcher.check()
    assert main_window.pages.currentWidget() is main_window.shell
    now[0] += 61
    watcher.check()
    assert main_window.pages.currentWidget() is main_window.privacy.lock_panel


def test_idle_lock_fires_from_its_timer(qtbot, ctx, main_window: MainWindow) -> None:
    prefs, dialog = turn_on_through_page(qtbot, main_window)
    confirm_code(qtbot, dialog)
    prefs.reject()
    watcher = main_window.privacy.idle
    watcher.set_check_interval(20)
    watcher.set_timeout_seconds(0.2)
    qtbot.waitUntil(
        lambda: main_window.pages.currentWidget() is main_window.privacy.lock_panel,
        timeout=5000,
    )


def test_passphrases_change_without_touching_photos(qtbot, ctx, main_window: MainWindow) -> None:
    add_memories(ctx)
    prefs, dialog = turn_on_through_page(qtbot, main_window, jonah=None)
    confirm_code(qtbot, dialog)
    page = prefs.privacy_page
    photo_files = {p: p.read_bytes() for p in ctx.paths.photos.rglob("*.jpg")}
    assert "Jonah has no passphrase yet" in page.slot_labels["b"].text()
    assert not page.remove_buttons["a"].isEnabled()  # the last passphrase stays

    for slot, words in (("b", JONAH), ("a", "a brand new sentence")):
        qtbot.mouseClick(page.change_buttons[slot], Qt.MouseButton.LeftButton)
        passphrase_dialog = page.passphrase_dialog
        qtbot.waitExposed(passphrase_dialog)
        qtbot.keyClicks(passphrase_dialog.fields.first, words)
        qtbot.keyClicks(passphrase_dialog.fields.second, words + "x")
        qtbot.mouseClick(passphrase_dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "not the same" in passphrase_dialog.error_label.text()
        passphrase_dialog.fields.second.clear()
        qtbot.keyClicks(passphrase_dialog.fields.second, words)
        qtbot.mouseClick(passphrase_dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "is saved" in page.status_label.text(), timeout=10_000)
        page.status_label.clear()

    slots = KeySlots(ctx.paths.data)
    assert slots.unlock(JONAH)[1] == "b" and slots.unlock("a brand new sentence")[1] == "a"
    with pytest.raises(WrongPassphraseError):
        slots.unlock(MAYA)
    qtbot.mouseClick(page.remove_buttons["b"], Qt.MouseButton.LeftButton)
    with pytest.raises(WrongPassphraseError):
        slots.unlock(JONAH)
    assert {p: p.read_bytes() for p in ctx.paths.photos.rglob("*.jpg")} == photo_files

    old_code = main_window.privacy.recovery_dialog.code
    qtbot.mouseClick(page.new_code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.privacy.recovery_dialog.code != old_code, timeout=10_000)
    new_code = confirm_code(qtbot, main_window.privacy.recovery_dialog)
    assert slots.unlock(new_code)[1] == "recovery"
    with pytest.raises(WrongPassphraseError):
        slots.unlock(old_code)


def test_turning_the_lock_off_asks_then_decrypts(qtbot, ctx, main_window: MainWindow) -> None:
    photo_bytes = add_memories(ctx)
    prefs, dialog = turn_on_through_page(qtbot, main_window)
    confirm_code(qtbot, dialog)
    page = prefs.privacy_page
    qtbot.mouseClick(page.turn_off_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    qtbot.waitExposed(box)
    assert "Anyone who uses this laptop" in box.informativeText()
    keep = [b for b in box.buttons() if b.text() == "Keep it on"][0]
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert lock_state(ctx.paths) is LockState.ON

    qtbot.mouseClick(page.turn_off_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.confirm_box.findChild(type(keep), "confirmTurnOffButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lock_state(ctx.paths) is LockState.OFF and not
                    main_window.privacy.busy, timeout=30_000)
    assert page.off_view.isVisible()
    assert not ctx.store.encrypted and ctx.media.file_key is None
    assert not main_window.privacy.lock_action.isEnabled()
    assert not main_window.privacy.idle.is_watching()
    assert ctx.media.read_bytes(*_photo_key(photo_bytes)) == photo_bytes
    assert ProfileService(ctx.store).load().together_since == date(2019, 4, 12)
    assert files_holding(ctx.paths.photos, [PHOTO_MARK])  # plain again, as asked


def test_privacy_page_explains_what_a_passphrase_needs(qtbot, main_window: MainWindow) -> None:
    prefs = main_window.open_preferences()
    page = prefs.privacy_page
    prefs.tabs.setCurrentWidget(page)
    qtbot.keyClicks(page.new_fields["a"].first, "short")
    qtbot.mouseClick(page.turn_on_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in page.off_error.text()
    assert lock_state(main_window.ctx.paths) is LockState.OFF
    texts = " ".join(label.text() for label in page.findChildren(type(page.off_error)))
    assert "not even us" in texts and "recovery code" in texts


def test_a_killed_lock_change_is_finished_at_the_next_start(qtbot, tmp_path, settings) -> None:
    """Kill turning the lock on (and off) at random moments; the next start opens it all, whole."""
    import random
    import shutil

    from lovebridge.core.privacy.lock import turn_lock_on
    from lovebridge.paths import resolve_paths

    from .test_privacy_lock import PHOTO_COUNT, kill_during, make_library

    base, photos = make_library(tmp_path / "base")
    locked_base = tmp_path / "locked-base"
    shutil.copytree(base.data, locked_base)
    turn_lock_on(resolve_paths(locked_base), {"a": "kitchen radio", "b": "blue kettle"}, FAST)
    rng = random.Random(11)
    outcomes = []
    # Kills early (before the key file is in place) and anywhere up to the end, both ways.
    rounds = [("on", 0.2), ("on", rng.uniform(2.0, 3.5)), ("on", rng.uniform(0.1, 3.5)),
              ("off", rng.uniform(0.1, 1.5))]
    for round_number, (direction, delay) in enumerate(rounds):
        folder = tmp_path / f"round-{round_number}"
        shutil.copytree(base.data if direction == "on" else locked_base, folder)
        kill_during(direction, folder, delay)
        paths = resolve_paths(folder)
        launcher = Launcher(paths, settings)
        first = launcher.start()
        qtbot.addWidget(first)
        outcomes.append(f"{direction}: " + (
            "lock screen" if isinstance(first, StartupLockWindow) else "plain"))
        if isinstance(first, StartupLockWindow):
            unlock_through(qtbot, first.panel, "blue kettle")
        # Either way the window shows first and its library opens behind it.
        qtbot.waitUntil(lambda lc=launcher: lc.window is not None, timeout=10_000)
        qtbot.addWidget(launcher.window)
        ctx = launcher.window.ctx
        try:
            with ctx.store.session_scope() as session:
                assert "marmalade-lighthouse" in session.scalars(select(Message.body_text)).one()
                rows = session.execute(select(Photo.sha256, Photo.extension)).all()
            assert len(rows) == PHOTO_COUNT
            assert all(ctx.media.read_bytes(sha, ext) == photos[sha] for sha, ext in rows)
            assert ctx.store.encrypted == (lock_state(paths) is LockState.ON)
            assert interrupted_direction(paths) is None
            assert [p.name for p in folder.iterdir() if "pending" in p.name] == []
        finally:
            launcher.window.close()
            launcher.close()
    print(f"\nkilled lock changes opened through: {outcomes}")


def test_recovery_code_copy_leaves_nothing_on_the_clipboard(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from lovebridge.ui.privacy.recovery_dialog import RecoveryCodeDialog

    dialog = RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
    qtbot.addWidget(dialog)
    dialog.open()
    assert "ABCD   EFGH   JKLM" in dialog.code_label.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"
    assert "Copied" in dialog.copied_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.confirm_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and QApplication.clipboard().text() == ""
