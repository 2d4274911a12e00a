"""Make a synthetic LoveBridge data folder holding a decade of memories, photos, notes and plans.

    python tests/perf/make_library.py OUT_DIR [--memories N] [--photos M] [--seed S]
        [--messages K] [--plans P] [--photo-size WxH] [--workers W]

The same arguments always give the same library (every random choice flows from `--seed`; the
record UUIDs and times too). OUT_DIR is a normal LoveBridge data folder: open it with
`python -m lovebridge --data-dir OUT_DIR`.

Photos are real JPEG files with their own pixels (smooth colour fields under fine grain, so they
compress like photographs do: about 380 KB at 1600x1200), rendered by a pool of worker processes
and placed where `MediaStore` keeps them, with Photo and MemoryPhoto rows. 1600x1200 is the
default rather than a camera's 4000x3000 because 20,000 twelve-megapixel files would take hours
to encode and ~100 GB of disk on a shared 2-core machine, while the app never shows an original
at full size (it works from thumbnails); thumbnailing's own benchmark can make a library with
`--photo-size 4000x3000`. About one photo in twenty carries an EXIF orientation (3, 6 or 8), as
phone cameras write it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import multiprocessing
import os
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, str(REPO_ROOT))

from PIL import Image  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from lovebridge.core.scrapbook.search import rebuild_index  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402
from lovebridge.store.media import MediaStore  # noqa: E402
from lovebridge.store.models import (  # noqa: E402
    InsideJoke,
    Memory,
    MemoryPhoto,
    Message,
    Photo,
    Plan,
    Profile,
    SpecialDate,
    Tag,
    memory_tags,
)

# The library ends on this day (the tests' fixed "now"), so "on this day" has matches every year.
END_DATE = date(2026, 11, 23)
YEARS = 10
MANIFEST = "generated.json"

# ---- our own little word lists ---------------------------------------------------------------
ADJECTIVES = (
    "quiet", "golden", "rainy", "lazy", "windy", "bright", "slow", "silly", "warm", "late",
    "early", "sleepy", "sunny", "snowy", "long", "little", "first", "last", "secret", "noisy",
)
NOUNS = (
    "walk", "picnic", "breakfast", "train ride", "market", "swim", "concert", "dinner", "hike",
    "road trip", "bonfire", "museum", "bake-off", "garden day", "boat trip", "film night",
    "bookshop", "dance class", "sunrise", "thunderstorm", "birthday", "move", "camping night",
)
PLACES = (
    "Harbour Street", "the old pier", "Millbrook Park", "Aunt Rosa's kitchen", "Lake Orla",
    "the night market", "Hollow Hill", "the corner café", "Saltmarsh Bay", "our first flat",
    "the botanic garden", "Cedar Ridge trail", "the allotment", "Riverside cinema",
    "the ferry to Inish", "Grandad's shed", "the rooftop", "Fernwood campsite", "the city library",
    "Lindenplatz", "the little bakery on Rue Verte", "Kestrel Point", "the ice rink", "",
)
TAGS = (
    "beach", "firsts", "family", "friends", "food", "travel", "home", "rain", "snow", "music",
    "dog", "garden", "cooking", "birthday", "anniversary", "hiking", "city", "sea", "books",
    "films", "dancing", "sunsets", "laughing", "cosy", "road trip", "camping", "picnic", "coffee",
    "market", "art", "swimming", "photos", "weekend", "holiday", "surprise", "quiet", "late night",
    "breakfast", "bikes", "trains", "museum", "concert", "wedding", "new home", "moving", "baking",
    "flowers", "stars", "storm", "autumn", "spring", "summer", "winter", "games", "kayak", "island",
    "mountains", "lake", "river", "tea",
)
STORY_WORDS = (
    "we", "you", "I", "laughed", "walked", "talked", "held", "hands", "until", "the", "light",
    "changed", "over", "water", "bread", "still", "warm", "remember", "how", "your", "coat",
    "smelled", "of", "rain", "and", "coffee", "kept", "saying", "that", "song", "again", "wind",
    "pulled", "at", "map", "nobody", "could", "fold", "back", "sat", "on", "steps", "for", "hours",
    "watching", "boats", "came", "home", "tired", "happy", "little", "while", "later", "sky",
    "turned", "pink", "ate", "too", "much", "cake", "lost", "way", "found", "better", "one",
    "promised", "come", "next", "year", "quietly", "together", "slowly", "window", "streetlights",
    "dog", "ran", "after", "gulls", "made", "plans", "nothing", "everything", "felt", "easy",
)
MOODS = (None, "joyful", "tender", "calm", "silly", "proud", "grateful", "bittersweet")
CATEGORIES = (
    "appreciation", "apology", "admiration", "future_plans", "remembering", "encouragement",
    "missing_you", "reconnecting", "good_morning", "good_night", "milestone", "support",
    "check_in",
)
CHANNELS = ("print", "text", "email", "image", "qr", "copy")
STATUSES = ("draft", "sent", "printed", "given")
PLAN_KINDS = ("date_night", "check_in", "getaway", "anniversary", "ritual")
PLAN_TITLES = (
    "Cook something new together", "Phones-off dinner", "Sunday walk by the river",
    "Weekly check-in", "Picnic in the park", "Board games and soup", "Stargazing",
    "Pottery class", "Breakfast in bed", "Weekend by the sea", "Dance in the kitchen",
    "Visit a new bookshop", "Our anniversary", "Bike ride to the lake", "Film marathon",
)
# Recurring plans as the Dates room would store them (RFC 5545 RRULE text).
RRULES = (
    "FREQ=WEEKLY;BYDAY=FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU",
    "FREQ=MONTHLY;BYMONTHDAY=12",
    "FREQ=MONTHLY;BYDAY=1SA",
    "FREQ=YEARLY",
    "FREQ=WEEKLY;BYDAY=WE;COUNT=12",
    "FREQ=DAILY;INTERVAL=7;UNTIL=20271231T000000Z",
)
TIMEZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney")
CAMERAS = (("Pixelon", "P7"), ("Lumina", "X20"), ("Fotoka", "Mini 3"))

EXIF_ORIENTATION = 0x0112
EXIF_MAKE, EXIF_MODEL, EXIF_DATETIME = 0x010F, 0x0110, 0x0132


# ---- photos (worker processes) -----------------------------------------------------------------
_media: MediaStore | None = None


def _init_worker(photos_root: str) -> None:
    global _media
    _media = MediaStore(Path(photos_root))


def render_jpeg(seed: int, width: int, height: int, orientation: int, taken: str | None) -> bytes:
    """A photo-like JPEG: a smooth colour field under fine grain, with camera EXIF."""
    rng = random.Random(seed)
    field = Image.frombytes("RGB", (8, 6), rng.randbytes(8 * 6 * 3))
    field = field.resize((width, height), Image.Resampling.BICUBIC)
    # Grain from our own seeded source (Pillow's effect_noise draws on C's rand(), which differs
    # from worker to worker), softened so it compresses like sensor noise, not static.
    grain_size = (max(width // 4, 1), max(height // 4, 1))
    grain = Image.frombytes("L", grain_size, rng.randbytes(grain_size[0] * grain_size[1]))
    grain = grain.resize((width, height), Image.Resampling.BILINEAR)
    image = Image.blend(field, Image.merge("RGB", (grain, grain, grain)), 0.35)
    exif = Image.Exif()
    make, model = CAMERAS[seed % len(CAMERAS)]
    exif[EXIF_MAKE], exif[EXIF_MODEL] = make, model
    if taken:
        exif[EXIF_DATETIME] = taken
    if orientation != 1:
        exif[EXIF_ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def store_photo(job: tuple[int, int, int, int, str | None]) -> tuple[str, int]:
    """Render one photo and place it where MediaStore keeps it; returns (sha256, byte size).

    MediaStore.add_bytes fsyncs every file and its folder (right for a user's photos); on this
    shared disk that is ~0.1 s a photo and nothing here needs it, so the file is written to a
    temp name and renamed into MediaStore's own place, and `make_library` syncs once at the end.
    """
    assert _media is not None
    seed, width, height, orientation, taken = job
    data = render_jpeg(seed, width, height, orientation, taken)
    sha256 = hashlib.sha256(data).hexdigest()
    target = _media.path_for(sha256, "jpg")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    incoming = target.with_name(f".incoming-{os.getpid()}")
    incoming.write_bytes(data)
    os.chmod(incoming, 0o600)
    os.replace(incoming, target)
    return sha256, len(data)


# ---- records ---------------------------------------------------------------------------------
class Generator:
    """Builds every row from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.start = END_DATE.replace(year=END_DATE.year - YEARS)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def moment(self, day: date) -> datetime:
        """A time of day on `day`, in UTC."""
        minutes = self.rng.randrange(7 * 60, 23 * 60)
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(minutes=minutes)

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def sentence(self) -> str:
        words = self.rng.choices(STORY_WORDS, k=self.rng.randrange(6, 18))
        return " ".join(words).capitalize() + "."

    def story(self) -> list[str]:
        """Paragraphs: mostly a few sentences, sometimes one line, sometimes pages."""
        roll = self.rng.random()
        count = (
            self.rng.randrange(0, 3) if roll < 0.2
            else self.rng.randrange(3, 13) if roll < 0.85
            else self.rng.randrange(20, 90)
        )
        sentences = [self.sentence() for _ in range(count)]
        return [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]

    def memories(self, count: int) -> list[dict]:
        rows = []
        for memory_id in range(1, count + 1):
            day = self.day_between(self.start, END_DATE)
            # Older memories are more often remembered only to the month or the year.
            age = (END_DATE - day).days / 365
            precision = self.rng.random()
            month = None if precision < 0.01 * age else day.month
            day_of_month = None if month is None or precision < 0.03 * age else day.day
            paragraphs = self.story()
            created = self.moment(day)
            rows.append({
                "id": memory_id,
                "uuid": self.uuid(),
                "created_at": created,
                "updated_at": created,
                "trashed_at": created + timedelta(days=3) if self.rng.random() < 0.01 else None,
                "title": f"{self.rng.choice(ADJECTIVES).capitalize()} {self.rng.choice(NOUNS)}",
                "date_year": day.year,
                "date_month": month,
                "date_day": day_of_month,
                "place": self.rng.choice(PLACES),
                "story_html": "".join(f"<p>{p}</p>" for p in paragraphs),
                "story_text": "\n\n".join(paragraphs),
                "mood": self.rng.choice(MOODS),
                "favourite": self.rng.random() < 0.08,
                "added_by": self.rng.choice("ab"),
            })
        return rows

    def tag_links(self, memories: list[dict]) -> list[dict]:
        links = []
        for memory in memories:
            for tag_index in self.rng.sample(range(len(TAGS)), self.rng.randrange(0, 5)):
                links.append({"memory_id": memory["id"], "tag_id": tag_index + 1})
        return links

    def photo_plan(self, memories: list[dict], count: int, size: tuple[int, int]) -> list[dict]:
        """Which memory each photo belongs to, its shape, orientation and time taken."""
        width, height = size
        per_memory: dict[int, int] = {}
        plans = []
        for photo_id in range(1, count + 1):
            memory = memories[self.rng.randrange(len(memories))]
            position = per_memory.get(memory["id"], 0)
            per_memory[memory["id"]] = position + 1
            roll = self.rng.random()
            orientation = 1 if roll < 0.95 else self.rng.choice((3, 6, 8))
            # Cameras keep sensor-shaped (landscape) pixels and say how to turn them; some phones
            # store portrait pixels instead.
            portrait_pixels = orientation == 1 and self.rng.random() < 0.2
            w, h = (height, width) if portrait_pixels else (width, height)
            taken = None
            if memory["date_day"] is not None:
                taken = self.moment(date(memory["date_year"], memory["date_month"],
                                         memory["date_day"]))
            plans.append({
                "photo_id": photo_id,
                "memory_id": memory["id"],
                "position": position,
                "seed": self.rng.getrandbits(48),
                "width": w,
                "height": h,
                "orientation": orientation,
                "taken_at": taken,
                "caption": self.sentence() if self.rng.random() < 0.3 else "",
                "created_at": memory["created_at"],
            })
        return plans

    def messages(self, count: int, memories: list[dict]) -> list[dict]:
        rows = []
        for _ in range(count):
            day = self.day_between(self.start, END_DATE)
            created = self.moment(day)
            status = self.rng.choice(STATUSES)
            paragraphs = [" ".join(self.sentence() for _ in range(self.rng.randrange(1, 6)))
                          for _ in range(self.rng.randrange(1, 4))]
            linked = self.rng.random() < 0.2
            rows.append({
                "uuid": self.uuid(),
                "created_at": created,
                "updated_at": created,
                "trashed_at": None,
                "author": self.rng.choice("ab"),
                "category": self.rng.choice(CATEGORIES),
                "channel": self.rng.choice(CHANNELS),
                "title": self.rng.choice(("", "For you", "A little note", "Tonight")),
                "body_html": "".join(f"<p>{p}</p>" for p in paragraphs),
                "body_text": "\n\n".join(paragraphs),
                "status": status,
                "given_at": created + timedelta(hours=5) if status == "given" else None,
                "template_key": (
                    None if self.rng.random() < 0.5 else f"builtin.{self.rng.randrange(80)}"
                ),
                "memory_uuid": self.rng.choice(memories)["uuid"] if linked else None,
                "style_json": None if status == "draft" else json.dumps(
                    {"paper": self.rng.choice(("cream", "blush", "sky")), "hand": "caveat"}
                ),
            })
        return rows

    def plans(self, count: int) -> list[dict]:
        rows = []
        for _ in range(count):
            day = self.day_between(self.start, END_DATE + timedelta(days=365))
            zone = self.rng.choice(TIMEZONES)
            local = datetime(day.year, day.month, day.day, self.rng.choice((10, 13, 19, 20)),
                             self.rng.choice((0, 30)), tzinfo=ZoneInfo(zone))
            starts = local.astimezone(UTC)
            created = starts - timedelta(days=self.rng.randrange(1, 30))
            recurring = self.rng.random() < 0.15
            rows.append({
                "uuid": self.uuid(),
                "created_at": created,
                "updated_at": created,
                "trashed_at": None,
                "title": self.rng.choice(PLAN_TITLES),
                "kind": self.rng.choice(PLAN_KINDS),
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=self.rng.choice((1, 2, 3))),
                "timezone": zone,
                "all_day": False,
                "place": self.rng.choice(PLACES),
                "budget": self.rng.choice((None, 0.0, 20.0, 45.5, 120.0)),
                "notes": self.sentence() if self.rng.random() < 0.5 else "",
                "idea_key": None,
                "status": "done" if day < END_DATE else "planned",
                "reminder_minutes": self.rng.choice((None, 60, 24 * 60)),
                "rrule": self.rng.choice(RRULES) if recurring else None,
                "memory_uuid": None,
            })
        return rows


