"""What travels between the two laptops: which tables, keyed how, and in which field groups.

A field group is the unit the later edit wins on (a note's body is its HTML and plain text
together). Links between rows travel as the other row's stable key, never as a local integer id.
Per-laptop tables (reminders shown, sync's own tables) and rows marked "Private to me" stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lovebridge.store.base import UTCDateTime

DELETED = "__deleted__"  # the tombstone field: the row was deleted for good on some laptop
TAGS = "tags"


@dataclass(frozen=True)
class Ref:
    """A link column (`memory_id`) carried as the key of the row it points at."""

    column: str
    table: str


@dataclass(frozen=True)
class SyncedTable:
    name: str
    groups: dict[str, tuple[str, ...]]
    key: str = "uuid"  # "uuid", "sha256", "singleton", "occurrence" or "natural"
    refs: dict[str, Ref] = field(default_factory=dict)
    # "natural": the row is known by what it says, so the same thing made on both laptops is
    # one row. The key is these columns' values, after the key of `parent` (a ref).
    natural: tuple[str, ...] = ()
    parent: str | None = None
    key_pattern: str | None = None  # what a natural key from a batch must look like
    revivable: bool = False  # made again after a deletion elsewhere: the later of the two wins
    text_groups: frozenset[str] = frozenset()  # edits made apart are both kept
    trashable: bool = False
    private_column: str | None = None
    has_tags: bool = False
    # Marks that are set once and never taken back (a note's read mark): a change that would
    # clear one that is set loses, whatever its stamp; of two set values the later stamp wins.
    set_once: frozenset[str] = frozenset()

    def all_groups(self) -> list[str]:
        return [*self.groups, *self.refs, *([TAGS] if self.has_tags else [])]


def _g(*names: str) -> dict[str, tuple[str, ...]]:
    return {name: (name,) for name in names}


TABLES: dict[str, SyncedTable] = {
    t.name: t
    for t in (
        SyncedTable("profile", _g("partner_a", "partner_b", "together_since"), key="singleton"),
        SyncedTable("inside_joke", _g("text")),
        SyncedTable("special_date", _g("label", "day", "kind", "yearly")),
        SyncedTable(
            "message",
            {**_g("author", "category", "channel", "title", "status", "given_at",
                  "template_key", "memory_uuid", "style_json", "trashed_at",
                  "sent_to_partner_at", "read_at", "reply_to", "opens_on", "opened_at"),
             "body": ("body_html", "body_text")},
            text_groups=frozenset({"body"}), trashable=True, private_column="private",
            set_once=frozenset({"sent_to_partner_at", "read_at", "opened_at"}),
        ),
        SyncedTable(
            "custom_template", _g("author", "category", "tone", "length", "text", "trashed_at"),
            trashable=True,
        ),
        SyncedTable(
            "memory",
            {**_g("title", "place", "mood", "favourite", "added_by", "trashed_at"),
             "date": ("date_year", "date_month", "date_day"),
             "story": ("story_html", "story_text")},
            text_groups=frozenset({"story"}), trashable=True, private_column="private",
            has_tags=True,
        ),
        SyncedTable(
            "memory_place", _g("name", "position", "country", "latitude", "longitude"),
            key="natural", natural=("name",), refs={"memory": Ref("memory_id", "memory")},
            parent="memory", revivable=True,
        ),
        SyncedTable(
            "photo",
            _g("extension", "byte_size", "width", "height", "orientation", "taken_at",
               "original_name"),
            key="sha256",
        ),
        SyncedTable(
            "memory_photo", _g("position", "caption", "trashed_at"),
            refs={"memory": Ref("memory_id", "memory"), "photo": Ref("photo_id", "photo")},
            trashable=True,
        ),
        SyncedTable(
            "plan",
            _g("title", "kind", "starts_at", "ends_at", "timezone", "all_day", "place", "budget",
               "notes", "idea_key", "status", "reminder_minutes", "rrule", "memory_uuid",
               "ical_uid", "trashed_at"),
            trashable=True,
        ),
        SyncedTable(
            "plan_occurrence",
            _g("status", "starts_at", "ends_at", "notes", "memory_uuid", "title", "place",
               "original_start"),
            key="occurrence", refs={"plan": Ref("plan_id", "plan")},
        ),
        SyncedTable(
            "check_in", _g("occurrence_start", "prompts_json", "notes_html"),
            refs={"plan": Ref("plan_id", "plan")},
        ),
        SyncedTable(
            "custom_idea",
            _g("title", "why", "at_home", "indoor", "cost", "duration_minutes", "energy",
               "season", "tags", "trashed_at"),
            trashable=True,
        ),
        # The same word added on both laptops is one word; removed on one, it goes on both
        # (until someone adds it again).
        SyncedTable("dictionary_word", _g("word"), key="natural", natural=("word",),
                    key_pattern=r"^\S.{0,79}$", revivable=True),
        # One hand per partner: the whole captured hand is one field, the later capture wins.
        SyncedTable("handwriting", {"hand": ("name", "glyphs_json", "sheet_code")},
                    key="natural", natural=("partner",), key_pattern=r"^[ab]$",
                    revivable=True),
    )
}

KEY_COLUMN = {"uuid": "uuid", "sha256": "sha256"}


def encode(value: Any) -> Any:
    """A column value as JSON-friendly data."""
    if isinstance(value, date):  # a datetime is a date too
        return value.isoformat()
    return value


def decode(column_type: Any, value: Any) -> Any:
    """JSON data back to what the column takes (aware datetimes, dates)."""
    if value is None:
        return None
    if isinstance(column_type, UTCDateTime):
        return datetime.fromisoformat(value)
    python_type = _python_type(column_type)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is bool:
        return bool(value)
    return value


def _python_type(column_type: Any) -> type | None:
    try:
        return column_type.python_type
    except NotImplementedError:
        return None


def natural_key(spec: SyncedTable, values: dict[str, Any], parent_key: str | None) -> str | None:
    """The key of a row known by what it says (see SyncedTable.natural): the value itself for
    a single column (a word is kept as typed, lower-case), case-folded after its parent's key
    (a place's name, which the table compares without case)."""
    parts = [str(values.get(c) or "") for c in spec.natural]
    if spec.parent:
        parts = [p.casefold() for p in parts]
    if not all(parts):
        return None
    if spec.parent:
        if parent_key is None:
            return None
        parts.insert(0, parent_key)
    return "|".join(parts)


def occurrence_key(plan_key: str, original_start: Any) -> str:
    """A changed occurrence is known by its plan and original start, on both laptops."""
    return f"{plan_key}@{encode(original_start)}"
