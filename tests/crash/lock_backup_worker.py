"""Run by test_lock_backup_kill.py as a real process, to be SIGKILLed at a random moment.

It does what the running app does when the lock is turned on and off while automatic backups
run: backups in one thread; in another, each change of the lock held against automatic backups
(`automatic_backups_held`), the store suspended, the files converted, the store reopened. It
prints "ACK <state>" after each change is complete.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lovebridge.core.backup.service import automatic_backups_held, make_automatic_backup
from lovebridge.core.privacy.keyslots import KeySlots
from lovebridge.core.privacy.lock import DataKeys, LockState, lock_state
from lovebridge.core.privacy.switch import database_key, switch_lock_off, switch_lock_on
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store
from tests.privacy.lock_worker import FAST

PASSPHRASES = {"a": "kitchen radio", "b": "blue kettle"}

if __name__ == "__main__":
    paths = resolve_paths(Path(sys.argv[2])).ensure()
    data_key = (KeySlots(paths.data).unlock(PASSPHRASES["a"])[0]
                if lock_state(paths) is LockState.ON else None)
    store = open_store(paths.database, database_key(paths, data_key))
    state = {"key": data_key, "stop": False}
    one_job_at_a_time = threading.Lock()
    clock = [datetime(2026, 11, 23, 9, 0, tzinfo=UTC)]

    def back_up() -> None:
        while not state["stop"]:
            clock[0] += timedelta(minutes=1)
            # The app's job queue starts a backup with the lock state of that moment, never
            # beside a lock change; the key is read under the same turn-taking here.
            with one_job_at_a_time:
                key = state["key"]
                files = DataKeys.from_data_key(key).files if key else None
                try:
                    make_automatic_backup(store, paths, clock[0], file_key=files)
                except Exception as exc:  # noqa: BLE001 - a refused backup is fine, a lost note is not
                    print(f"BACKUP-REFUSED {type(exc).__name__}", flush=True)
                else:
                    print("BACKUP", flush=True)
            time.sleep(0.05)  # back-to-back, but leaving the lock change its turn

    worker = threading.Thread(target=back_up, daemon=True)
    worker.start()
    print("READY", flush=True)
    for _round in range(int(sys.argv[1])):
        with one_job_at_a_time, automatic_backups_held():
            store.suspend()
            if state["key"] is None:
                change = switch_lock_on(paths, PASSPHRASES, lambda: FAST)
            else:
                change = switch_lock_off(paths, state["key"])
            assert change.error is None, type(change.error).__name__
            state["key"] = change.data_key
            store.reopen(database_key(paths, change.data_key))
        print(f"ACK {lock_state(paths).name}", flush=True)
    state["stop"] = True
    worker.join()
    store.close()