# ---- the whole library -----------------------------------------------------------------------
def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if not (16 <= width <= 10000 and 16 <= height <= 10000):
        raise argparse.ArgumentTypeError("each side must be between 16 and 10000 pixels")
    return width, height


def progress(label: str, done: int, total: int, started: float) -> None:
    """Rewrite one status line on stderr."""
    elapsed = time.perf_counter() - started
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else 0.0
    sys.stderr.write(f"\r  {label} {done:,}/{total:,}  {rate:,.0f}/s  eta {eta:,.0f} s   ")
    sys.stderr.flush()


def generate_photos(plans: list[dict], photos_root: Path, workers: int) -> list[tuple[str, int]]:
    """Render and store every photo in `workers` processes; results in plan order."""
    jobs = [
        (p["seed"], p["width"], p["height"], p["orientation"],
         p["taken_at"].strftime("%Y:%m:%d %H:%M:%S") if p["taken_at"] else None)
        for p in plans
    ]
    results: list[tuple[str, int]] = []
    started = time.perf_counter()
    with multiprocessing.Pool(workers, _init_worker, (str(photos_root),)) as pool:
        for result in pool.imap(store_photo, jobs, chunksize=16):
            results.append(result)
            if len(results) % 50 == 0 or len(results) == len(jobs):
                progress("photos", len(results), len(jobs), started)
    if jobs:
        sys.stderr.write("\n")
        os.sync()  # the one flush the workers skipped
    return results


