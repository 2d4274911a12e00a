"""Crash-harness worker: writes notes, memories and photos through the store until killed.

Run as `python tests/crash/worker.py --data-dir DIR --seed N`. After each commit it prints one
acknowledgement line (flushed) that the test holds the store to after a SIGKILL:

    ACK message <uuid> <body>
    ACK memory <uuid> <photo sha256>
    ACK edit <uuid> <new body>

Before an edit it prints `INTENT edit <uuid> <new body>`: a kill between commit and ACK may
leave the edit saved without its acknowledgement, and the test must accept either value.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select  # noqa: E402

from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.models import Memory, MemoryPhoto, Message, Photo  # noqa: E402


def ack(*parts: str) -> None:
    sys.stdout.write("ACK " + " ".join(parts) + "\n")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    paths = resolve_paths(args.data_dir).ensure()
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store)
    print("READY", flush=True)
    step = 0
    while True:
        step += 1
        choice = rng.random()
        if choice < 0.45:
            body = f"note-{args.seed}-{step}"
            with store.session_scope() as session:
                message = Message(body_text=body)
                session.add(message)
            ack("message", message.uuid, body)
        elif choice < 0.9:
            # The photo file is complete and durable (temp + fsync + rename) BEFORE the row
            # that points to it is committed: a kill in between leaves an orphan file at most.
            data = rng.randbytes(rng.randint(20_000, 400_000))
            stored = ctx.media.add_bytes(data, "jpg")
            with store.session_scope() as session:
                memory = Memory(title=f"memory-{args.seed}-{step}", date_year=2024)
                photo = Photo(sha256=stored.sha256, extension="jpg", byte_size=stored.byte_size)
                memory.photos.append(MemoryPhoto(photo=photo))
                session.add(memory)
            ack("memory", memory.uuid, stored.sha256)
        else:
            with store.session_scope() as session:
                message = session.scalars(select(Message).order_by(Message.id.desc())).first()
                if message is None:
                    continue
                uuid, body = message.uuid, f"edited-{args.seed}-{step}"
                sys.stdout.write(f"INTENT edit {uuid} {body}\n")
                sys.stdout.flush()
                message.body_text = body
            ack("edit", uuid, body)


if __name__ == "__main__":
    sys.exit(main())
