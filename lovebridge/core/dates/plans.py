"""The plan service: create, change and list plans and their occurrences (with overrides)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from lovebridge.core.dates import recurrence
from lovebridge.core.dates.model import (
    DEFAULT_LENGTH,
    KINDS,
    STATUSES,
    Occurrence,
    OccurrenceOverride,
    PlanData,
    PlanDraft,
)
from lovebridge.store.db import Store
from lovebridge.store.models import Plan, PlanOccurrence

logger = logging.getLogger(__name__)

# Moved occurrences may land in a window their original time is outside of; look this far around.
MOVE_SLACK = timedelta(days=62)
THIS_ONE = "this"
ALL_OF_THEM = "all"


class PlanError(ValueError):
    """A plan that cannot be saved as given; the message says why in plain words."""


def validate(draft: PlanDraft) -> PlanDraft:
    """Check and tidy a draft; raises PlanError with a message for the couple."""
    title = draft.title.strip()
    if not title:
        raise PlanError("Give the plan a name.")
    if draft.kind not in KINDS:
        raise PlanError(f"Unknown kind of plan: {draft.kind}.")
    if draft.status not in STATUSES:
        raise PlanError(f"Unknown status: {draft.status}.")
    if draft.starts_at.tzinfo is None:
        raise PlanError("A plan's start needs a time zone.")
    ends_at = draft.ends_at
    if ends_at is not None and ends_at < draft.starts_at:
        raise PlanError("The plan ends before it starts.")
    if draft.budget is not None and draft.budget < 0:
        raise PlanError("The budget cannot be negative.")
    if draft.reminder_minutes is not None and not 0 <= draft.reminder_minutes <= 60 * 24 * 60:
        raise PlanError("Reminders can be up to 60 days before.")
    try:
        rule = recurrence.clean_rule(draft.rrule)
    except recurrence.RefusedRuleError as exc:
        raise PlanError(str(exc)) from exc
    except recurrence.RecurrenceError as exc:
        raise PlanError("That repeat rule could not be understood.") from exc
    return replace(
        draft, title=title[:200], place=draft.place.strip()[:200], rrule=rule,
        timezone=recurrence.zone(draft.timezone).key,
    )


def to_data(row: Plan, occurrences: Iterable[PlanOccurrence] | None = None) -> PlanData:
    """A stored plan as plain data, with its occurrence overrides (or just those given)."""
    overrides = tuple(
        OccurrenceOverride(
            original_start=o.original_start, status=o.status, starts_at=o.starts_at,
            ends_at=o.ends_at, notes=o.notes, memory_uuid=o.memory_uuid, title=o.title,
            place=o.place,
        )
        for o in sorted(row.occurrences if occurrences is None else occurrences,
                        key=lambda o: o.original_start)
    )
    return PlanData(
        id=row.id, uuid=row.uuid, title=row.title, kind=row.kind, starts_at=row.starts_at,
        ends_at=row.ends_at, timezone=row.timezone, all_day=row.all_day, place=row.place,
        budget=row.budget, notes=row.notes, idea_key=row.idea_key, status=row.status,
        reminder_minutes=row.reminder_minutes, rrule=row.rrule, memory_uuid=row.memory_uuid,
        ical_uid=row.ical_uid, overrides=overrides,
    )


def apply_draft(row: Plan, draft: PlanDraft) -> None:
    """Copy a validated draft onto a row."""
    row.title = draft.title
    row.kind = draft.kind
    row.starts_at = draft.starts_at.astimezone(UTC)
    row.ends_at = None if draft.ends_at is None else draft.ends_at.astimezone(UTC)
    row.timezone = draft.timezone
    row.all_day = draft.all_day
    row.place = draft.place
    row.budget = draft.budget
    row.notes = draft.notes
    row.idea_key = draft.idea_key
    row.status = draft.status
    row.reminder_minutes = draft.reminder_minutes
    row.rrule = draft.rrule


def occurrences_of(plan: PlanData, start: datetime, end: datetime) -> list[Occurrence]:
    """The occurrences of one plan that start in [start, end), overrides applied."""
    length = (plan.ends_at - plan.starts_at) if plan.ends_at else DEFAULT_LENGTH
    overrides = {o.original_start: o for o in plan.overrides}
    if plan.rrule:
        try:
            # Occurrences that start in the window (or started just before and still run)...
            originals = recurrence.expand(
                plan.rrule, plan.starts_at, plan.timezone, start - length, end
            )
        except recurrence.CostlyRuleError:
            raise
        except recurrence.RecurrenceError:
            logger.warning("plan %s has a rule that cannot be expanded", plan.id)
            originals = [plan.starts_at]
        # ...and those moved into the window from outside it.
        known = set(originals)
        originals += [
            o.original_start for o in plan.overrides
            if o.starts_at is not None and start <= o.starts_at < end
            and o.original_start not in known
        ]
    else:
        originals = [plan.starts_at]
    found = []
    for original in originals:
        occurrence = build_occurrence(plan, original, length, overrides.get(original))
        if start <= occurrence.starts_at < end:
            found.append(occurrence)
    return found


def build_occurrence(
    plan: PlanData, original: datetime, length: timedelta, override: OccurrenceOverride | None
) -> Occurrence:
    """One occurrence of `plan` at `original`, with its override (if any) applied."""
    o = override or OccurrenceOverride(original_start=original)
    starts_at = o.starts_at or original
    ends_at = o.ends_at or (starts_at + length)
    return Occurrence(
        plan_id=plan.id, plan_uuid=plan.uuid, title=o.title or plan.title, kind=plan.kind,
        starts_at=starts_at, ends_at=ends_at, original_start=original, timezone=plan.timezone,
        all_day=plan.all_day, place=o.place if o.place is not None else plan.place,
        notes=o.notes if o.notes is not None else plan.notes, idea_key=plan.idea_key,
        status=o.status or (plan.status if not plan.rrule else "planned"),
        reminder_minutes=plan.reminder_minutes, recurring=plan.recurring,
        memory_uuid=o.memory_uuid or (None if plan.rrule else plan.memory_uuid),
        moved=o.starts_at is not None and o.starts_at != original,
    )


class PlanService:
    """Plans in the store: the only place the Dates room's plans are read and written."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock
        # Plans whose rule cannot be worked out within the budget (uuid -> title): left out of
        # every calendar and reminder, and named in the Dates room so they can be removed.
        self.set_aside: dict[str, str] = {}
        self._aside_rules: dict[str, tuple] = {}  # uuid -> (rule, start) found too costly

    # ---- reading ------------------------------------------------------------------------
    def plans(self, include_trashed: bool = False) -> list[PlanData]:
        with self._store.session_scope() as session:
            query = select(Plan).options(selectinload(Plan.occurrences)).order_by(Plan.starts_at)
            if not include_trashed:
                query = query.where(Plan.trashed_at.is_(None))
            return [to_data(row) for row in session.scalars(query)]

    def get(self, uuid: str) -> PlanData | None:
        with self._store.session_scope() as session:
            row = self._row(session, uuid, required=False)
            return None if row is None else to_data(row)

    def occurrences_between(self, start: datetime, end: datetime) -> list[Occurrence]:
        """Every occurrence of every plan starting in [start, end), in time order.

        Only the overrides near the window are read, so a plan with a huge list of exceptions
        costs no more than one with a few; a plan whose rule cannot be expanded within the
        budget is set aside (see `set_aside`) instead of holding everything up.
        """
        found: list[Occurrence] = []
        with self._store.session_scope() as session:
            # Repeating plans that began before the window ends, and one-off plans in it.
            rows = list(session.scalars(
                select(Plan).where(
                    Plan.trashed_at.is_(None),
                    ((Plan.rrule.is_not(None)) & (Plan.starts_at < end))
                    | ((Plan.rrule.is_(None)) & Plan.starts_at.between(start, end)),
                )
            ))
            near: dict[int, list[PlanOccurrence]] = {row.id: [] for row in rows}
            low, high = start - MOVE_SLACK, end + MOVE_SLACK
            # Through the (plan_id, original_start) index only: a move reaches MOVE_SLACK at
            # most (as `occurrence` assumes), so the window widened by it holds every one.
            for override in session.scalars(select(PlanOccurrence).where(
                PlanOccurrence.plan_id.in_(list(near)),
                PlanOccurrence.original_start.between(low, high),
            )):
                near[override.plan_id].append(override)
            plans = [to_data(row, near[row.id]) for row in rows]
        for plan in plans:
            if self._aside_rules.get(plan.uuid) == (plan.rrule, plan.starts_at):
                continue  # known too costly: not worked out again on every check
            try:
                found.extend(occurrences_of(plan, start, end))
                self.set_aside.pop(plan.uuid, None)  # changed since, and now fine
            except recurrence.CostlyRuleError as exc:
                logger.warning("plan %s set aside: %s", plan.id, exc)
                self.set_aside[plan.uuid] = plan.title
                self._aside_rules[plan.uuid] = (plan.rrule, plan.starts_at)
        return sorted(found, key=lambda o: (o.starts_at, o.title))

    def remove(self, uuid: str) -> None:
        """Delete a plan for good, with its occurrences (`lovebridge dates remove`)."""
        with self._store.session_scope() as session:
            plan_id = session.scalar(select(Plan.id).where(Plan.uuid == uuid))
            if plan_id is None:
                raise PlanError("That plan is no longer in the calendar.")
            # Foreign keys cascade in SQLite: no need to load (maybe many) occurrences first.
            session.execute(delete(Plan).where(Plan.id == plan_id))
        self.set_aside.pop(uuid, None)
        self._aside_rules.pop(uuid, None)

    def occurrence(self, uuid: str, original_start: datetime) -> Occurrence | None:
        """One occurrence by its plan and original start."""
        plan = self.get(uuid)
        if plan is None:
            return None
        try:
            near = occurrences_of(plan, original_start - MOVE_SLACK, original_start + MOVE_SLACK)
        except recurrence.CostlyRuleError:
            return None
        for o in near:
            if o.original_start == original_start:
                return o
        return None

    def upcoming(self, limit: int = 20, days: int = 120) -> list[Occurrence]:
        """What is coming, from now on, that is still planned."""
        now = self._clock()
        found = self.occurrences_between(now - timedelta(hours=3), now + timedelta(days=days))
        return [o for o in found if o.status == "planned" and o.ends_at >= now][:limit]

    def recent_idea_keys(self, weeks: int) -> set[str]:
        """Ideas planned or done within the last `weeks` (or still ahead), for "Surprise us"."""
        since = self._clock() - timedelta(weeks=weeks)
        keys: set[str] = set()
        with self._store.session_scope() as session:
            rows = session.scalars(
                select(Plan).where(Plan.idea_key.is_not(None), Plan.trashed_at.is_(None))
            )
            for row in rows:
                if row.status in ("planned", "done") and (row.rrule or row.starts_at >= since):
                    keys.add(row.idea_key)
        return keys

    # ---- writing ------------------------------------------------------------------------
    def create(self, draft: PlanDraft) -> PlanData:
        draft = validate(draft)
        with self._store.session_scope() as session:
            row = Plan(title=draft.title, starts_at=draft.starts_at)
            apply_draft(row, draft)
            session.add(row)
            session.flush()
            return to_data(row)

    def update(self, uuid: str, draft: PlanDraft) -> PlanData:
        """Change the plan and so every occurrence of it ("all of them")."""
        draft = validate(draft)
        with self._store.session_scope() as session:
            row = self._row(session, uuid)
            old_tz, new_tz = recurrence.zone(row.timezone), recurrence.zone(draft.timezone)
            shift = (draft.starts_at.astimezone(new_tz).replace(tzinfo=None)
                     - row.starts_at.astimezone(old_tz).replace(tzinfo=None))
            apply_draft(row, draft)
            if row.rrule and shift:
                # Occurrences are known by their original start: move those keys with the
                # series so a change made to one occurrence stays with it.
                for override in row.occurrences:
                    local = override.original_start.astimezone(old_tz).replace(tzinfo=None)
                    override.original_start = (local + shift).replace(tzinfo=new_tz).astimezone(
                        UTC)
            session.flush()
            return to_data(row)

    def trash(self, uuid: str) -> None:
        with self._store.session_scope() as session:
            self._row(session, uuid).trashed_at = self._clock()

    def restore(self, uuid: str) -> None:
        with self._store.session_scope() as session:
            self._row(session, uuid).trashed_at = None

    def change_occurrence(self, uuid: str, original_start: datetime, **changes: object) -> None:
        """Change one occurrence: status, starts_at, ends_at, notes, title, place, memory_uuid.

        For a plan that does not repeat, the plan itself changes.
        """
        allowed = {"status", "starts_at", "ends_at", "notes", "title", "place", "memory_uuid"}
        unknown = set(changes) - allowed
        if unknown:
            raise PlanError(f"Cannot change {', '.join(sorted(unknown))} of one occurrence.")
        if "status" in changes and changes["status"] not in STATUSES:
            raise PlanError(f"Unknown status: {changes['status']}.")
        with self._store.session_scope() as session:
            row = self._row(session, uuid)
            if not row.rrule:
                for name, value in changes.items():
                    if name in ("starts_at", "ends_at") and value is not None:
                        value = value.astimezone(UTC)  # type: ignore[attr-defined]
                    if value is None and name in ("title", "place", "notes", "status", "starts_at"):
                        continue  # "as the plan says" is what the plan already holds
                    setattr(row, name, value)
                return
            override = next(
                (o for o in row.occurrences if o.original_start == original_start), None
            )
            if override is None:
                override = PlanOccurrence(original_start=original_start.astimezone(UTC))
                row.occurrences.append(override)
            for name, value in changes.items():
                setattr(override, name, value)

    def move_occurrence(
        self, uuid: str, original_start: datetime, new_start: datetime, scope: str = THIS_ONE
    ) -> None:
        """Move one occurrence (or, with scope "all", the whole series) to a new start."""
        current = self.occurrence(uuid, original_start)
        plan = self.get(uuid)
        if current is None or plan is None:
            raise PlanError("That plan is no longer in the calendar.")
        length = current.ends_at - current.starts_at
        if scope == THIS_ONE or not plan.rrule:
            self.change_occurrence(
                uuid, original_start, starts_at=new_start, ends_at=new_start + length
            )
            return
        shift = new_start - current.starts_at
        self.shift_series(plan, shift)

    def shift_series(self, plan: PlanData, shift: timedelta) -> PlanData:
        """Move every occurrence by `shift`, re-anchoring weekday-based rules."""
        tz = recurrence.zone(plan.timezone)
        old_local = plan.starts_at.astimezone(tz)
        new_local = (old_local.replace(tzinfo=None) + shift).replace(tzinfo=tz)
        choice = recurrence.choice_for(plan.rrule, old_local)
        rule = plan.rrule
        if choice not in (recurrence.REPEAT_NONE, recurrence.REPEAT_CUSTOM):
            rule = recurrence.rule_for(choice, new_local)
        ends = None if plan.ends_at is None else new_local + (plan.ends_at - plan.starts_at)
        return self.update(plan.uuid, replace(plan.draft(), starts_at=new_local, ends_at=ends,
                                              rrule=rule))

    def set_status(
        self, uuid: str, original_start: datetime, status: str, scope: str = THIS_ONE
    ) -> None:
        """Mark an occurrence (or a whole plan) planned, done, skipped or cancelled."""
        plan = self.get(uuid)
        if plan is None:
            raise PlanError("That plan is no longer in the calendar.")
        if scope == ALL_OF_THEM and plan.rrule:
            self.update(uuid, replace(plan.draft(), status=status))
            return
        self.change_occurrence(uuid, original_start, status=status)

    def skip(self, uuid: str, original_start: datetime) -> None:
        self.set_status(uuid, original_start, "skipped")

    def link_memory(self, uuid: str, original_start: datetime, memory_uuid: str) -> None:
        """Remember the scrapbook memory a kept date became."""
        self.change_occurrence(uuid, original_start, memory_uuid=memory_uuid)

    def import_plans(self, drafts: Iterable[tuple[PlanDraft, str | None, list]]) -> int:
        """Store imported plans in one transaction; a UID seen before updates that plan."""
        count = 0
        with self._store.session_scope() as session:
            for draft, uid, overrides in drafts:
                row = None
                if uid:
                    own = uid.removesuffix("@lovebridge")  # our own export coming back
                    row = session.scalars(
                        select(Plan).where((Plan.ical_uid == uid) | (Plan.uuid == own))
                    ).first()
                if row is None:
                    row = Plan(title=draft.title, starts_at=draft.starts_at, ical_uid=uid)
                    session.add(row)
                apply_draft(row, draft)
                existing = {o.original_start: o for o in row.occurrences}
                for override in overrides:
                    target = existing.get(override.original_start)
                    if target is None:
                        target = PlanOccurrence(original_start=override.original_start)
                        row.occurrences.append(target)
                    for name in ("status", "starts_at", "ends_at", "title", "place", "notes"):
                        value = getattr(override, name)
                        if value is not None:
                            setattr(target, name, value)
                count += 1
        return count

    def _row(self, session: Session, uuid: str, required: bool = True) -> Plan | None:
        row = session.scalars(
            select(Plan).options(selectinload(Plan.occurrences)).where(Plan.uuid == uuid)
        ).first()
        if row is None and required:
            raise PlanError("That plan is no longer in the calendar.")
        return row