def make_library(
    out_dir: Path,
    *,
    memories: int = 10_000,
    photos: int = 20_000,
    messages: int = 2_000,
    plans: int = 500,
    seed: int = 1,
    photo_size: tuple[int, int] = (1600, 1200),
    workers: int = 2,
) -> dict:
    """Fill the new data folder `out_dir`; returns what was made (also saved as generated.json)."""
    paths = resolve_paths(out_dir)
    if paths.database.exists():
        raise SystemExit(f"make_library: {out_dir} already holds a LoveBridge library")
    if memories < 1 and photos > 0:
        raise SystemExit("make_library: photos need at least one memory to belong to")
    started = time.perf_counter()
    paths.ensure()
    gen = Generator(seed)
    memory_rows = gen.memories(memories)
    links = gen.tag_links(memory_rows)
    photo_plans = gen.photo_plan(memory_rows, photos, photo_size) if photos else []
    message_rows = gen.messages(messages, memory_rows) if memory_rows else []
    plan_rows = gen.plans(plans)

    photo_files = generate_photos(photo_plans, paths.photos, workers)
    photos_done = time.perf_counter()

    store = open_store(paths.database)
    try:
        with store.session_scope() as session:
            session.execute(insert(Profile), [{
                "uuid": gen.uuid(), "partner_a": "Maya", "partner_b": "Jonah",
                "together_since": gen.start - timedelta(days=200),
                "created_at": datetime.combine(gen.start, datetime.min.time(), UTC),
                "updated_at": datetime.combine(gen.start, datetime.min.time(), UTC),
            }])
            session.execute(insert(InsideJoke), [
                {"uuid": gen.uuid(), "text": text}
                for text in ("the purple umbrella", "left at the lighthouse", "soup o'clock")
            ])
            session.execute(insert(SpecialDate), [
                {"uuid": gen.uuid(), "label": "First date", "day": gen.start,
                 "kind": "anniversary"},
                {"uuid": gen.uuid(), "label": "Maya's birthday", "day": date(1992, 3, 8),
                 "kind": "birthday"},
            ])
            session.execute(insert(Tag), [{"id": i + 1, "name": t} for i, t in enumerate(TAGS)])
            session.execute(insert(Memory), memory_rows)
            if links:
                session.execute(insert(memory_tags), links)
            if photo_plans:
                session.execute(insert(Photo), [
                    {"id": p["photo_id"], "uuid": gen.uuid(), "sha256": sha, "extension": "jpg",
                     "byte_size": size, "width": p["width"], "height": p["height"],
                     "orientation": p["orientation"], "taken_at": p["taken_at"],
                     "original_name": f"IMG_{p['photo_id']:05d}.jpg",
                     "created_at": p["created_at"], "updated_at": p["created_at"]}
                    for p, (sha, size) in zip(photo_plans, photo_files, strict=True)
                ])
                session.execute(insert(MemoryPhoto), [
                    {"uuid": gen.uuid(), "memory_id": p["memory_id"], "photo_id": p["photo_id"],
                     "position": p["position"], "caption": p["caption"],
                     "created_at": p["created_at"], "updated_at": p["created_at"]}
                    for p in photo_plans
                ])
            if message_rows:
                session.execute(insert(Message), message_rows)
            if plan_rows:
                session.execute(insert(Plan), plan_rows)
            # The scrapbook service keeps fts_memory (no triggers): index the bulk inserts.
            rebuild_index(session)
    finally:
        store.close()
    finished = time.perf_counter()
    summary = {
        "memories": memories, "photos": photos, "messages": len(message_rows),
        "plans": len(plan_rows), "seed": seed, "photo_size": f"{photo_size[0]}x{photo_size[1]}",
        "photo_bytes": sum(size for _sha, size in photo_files),
        "database_bytes": paths.database.stat().st_size,
        "seconds_photos": round(photos_done - started, 1),
        "seconds_total": round(finished - started, 1),
    }
    (out_dir / MANIFEST).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="an empty or new folder for the library")
    parser.add_argument("--memories", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--messages", type=int, default=2_000)
    parser.add_argument("--plans", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--photo-size", type=parse_size, default=(1600, 1200), metavar="WxH",
                        help="pixel size of every photo (default 1600x1200; see the docstring)")
    parser.add_argument("--workers", type=int, default=2, help="processes encoding JPEGs")
    args = parser.parse_args(argv)
    if min(args.memories, args.photos, args.messages, args.plans) < 0 or args.workers < 1:
        parser.error("counts must not be negative and --workers must be at least 1")
    summary = make_library(
        args.out_dir, memories=args.memories, photos=args.photos, messages=args.messages,
        plans=args.plans, seed=args.seed, photo_size=args.photo_size, workers=args.workers,
    )
    print(
        f"made {summary['memories']:,} memories, {summary['photos']:,} photos "
        f"({summary['photo_bytes'] / 2**20:,.0f} MiB), {summary['messages']:,} notes and "
        f"{summary['plans']:,} plans in {summary['seconds_total']:,.1f} s -> {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
