"""Odd text and odd dates survive the store unchanged; absurd texts are refused clearly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lovebridge.core.profile import CoupleProfile, ProfileService
from lovebridge.store import TextTooLongError, open_store
from lovebridge.store.guards import MAX_TEXT_CHARS
from lovebridge.store.models import Memory, Message, Plan

AWKWARD = [
    "👩‍❤️‍💋‍👨 family: 👨‍👩‍👧‍👦, flags: 🏳️‍🌈 🇩🇪, skin: 👋🏽",
    "שלום אהובה — مرحبا يا حبيبي — mixed ltr עם rtl",
    "\u202eright-to-left override\u202c and \u200bzero width\u200d joiners",
    "tabs\tand\r\nnewlines\nand \x00 nul \x07 bell \x1b[31m escape",
    "e\u0301 vs é (combining vs precomposed), ﬁ ligature, İstanbul",
    "\U0010fffd last plane, \ufeff byte order mark",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_round_trips_exactly(ctx, text: str) -> None:
    with ctx.store.session_scope() as session:
        session.add(Message(body_text=text, title=text[:200]))
        session.add(Memory(title=text[:200], date_year=2024, story_text=text))
    ctx.store.close()
    reopened = open_store(ctx.paths.database)
    with reopened.session_scope() as session:
        message = session.scalars(select(Message)).one()
        memory = session.scalars(select(Memory)).one()
    reopened.close()
    assert message.body_text == text and message.title == text[:200]
    assert memory.story_text == text


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_round_trips(ctx, text: str) -> None:
    with ctx.store.session_scope() as session:
        message = Message(body_text=text)
        session.add(message)
    with ctx.store.session_scope() as session:
        assert session.get(Message, message.id).body_text == text


def test_a_ten_megabyte_paste_is_refused_and_nothing_is_lost(ctx) -> None:
    with ctx.store.session_scope() as session:
        session.add(Message(body_text="the note that was already saved"))
    huge = "x" * (10 * 1024 * 1024)
    with pytest.raises(TextTooLongError, match="too long to keep"), \
            ctx.store.session_scope() as session:
        session.add(Message(body_text=huge))
    with pytest.raises(TextTooLongError), ctx.store.session_scope() as session:
        saved = session.scalars(select(Message)).one()
        saved.body_text = huge  # an edit is guarded too
    with ctx.store.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 1
        assert session.scalars(select(Message)).one().body_text == "the note that was already saved"
    with ctx.store.session_scope() as session:  # right at the limit is still fine
        session.add(Message(body_text="y" * MAX_TEXT_CHARS))


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2028, 2, 29, 0, 0, tzinfo=ZoneInfo("Pacific/Kiritimati")),
        # the repeated hour when Berlin leaves summer time: both instants stay distinct
        datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"), fold=0),
        datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"), fold=1),
        # the hour that does not exist in New York in spring
        datetime(2026, 3, 8, 2, 30, tzinfo=ZoneInfo("America/New_York")),
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    ],
)
def test_odd_moments_round_trip_as_the_same_instant(ctx, moment: datetime) -> None:
    with ctx.store.session_scope() as session:
        plan = Plan(title="date", starts_at=moment, timezone=str(moment.tzinfo))
        session.add(plan)
    with ctx.store.session_scope() as session:
        loaded = session.get(Plan, plan.id).starts_at
    # compared as UTC instants: Python never equates fold/gap times across zones (PEP 495)
    assert loaded.tzinfo is not None and loaded == moment.astimezone(UTC)
    assert loaded.timestamp() == moment.timestamp()
    assert loaded.utcoffset() == timedelta(0)


def test_dst_fold_instants_are_an_hour_apart_after_the_round_trip(ctx) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    first = datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=berlin, fold=1)
    with ctx.store.session_scope() as session:
        session.add_all([Plan(title="a", starts_at=first), Plan(title="b", starts_at=second)])
    with ctx.store.session_scope() as session:
        a, b = (p.starts_at for p in session.scalars(select(Plan).order_by(Plan.title)))
    assert b - a == timedelta(hours=1)


def test_leap_day_anniversary_round_trips(ctx) -> None:
    ProfileService(ctx.store).save(CoupleProfile("Iris", "Tomás", date(2020, 2, 29)))
    assert ProfileService(ctx.store).load().together_since == date(2020, 2, 29)
