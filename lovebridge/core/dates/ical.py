"""iCalendar (.ics) export and import of plans, through the `icalendar` library.

Export writes one VEVENT per plan with its RRULE, EXDATEs for skipped occurrences,
RECURRENCE-ID events for moved or changed ones, a VALARM for the reminder and the plan's TZID
(with VTIMEZONE definitions), so a phone calendar shows the same thing. Import reads what it can
and counts what it could not; it never raises anything but IcsImportError.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vRecur

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.model import KINDS, STATUSES, OccurrenceOverride, PlanData, PlanDraft
from lovebridge.core.dates.plans import PlanError, PlanService, validate

logger = logging.getLogger(__name__)

PRODID = "-//LoveBridge//Dates//EN"
UID_SUFFIX = "@lovebridge"
MAX_BYTES = 20 * 1024 * 1024
MAX_EVENTS = 10_000
MAX_DATES = 1_000  # EXDATEs plus RDATEs one event may list

# Why an event was left out, as the end of "skipped 3 events …".
UNREADABLE = "we could not read"
BEYOND_CAP = (f"beyond the first {MAX_EVENTS:,} (LoveBridge reads at most {MAX_EVENTS:,} "
              "from one file)")
SUB_DAILY = "repeating more often than once a day (plans repeat at most daily)"
TOO_MANY_DATES = f"listing more than {MAX_DATES:,} extra or skipped dates"


class SkippedEventError(ValueError):
    """One event left out, for a reason the couple is told (one of the phrases above)."""


class IcsImportError(Exception):
    """The file could not be read as a calendar at all; nothing was changed."""


@dataclass
class ImportReport:
    """What an import did, for the sentence shown to the couple."""

    imported: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)  # reason phrase -> events skipped for it

    @classmethod
    def of(cls, imported: int, skips: Counter) -> ImportReport:
        return cls(imported=imported, skipped=sum(skips.values()), reasons=Counter(skips))

    def summary(self) -> str:
        plans = "1 plan" if self.imported == 1 else f"{self.imported} plans"
        text = f"Imported {plans}"
        reasons = self.reasons or Counter({UNREADABLE: self.skipped} if self.skipped else {})
        parts = []
        for reason, count in reasons.items():
            events = "1 event" if count == 1 else f"{count:,} events"
            parts.append(f"{events} {reason}")
        if parts:
            text += "; skipped " + "; ".join(parts)
        return text + "."


# ---- export ---------------------------------------------------------------------------------
def uid_for(plan: PlanData) -> str:
    return plan.ical_uid or f"{plan.uuid}{UID_SUFFIX}"


def _when(moment: datetime, plan: PlanData) -> date | datetime:
    local = moment.astimezone(recurrence.zone(plan.timezone))
    return local.date() if plan.all_day else local


def export_calendar(plans: list[PlanData], now: datetime) -> bytes:
    """An .ics file holding `plans` (recurring ones keep their rule)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "LoveBridge")
    for plan in plans:
        for event in plan_events(plan, now):
            cal.add_component(event)
    try:
        cal.add_missing_timezones()
    except Exception:  # an odd zone must not stop the export; times keep their TZID
        logger.warning("could not add VTIMEZONE definitions", exc_info=True)
    return cal.to_ical()


def plan_events(plan: PlanData, now: datetime) -> list[Event]:
    """The master VEVENT for a plan plus one per changed occurrence."""
    length = (plan.ends_at - plan.starts_at) if plan.ends_at else timedelta(hours=2)
    master = _base_event(plan, now)
    master.add("dtstart", _when(plan.starts_at, plan))
    if plan.all_day:
        # DTEND of an all-day event is the day after the last day (exclusive).
        master.add("dtend", _when(plan.starts_at + length, plan) + timedelta(days=1))
        master.add("x-lovebridge-tzid", plan.timezone)  # DATE values carry no zone
    else:
        master.add("dtend", _when(plan.starts_at + length, plan))
    master.add("status", "CANCELLED" if plan.status == "cancelled" else "CONFIRMED")
    master.add("x-lovebridge-status", plan.status)
    events = [master]
    if plan.rrule:
        master.add("rrule", vRecur.from_ical(plan.rrule))
        skipped = [o for o in plan.overrides if o.status in ("skipped", "cancelled")]
        for override in skipped:
            master.add("exdate", _when(override.original_start, plan))
        for override in plan.overrides:
            if override in skipped or not _changes_something(override):
                continue
            events.append(_override_event(plan, override, length, now))
    return events


