"""Crash-harness worker: adds photos and notes and makes automatic backups until killed.

Run as `python tests/crash/backup_worker.py --data-dir DIR --round N`. Each backup is dated one
day after the previous one (rounds start 100 days apart), so rotation and pool pruning run too.
After each finished backup it prints `ACK backup <file name>` (flushed).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lovebridge.core.backup import make_automatic_backup  # noqa: E402
from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.models import Message, Photo  # noqa: E402

START = datetime(2026, 1, 1, 12, tzinfo=UTC)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--round", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.round)
    paths = resolve_paths(args.data_dir).ensure()
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store)
    print("READY", flush=True)
    step = 0
    while True:
        step += 1
        for _ in range(rng.randint(1, 4)):
            stored = ctx.media.add_bytes(rng.randbytes(rng.randint(20_000, 300_000)), "jpg")
            with store.session_scope() as session:
                session.add(Photo(sha256=stored.sha256, extension="jpg",
                                  byte_size=stored.byte_size))
                session.add(Message(body_text=f"note {args.round}-{step}"))
        if rng.random() < 0.3:  # photos leave the library too: older backups still need them
            for path in sorted(paths.photos.rglob("*.jpg"))[: rng.randint(1, 3)]:
                path.unlink()
        when = START + timedelta(days=100 * args.round + step)
        result = make_automatic_backup(store, paths, when)
        sys.stdout.write(f"ACK backup {result.path.name}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
