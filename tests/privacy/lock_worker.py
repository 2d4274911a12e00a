"""Run by test_privacy_lock.py as a real process: turns the lock on or off, to be killed midway."""

import sys
from pathlib import Path

from lovebridge.core.privacy.keyslots import KdfParams, KeySlots
from lovebridge.core.privacy.lock import turn_lock_off, turn_lock_on
from lovebridge.paths import resolve_paths

FAST = KdfParams(time_cost=1, memory_cost_kib=8192, parallelism=1)

if __name__ == "__main__":
    direction, folder = sys.argv[1], Path(sys.argv[2])
    paths = resolve_paths(folder)
    print("start", flush=True)  # imports are done: the test times its kill from here
    if direction == "on":
        turn_lock_on(paths, {"a": "kitchen radio", "b": "blue kettle"}, FAST)
    else:
        data_key, _slot = KeySlots(paths.data).unlock("kitchen radio")
        turn_lock_off(paths, data_key)
    print("done", flush=True)