def _changes_something(o: OccurrenceOverride) -> bool:
    return any(v is not None for v in (o.status, o.starts_at, o.title, o.place, o.notes))


def _base_event(plan: PlanData, now: datetime, override: OccurrenceOverride | None = None) -> Event:
    event = Event()
    event.add("uid", uid_for(plan))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", (override and override.title) or plan.title)
    place = override.place if override and override.place is not None else plan.place
    notes = override.notes if override and override.notes is not None else plan.notes
    if place:
        event.add("location", place)
    if notes:
        event.add("description", notes)
    event.add("categories", [plan.kind.replace("_", " ").title()])
    event.add("x-lovebridge-kind", plan.kind)
    if plan.budget is not None:
        event.add("x-lovebridge-budget", f"{plan.budget:.2f}")
    if plan.idea_key:
        event.add("x-lovebridge-idea", plan.idea_key)
    if plan.reminder_minutes is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", (override and override.title) or plan.title)
        alarm.add("trigger", -timedelta(minutes=plan.reminder_minutes))
        event.add_component(alarm)
    return event


def _override_event(
    plan: PlanData, override: OccurrenceOverride, length: timedelta, now: datetime
) -> Event:
    event = _base_event(plan, now, override)
    start = override.starts_at or override.original_start
    end = override.ends_at or (start + length)
    event.add("recurrence-id", _when(override.original_start, plan))
    event.add("dtstart", _when(start, plan))
    event.add("dtend", _when(end, plan) if not plan.all_day else _when(start, plan)
              + timedelta(days=1))
    event.add("x-lovebridge-status", override.status or "planned")
    return event


# ---- import ---------------------------------------------------------------------------------
ImportedPlan = tuple[PlanDraft, str | None, list[OccurrenceOverride]]


def read_calendar(
    data: bytes, default_zone: str = "UTC"
) -> tuple[list[ImportedPlan], Counter]:
    """Parse .ics bytes into plan drafts; returns (plans, events skipped by reason).

    Raises IcsImportError only when the file is not a calendar at all.
    """
    if len(data) > MAX_BYTES:
        raise IcsImportError("This file is too large to be a calendar of plans.")
    data, beyond = prescreen(data)
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # the parser raises many kinds of error on broken input
        raise IcsImportError("This file is not a calendar LoveBridge can read.") from exc
    events: list = []
    try:
        for cal in calendars:
            events.extend(cal.walk("VEVENT"))
    except Exception as exc:
        raise IcsImportError("This file is not a calendar LoveBridge can read.") from exc
    if not calendars or not any(getattr(c, "name", "") == "VCALENDAR" for c in calendars):
        raise IcsImportError("This file is not a calendar LoveBridge can read.")
    skipped: Counter = Counter()
    if len(events) + beyond > MAX_EVENTS:
        skipped[BEYOND_CAP] = len(events) + beyond - MAX_EVENTS
    masters: dict[str, ImportedPlan] = {}
    loose: list[ImportedPlan] = []
    changes: list[tuple[str, Event]] = []
    for event in events[:MAX_EVENTS]:
        try:
            uid = _text(event.get("uid")) or None
            if event.get("recurrence-id") is not None and uid:
                changes.append((uid, event))
                continue
            _check_size(event)
            draft = _draft_from(event, default_zone)
            extra = _rdates(event, draft)
            if not draft.rrule:  # a one-off event on several dates: one plan per date
                loose.extend((_moved_to(draft, o.original_start), None, []) for o in extra
                             if o.original_start != draft.starts_at)
                extra = []
            overrides = _exdates(event, draft) + extra
            entry = (draft, uid, overrides)
            if uid and uid not in masters:
                masters[uid] = entry
            else:
                loose.append(entry)
        except SkippedEventError as exc:
            skipped[str(exc)] += 1
        except Exception:  # one unreadable event is counted, never fatal
            skipped[UNREADABLE] += 1
    for uid, event in changes:
        try:
            master = masters[uid]
            master[2].append(_override_from(event, master[0], default_zone))
        except Exception:
            skipped[UNREADABLE] += 1
    return [*masters.values(), *loose], skipped


DATE_PROPERTIES = (b"EXDATE", b"RDATE")
REFUSED_MARK = b"X-LOVEBRIDGE-DATES-REFUSED:1"


