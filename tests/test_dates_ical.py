"""iCalendar export keeps rules, exceptions, alarms and zones; import never crashes or corrupts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from lovebridge.app import main as lovebridge_main
from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.ical import (
    IcsImportError,
    export_calendar,
    import_calendar,
    read_calendar,
)
from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.plans import PlanService
from lovebridge.store import open_store
from tests.conftest import FIXED_NOW

BERLIN = recurrence.zone("Europe/Berlin")


def seed(plans: PlanService) -> None:
    start = datetime(2026, 11, 27, 19, 0, tzinfo=BERLIN)
    weekly = plans.create(PlanDraft(
        "Date night", start, start + timedelta(hours=2), timezone="Europe/Berlin", place="Home",
        rrule=recurrence.rule_for("weekly", start), reminder_minutes=90, budget=30,
        idea_key="idea-007", notes="No phones"))
    found = plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(days=28))
    plans.skip(weekly.uuid, found[1].original_start)
    plans.move_occurrence(weekly.uuid, found[2].original_start,
                          found[2].starts_at + timedelta(days=1, hours=1))
    sunday = datetime(2026, 12, 6, 10, 0, tzinfo=recurrence.zone("America/New_York"))
    plans.create(PlanDraft("Check-in", sunday, kind="check_in", timezone="America/New_York",
                           rrule=recurrence.rule_for("monthly_weekday", sunday)))
    plans.create(PlanDraft("Cabin weekend", datetime(2026, 12, 12, 0, 0, tzinfo=BERLIN),
                           datetime(2026, 12, 13, 23, 59, tzinfo=BERLIN), kind="getaway",
                           timezone="Europe/Berlin", all_day=True, status="planned"))


def snapshot(plans: PlanService) -> list[tuple]:
    """What a person sees in the next two months, comparable across stores."""
    return [
        (o.title, o.kind, o.starts_at, o.ends_at, o.status, o.place, o.reminder_minutes,
         o.timezone, o.all_day)
        for o in plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(days=60))
    ]


def test_export_is_read_by_icalendar_with_rules_exceptions_alarms_and_zones(
    ctx: AppContext,
) -> None:
    plans = PlanService(ctx.store, ctx.now)
    seed(plans)
    cal = Calendar.from_ical(export_calendar(plans.plans(), FIXED_NOW))
    events = cal.walk("VEVENT")
    masters = [e for e in events if e.get("recurrence-id") is None]
    weekly = next(e for e in masters if str(e["summary"]) == "Date night")
    assert weekly["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=FR"
    assert weekly.decoded("dtstart") == datetime(2026, 11, 27, 19, 0, tzinfo=BERLIN)
    assert weekly["dtstart"].params["TZID"] == "Europe/Berlin"
    exdates = [d.dt for d in weekly["exdate"].dts]
    assert exdates == [datetime(2026, 12, 4, 19, 0, tzinfo=BERLIN)]
    alarm = weekly.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -timedelta(minutes=90)
    moved = [e for e in events if e.get("recurrence-id") is not None]
    assert [e.decoded("dtstart") for e in moved] == [datetime(2026, 12, 12, 20, 0, tzinfo=BERLIN)]
    assert {c["TZID"] for c in cal.walk("VTIMEZONE")} == {"Europe/Berlin", "America/New_York"}
    check_in = next(e for e in masters if str(e["summary"]) == "Check-in")
    assert check_in["rrule"].to_ical() == b"FREQ=MONTHLY;BYDAY=1SU"


def test_export_then_import_into_a_fresh_store_loses_nothing(
    ctx: AppContext, tmp_path: Path
) -> None:
    plans = PlanService(ctx.store, ctx.now)
    seed(plans)
    data = export_calendar(plans.plans(), FIXED_NOW)
    other_store = open_store(tmp_path / "other.db")
    try:
        other = PlanService(other_store, ctx.now)
        report = import_calendar(other, data)
        assert (report.imported, report.skipped) == (3, 0)
        assert report.summary() == "Imported 3 plans."
        assert snapshot(other) == snapshot(plans)
        imported = {p.title: p for p in other.plans()}
        assert imported["Date night"].budget == 30
        assert imported["Date night"].idea_key == "idea-007"
        assert imported["Date night"].notes == "No phones"
        # Importing the same file again updates the plans instead of doubling them.
        import_calendar(other, data)
        assert len(other.plans()) == 3
        # And the file, exported back, comes home to the original plans.
        import_calendar(plans, export_calendar(other.plans(), FIXED_NOW))
        assert len(plans.plans()) == 3
    finally:
        other_store.close()


def test_unreadable_events_are_counted_and_the_rest_imported(ctx: AppContext) -> None:
    text = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Elsewhere//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:good-1\r\nSUMMARY:Picnic\r\nDTSTART:20261205T120000Z\r\n"
        b"DTEND:20261205T140000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:bad-1\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:bad-2\r\nSUMMARY:Odd rule\r\nDTSTART:20261205T120000Z\r\n"
        b"RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:floating\r\nSUMMARY:Floating\r\nDTSTART:20261206T190000\r\n"
        b"END:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    plans = PlanService(ctx.store, ctx.now)
    report = import_calendar(plans, text, "Europe/Berlin")
    assert report.summary() == "Imported 2 plans; skipped 2 events we could not read."
    floating = next(p for p in plans.plans() if p.title == "Floating")
    assert floating.timezone == "Europe/Berlin"
    assert floating.starts_at == datetime(2026, 12, 6, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize("data", [b"", b"hello", b"BEGIN:VCARD\r\nEND:VCARD\r\n",
                                  b"\xff\xfe\x00garbage", b"BEGIN:VCALENDAR\r\n"])
def test_files_that_are_not_calendars_raise_a_clear_error(data: bytes) -> None:
    with pytest.raises(IcsImportError):
        read_calendar(data)


def _base_file() -> bytes:
    """An export of plans that are NOT in the store under test (so UIDs never collide)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "base.db")
        try:
            plans = PlanService(store, lambda: FIXED_NOW)
            seed(plans)
            return export_calendar(plans.plans(), FIXED_NOW)
        finally:
            store.close()


