"""A laptop process for the SIGKILL tests: `write` saves memories and syncs; `apply` syncs;
`join FOLDER CODE` joins the sharing in FOLDER (a brand-new library taking in a snapshot)."""

from __future__ import annotations

import sys
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft
from lovebridge.core.scrapbook.service import MemoryService
from lovebridge.core.sync.engine import SyncEngine
from lovebridge.paths import resolve_paths
from lovebridge.store import open_store


def main(role: str, data: str, start: int) -> None:
    paths = resolve_paths(Path(data)).ensure()
    ctx = AppContext(paths=paths, store=open_store(paths.database))
    engine = SyncEngine(ctx)
    i = start
    print("ready", flush=True)
    if role == "join":
        engine.setup_join(Path(sys.argv[3]), sys.argv[4])
        print("joined", flush=True)
        return
    while True:
        if role == "write":
            MemoryService(ctx).save(MemoryDraft(f"m{i}", MemoryDate(2025)))
            print(f"saved m{i}", flush=True)
            i += 1
            if i % 3 == 0:
                engine.sync_now()
        else:
            engine.sync_now()
            print("applied", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if sys.argv[3:4] and
         sys.argv[3].isdigit() else 0)