def prescreen(data: bytes) -> tuple[bytes, int]:
    """What the parser would only be asked to refuse, taken out before it reads (slowly).

    Events past the MAX_EVENTS-th are dropped and counted; an event listing more than
    MAX_DATES extra or skipped dates loses those lists and gains a mark, so it is refused
    with its reason. Parsing 600,000 EXDATEs or 100,000 events otherwise takes ~15 s.
    """
    if data.count(b"BEGIN:VEVENT") <= MAX_EVENTS and data.count(b",") <= MAX_DATES:
        return data, 0
    out: list[bytes] = []
    block: list[bytes] | None = None
    events = beyond = dates = 0
    in_dates = False
    for line in data.splitlines():
        head = line[:12].upper()
        if block is None:
            if head.startswith(b"BEGIN:VEVENT"):
                block, dates, in_dates = [line], 0, False
                events += 1
            else:
                out.append(line)
            continue
        if line[:1] in (b" ", b"\t"):
            dates += line.count(b",") if in_dates else 0
        else:
            in_dates = head.startswith(DATE_PROPERTIES)
            dates += line.count(b",") + 1 if in_dates else 0
        block.append(line)
        if head.startswith(b"END:VEVENT"):
            if events > MAX_EVENTS:
                beyond += 1
            elif dates > MAX_DATES:
                out.extend(_without_dates(block[:-1]) + [REFUSED_MARK, line])
            else:
                out.extend(block)
            block = None
    out.extend(block or [])
    return b"\r\n".join(out) + b"\r\n", beyond


def _without_dates(block: list[bytes]) -> list[bytes]:
    kept, in_dates = [], False
    for line in block:
        if line[:1] not in (b" ", b"\t"):
            in_dates = line[:12].upper().startswith(DATE_PROPERTIES)
        if not in_dates:
            kept.append(line)
    return kept


def import_calendar(service: PlanService, data: bytes, default_zone: str = "UTC") -> ImportReport:
    """Read `data` and store its plans in one transaction: all of them or, on failure, none."""
    plans, skipped = read_calendar(data, default_zone)
    if not plans:
        return ImportReport.of(0, skipped)
    try:
        count = service.import_plans(plans)
    except Exception as exc:  # the store refused (e.g. an odd value); nothing was written
        logger.warning("import could not be stored: %s", type(exc).__name__)
        raise IcsImportError("The calendar could not be saved; nothing was changed.") from exc
    return ImportReport.of(count, skipped)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if hasattr(value, "cats"):
        return ", ".join(str(c) for c in value.cats)
    return str(value).strip()


def _zone_name(moment: datetime, default_zone: str) -> str:
    tz = moment.tzinfo
    name = getattr(tz, "key", None) or getattr(tz, "zone", None) or (str(tz) if tz else "")
    if name in ("UTC", "utc", "Z"):
        return "UTC"
    candidate = recurrence.zone(name if name else default_zone)
    return candidate.key if name else recurrence.zone(default_zone).key


