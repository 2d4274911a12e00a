"""A generated LoveBridge library touching every table, and a full dump to compare libraries."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from lovebridge.core.context import AppContext
from lovebridge.store.db import Store
from lovebridge.store.models import (
    CheckIn,
    CustomIdea,
    CustomTemplate,
    InsideJoke,
    Memory,
    MemoryPhoto,
    Message,
    Photo,
    Plan,
    PlanOccurrence,
    Profile,
    ReminderShown,
    SpecialDate,
    Tag,
)

START = datetime(2019, 4, 12, 18, 0, tzinfo=UTC)


def fake_photo(rng: random.Random, size: int) -> bytes:
    """Bytes that look like a JPEG to a file sniffer and never repeat (random body)."""
    return b"\xff\xd8\xff\xe0" + rng.randbytes(max(size - 6, 0)) + b"\xff\xd9"


def populate(ctx: AppContext, *, notes: int = 20, memories: int = 6, photos_per_memory: int = 2,
             photo_size: int = 4000, seed: int = 7) -> None:
    """Fill every table the rooms use, with photo files written through ctx.media."""
    rng = random.Random(seed)
    with ctx.store.session_scope() as session:
        if session.query(Profile).count() == 0:
            session.add(Profile(partner_a="Maya", partner_b="Jonah",
                                together_since=date(2019, 4, 12)))
        session.add(InsideJoke(text="the purple umbrella"))
        session.add(SpecialDate(label="First date", day=date(2019, 4, 12)))
        session.add(CustomTemplate(category="appreciation", text="Thank you for {detail}."))
        session.add(CustomIdea(title="Picnic on the balcony", why="Sun and bread."))
        tags = [Tag(name=f"tag-{seed}-{i}") for i in range(3)]
        for i in range(notes):
            session.add(Message(body_text=f"Note {i}: you make mornings lighter ☀️",
                                body_html=f"<p>Note {i}</p>", status="draft", author="ab"[i % 2],
                                created_at=START + timedelta(days=i)))
        for i in range(memories):
            memory = Memory(title=f"Memory {seed}-{i}", date_year=2020 + i % 5, date_month=7,
                            place="Lake Bled", story_text="We swam until the sun went down.")
            memory.tags = tags[: 1 + i % 3]
            for position in range(photos_per_memory):
                stored = ctx.media.add_bytes(fake_photo(rng, photo_size), "jpg")
                photo = Photo(sha256=stored.sha256, extension="jpg", byte_size=stored.byte_size)
                memory.photos.append(MemoryPhoto(photo=photo, position=position, caption="🙂"))
            session.add(memory)
        plan = Plan(title="Friday date", starts_at=START, timezone="Europe/Berlin",
                    rrule="FREQ=WEEKLY;BYDAY=FR")
        plan.occurrences.append(PlanOccurrence(original_start=START, status="done"))
        session.add(plan)
        session.flush()
        session.add(CheckIn(plan_id=plan.id, notes_html="<p>We talked.</p>"))
        session.add(ReminderShown(plan_id=plan.id, occurrence_start=START, shown_at=START))


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two equal dumps mean two identical libraries."""
    connection = store.raw_connection()
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        connection.close()


def photo_tree(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file under `root`."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def folder_state(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes, except logs (used to prove nothing was written)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*") if p.is_file() and "logs" not in p.relative_to(root).parts
    }