BASE = _base_file()


@st.composite
def mutated_calendars(draw) -> bytes:
    """Garbage, or the base export with bytes flipped, cut, duplicated or inserted."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=600))
    data = bytearray(BASE)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "dup", "line"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at: at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif action == "dup":
            data[at:at] = data[at: at + draw(st.integers(1, 300))]
        else:
            data[at:at] = draw(st.sampled_from([
                b"\r\nRRULE:FREQ=DAILY;COUNT=-1\r\n", b"\r\nDTSTART:99999999T999999\r\n",
                b"\r\nEXDATE:nope\r\n", b"\r\nEND:VEVENT\r\n", b"\r\nBEGIN:VEVENT\r\n",
                b"\r\nTRIGGER:-PX\r\n", b"\r\nRECURRENCE-ID:20261204T190000\r\n",
                b"\r\nX-LOVEBRIDGE-BUDGET:lots\r\n", b"\r\nTZID:Mars/Olympus\r\n"]))
    return bytes(data)


def test_fuzzed_calendar_files_never_crash_or_corrupt(ctx: AppContext) -> None:
    plans = PlanService(ctx.store, ctx.now)
    start = datetime(2026, 11, 30, 19, 0, tzinfo=BERLIN)
    keep = plans.create(PlanDraft("Ours, untouched", start, timezone="Europe/Berlin",
                                  rrule="FREQ=WEEKLY;BYDAY=MO", reminder_minutes=30))
    before = plans.get(keep.uuid)

    @settings(max_examples=500, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=mutated_calendars())
    def check(data: bytes) -> None:
        try:
            report = import_calendar(plans, data, "Europe/Berlin")
        except IcsImportError:
            pass
        else:
            assert report.imported >= 0 and report.skipped >= 0
        assert plans.get(keep.uuid) == before
        # Whatever was imported can be expanded and shown without errors.
        plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(days=14))

    check()
    assert ctx.store.integrity_problems() == []


def test_cli_export_and_import(ctx: AppContext, tmp_path: Path, capsys) -> None:
    seed(PlanService(ctx.store, ctx.now))
    ctx.store.close()
    target = tmp_path / "ours.ics"
    assert lovebridge_main(["--data-dir", str(ctx.paths.data), "dates", "export",
                            str(target)]) == 0
    assert "Plans: 3." in capsys.readouterr().out
    fresh = tmp_path / "fresh"
    assert lovebridge_main(["--data-dir", str(fresh), "dates", "import", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "Plans imported: 3."
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"not a calendar")
    assert lovebridge_main(["--data-dir", str(fresh), "dates", "import", str(broken)]) == 1
    assert "not a calendar" in capsys.readouterr().err
    assert lovebridge_main(["--data-dir", str(fresh), "dates", "import",
                            str(tmp_path / "missing.ics")]) == 1