def _moment(value: date | datetime, zone_name: str) -> datetime:
    """An aware datetime from an iCalendar DATE or DATE-TIME (floating times read in zone)."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=recurrence.zone(zone_name))
    return value


def _check_size(event: Event) -> None:
    """Refuse an event listing more extra or skipped dates than a plan keeps."""
    if event.get("x-lovebridge-dates-refused") is not None:
        raise SkippedEventError(TOO_MANY_DATES)
    total = 0
    for name in ("exdate", "rdate"):
        raw = event.get(name)
        for group in raw if isinstance(raw, list) else [] if raw is None else [raw]:
            total += len(getattr(group, "dts", ()))
    if total > MAX_DATES:
        raise SkippedEventError(TOO_MANY_DATES)


def _draft_from(event: Event, default_zone: str) -> PlanDraft:
    raw_start = event.decoded("dtstart")
    all_day = not isinstance(raw_start, datetime)
    zone_name = default_zone if all_day or raw_start.tzinfo is None else _zone_name(
        raw_start, default_zone)
    own_zone = _text(event.get("x-lovebridge-tzid"))
    if all_day and own_zone and recurrence.zone(own_zone).key == own_zone:
        zone_name = own_zone
    starts_at = _moment(raw_start, zone_name)
    ends_at = None
    if event.get("dtend") is not None:
        ends_at = _moment(event.decoded("dtend"), zone_name)
    elif event.get("duration") is not None:
        ends_at = starts_at + event.decoded("duration")
    if all_day and ends_at is not None:
        ends_at = ends_at - timedelta(minutes=1)  # DTEND of an all-day event is exclusive
    if ends_at is not None and ends_at < starts_at:
        ends_at = None
    kind = _text(event.get("x-lovebridge-kind"))
    status = _text(event.get("x-lovebridge-status"))
    if status not in STATUSES:
        status = "cancelled" if _text(event.get("status")).upper() == "CANCELLED" else "planned"
    budget_text = _text(event.get("x-lovebridge-budget"))
    rule = event.get("rrule")
    rule_text = None
    if rule is not None:
        rules = rule if isinstance(rule, list) else [rule]
        rule_text = rules[0].to_ical().decode()
    draft = PlanDraft(
        title=_text(event.get("summary"))[:200] or "Plan from a calendar",
        starts_at=starts_at, ends_at=ends_at, kind=kind if kind in KINDS else "other",
        timezone=zone_name, all_day=all_day, place=_text(event.get("location"))[:200],
        budget=float(budget_text) if budget_text else None,
        notes=_text(event.get("description"))[:20000],
        idea_key=_text(event.get("x-lovebridge-idea"))[:80] or None, status=status,
        reminder_minutes=_reminder(event), rrule=rule_text,
    )
    try:
        return validate(draft)
    except PlanError as exc:
        if rule_text and rule_text.upper().split("FREQ=")[-1][:6] in ("SECOND", "MINUTE",
                                                                       "HOURLY"):
            raise SkippedEventError(SUB_DAILY) from exc
        raise ValueError(str(exc)) from exc


def _reminder(event: Event) -> int | None:
    for alarm in event.walk("VALARM"):
        trigger = alarm.get("trigger")
        value = getattr(trigger, "dt", None)
        if isinstance(value, timedelta) and value <= timedelta(0):
            minutes = int(-value.total_seconds() // 60)
            if minutes <= 60 * 24 * 60:
                return minutes
    return None


def _exdates(event: Event, draft: PlanDraft) -> list[OccurrenceOverride]:
    found = []
    raw = event.get("exdate")
    if raw is None or not draft.rrule:
        return found
    for group in raw if isinstance(raw, list) else [raw]:
        for item in group.dts:
            moment = _moment(item.dt, draft.timezone)
            if isinstance(item.dt, date) and not isinstance(item.dt, datetime):
                start_local = draft.starts_at.astimezone(recurrence.zone(draft.timezone))
                moment = datetime.combine(item.dt, start_local.timetz())
            found.append(OccurrenceOverride(original_start=moment.astimezone(UTC),
                                            status="skipped"))
    return found


def _moved_to(draft: PlanDraft, start: datetime) -> PlanDraft:
    length = None if draft.ends_at is None else draft.ends_at - draft.starts_at
    return replace(draft, starts_at=start, ends_at=None if length is None else start + length)


def _rdates(event: Event, draft: PlanDraft) -> list[OccurrenceOverride]:
    """RDATEs (extra dates of a series) as occurrences placed at their own start.

    They are kept as an occurrence "moved" to where it already is, so a plan with extra dates
    needs nothing new in the store (see `occurrences_of`). A one-off event's extra dates are
    made separate plans by the caller.
    """
    found = []
    raw = event.get("rdate")
    if raw is None:
        return found
    for group in raw if isinstance(raw, list) else [raw]:
        for item in group.dts:
            value = item.dt
            if isinstance(value, tuple):  # a PERIOD: its start
                value = value[0]
            moment = _moment(value, draft.timezone)
            if isinstance(value, date) and not isinstance(value, datetime):
                start_local = draft.starts_at.astimezone(recurrence.zone(draft.timezone))
                moment = datetime.combine(value, start_local.timetz())
            moment = moment.astimezone(UTC)
            found.append(OccurrenceOverride(original_start=moment, starts_at=moment))
    return found


def _override_from(event: Event, master: PlanDraft, default_zone: str) -> OccurrenceOverride:
    original = _moment(event.decoded("recurrence-id"), master.timezone).astimezone(UTC)
    start = _moment(event.decoded("dtstart"), master.timezone).astimezone(UTC)
    end = None
    if event.get("dtend") is not None:
        end = _moment(event.decoded("dtend"), master.timezone).astimezone(UTC)
    status = _text(event.get("x-lovebridge-status"))
    title = _text(event.get("summary"))[:200]
    place = _text(event.get("location"))[:200]
    return OccurrenceOverride(
        original_start=original, status=status if status in STATUSES else None,
        starts_at=start if start != original else None, ends_at=end if end and end > start
        else None, title=title if title and title != master.title else None,
        place=place if place != master.place else None,
    )
