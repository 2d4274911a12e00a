"""The Dates services: plans and occurrences, anniversaries, ideas, check-ins, reminders."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.anniversaries import (
    SpecialDay,
    anniversary_on,
    is_milestone_count,
    milestones_between,
    next_milestone,
    note_occasion,
)
from lovebridge.core.dates.checkins import Prompt, choose_prompts, load_prompts, propose_next
from lovebridge.core.dates.ideas import Idea, IdeaFilter, IdeaLibraryError, load_ideas, surprise
from lovebridge.core.dates.model import PlanDraft
from lovebridge.core.dates.plans import ALL_OF_THEM, PlanError
from lovebridge.core.dates.reminders import lead_phrase, split_minutes
from lovebridge.core.dates.services import DatesServices
from tests.conftest import FIXED_NOW

BERLIN = recurrence.zone("Europe/Berlin")
FIXTURES = Path(__file__).parent / "fixtures" / "dates"


@pytest.fixture
def services(ctx: AppContext) -> DatesServices:
    return DatesServices.create(ctx.store, ctx.now, library=load_ideas(FIXTURES / "ideas.toml"))


def weekly_date_night(services: DatesServices, reminder: int | None = 60):
    start = datetime(2026, 11, 27, 19, 0, tzinfo=BERLIN)
    return services.plans.create(PlanDraft(
        "Date night", start, start + timedelta(hours=2), timezone="Europe/Berlin",
        rrule=recurrence.rule_for("weekly", start), reminder_minutes=reminder, place="Home"))


def fridays(services: DatesServices) -> list:
    return services.plans.occurrences_between(FIXED_NOW, FIXED_NOW + timedelta(days=28))


# ---- plans ------------------------------------------------------------------------------------
def test_weekly_plan_occurs_on_the_next_four_fridays(services: DatesServices) -> None:
    weekly_date_night(services)
    found = fridays(services)
    assert [o.starts_at.astimezone(BERLIN).date().isoformat() for o in found] == [
        "2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"]
    assert all(o.starts_at.astimezone(BERLIN).hour == 19 for o in found)


def test_skip_move_and_edit_one_occurrence_leave_the_others(services: DatesServices) -> None:
    plan = weekly_date_night(services)
    first, second, third, fourth = fridays(services)
    services.plans.skip(plan.uuid, second.original_start)
    services.plans.move_occurrence(plan.uuid, third.original_start,
                                   third.starts_at + timedelta(days=1))
    services.plans.change_occurrence(plan.uuid, fourth.original_start, title="Christmas market",
                                     place="Old town")
    after = fridays(services)
    assert [o.status for o in after] == ["planned", "skipped", "planned", "planned"]
    assert after[2].starts_at.astimezone(BERLIN).date() == date(2026, 12, 12)
    assert after[2].moved and after[2].ends_at - after[2].starts_at == timedelta(hours=2)
    assert (after[3].title, after[3].place) == ("Christmas market", "Old town")
    assert (after[0].title, after[0].place) == ("Date night", "Home")


def test_moving_all_of_them_re_anchors_the_weekday(services: DatesServices) -> None:
    plan = weekly_date_night(services)
    first = fridays(services)[0]
    services.plans.move_occurrence(plan.uuid, first.original_start,
                                   first.starts_at + timedelta(days=1), ALL_OF_THEM)
    moved = fridays(services)
    assert {o.starts_at.astimezone(BERLIN).weekday() for o in moved} == {5}
    assert services.plans.get(plan.uuid).rrule == "FREQ=WEEKLY;BYDAY=SA"


def test_status_for_all_of_them_and_memory_link(services: DatesServices) -> None:
    plan = weekly_date_night(services)
    first = fridays(services)[0]
    services.plans.set_status(plan.uuid, first.original_start, "done")
    services.plans.link_memory(plan.uuid, first.original_start, "memory-1")
    again = services.plans.occurrence(plan.uuid, first.original_start)
    assert (again.status, again.memory_uuid) == ("done", "memory-1")
    services.plans.set_status(plan.uuid, first.original_start, "cancelled", ALL_OF_THEM)
    assert services.plans.get(plan.uuid).status == "cancelled"


def test_one_off_plan_changes_the_plan_itself(services: DatesServices) -> None:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=BERLIN)
    plan = services.plans.create(PlanDraft("Cabin weekend", start, kind="getaway",
                                           timezone="Europe/Berlin", budget=240))
    services.plans.move_occurrence(plan.uuid, plan.starts_at, start + timedelta(days=7))
    services.plans.set_status(plan.uuid, start + timedelta(days=7), "done")
    stored = services.plans.get(plan.uuid)
    assert stored.starts_at == (start + timedelta(days=7)).astimezone(UTC)
    assert (stored.status, stored.budget, stored.overrides) == ("done", 240, ())


@pytest.mark.parametrize(
    ("change", "message"),
    [({"title": "  "}, "name"), ({"kind": "party"}, "kind"), ({"budget": -5.0}, "negative"),
     ({"rrule": "FREQ=NEVER"}, "repeat"), ({"reminder_minutes": 10**7}, "60 days")],
)
def test_bad_plans_are_refused_with_a_reason(services: DatesServices, change, message) -> None:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=BERLIN)
    with pytest.raises(PlanError, match=message):
        services.plans.create(replace(PlanDraft("Walk", start), **change))
    assert services.plans.plans() == []


def test_trash_hides_a_plan_and_restore_brings_it_back(services: DatesServices) -> None:
    plan = weekly_date_night(services)
    services.plans.trash(plan.uuid)
    assert fridays(services) == []
    services.plans.restore(plan.uuid)
    assert len(fridays(services)) == 4


# ---- anniversaries ----------------------------------------------------------------------------
def test_anniversaries_and_day_milestones() -> None:
    since = date(2019, 4, 12)
    found = milestones_between(since, [], date(2026, 1, 1), date(2027, 12, 31))
    titles = [(m.day.isoformat(), m.title) for m in found]
    assert ("2026-04-12", "7 years together") in titles
    assert ("2027-04-12", "8 years together") in titles
    assert (str(since + timedelta(days=3000)), "3,000 days together") in titles
    assert all(is_milestone_count(n) for n in (100, 500, 1000, 2000, 5000))
    assert not is_milestone_count(2500)


def test_29_february_anniversary_shows_on_28_february() -> None:
    assert anniversary_on(date(2020, 2, 29), 2027) == date(2027, 2, 28)
    assert anniversary_on(date(2020, 2, 29), 2028) == date(2028, 2, 29)
    wedding = SpecialDay(1, "u", "Our wedding", date(2020, 2, 29), "anniversary", True)
    found = milestones_between(None, [wedding], date(2027, 1, 1), date(2027, 12, 31))
    assert [(m.day, m.title) for m in found] == [(date(2027, 2, 28), "Our wedding (7 years)")]


def test_countdown_and_note_nudge_a_few_days_before() -> None:
    today = FIXED_NOW.date()  # Monday 23 November 2026
    milestone = next_milestone(date(2020, 11, 27), [], today)
    assert (milestone.day, milestone.title) == (date(2026, 11, 27), "6 years together")
    assert note_occasion(milestone, today) == "6 years together on Friday"
    far = next_milestone(date(2019, 4, 12), [], today)
    assert note_occasion(far, today) is None


def test_special_dates_are_kept_and_edited(services: DatesServices) -> None:
    saved = services.specials.save("First date", date(2018, 6, 2))
    services.specials.save("Our first date", date(2018, 6, 3), uuid=saved.uuid)
    assert [(s.label, s.day) for s in services.specials.all()] == [
        ("Our first date", date(2018, 6, 3))]
    with pytest.raises(ValueError):
        services.specials.save(" ", date(2018, 6, 3))
    services.specials.remove(saved.uuid)
    assert services.specials.all() == []


# ---- ideas ----------------------------------------------------------------------------------
def test_filters_combine(services: DatesServices) -> None:
    ideas = services.ideas.all()
    wanted = IdeaFilter(at_home=True, costs=frozenset({"free"}), max_minutes=90)
    fitting = [i for i in ideas if wanted.accepts(i)]
    assert fitting and all(i.at_home and i.cost == "free" and i.duration_minutes <= 90
                           for i in fitting)
    winter = [i for i in ideas if IdeaFilter(season="winter").accepts(i)]
    assert all(i.season in ("any", "winter") for i in winter)
    assert len(winter) < len(ideas)


def test_surprise_avoids_recent_ideas_and_respects_filters(services: DatesServices) -> None:
    ideas = services.ideas.all()
    wanted = IdeaFilter(at_home=True)
    fitting = {i.key for i in ideas if wanted.accepts(i)}
    recent = set(list(fitting)[:-1])
    rng = random.Random(3)
    picks = {surprise(ideas, wanted, recent, rng).key for _ in range(30)}
    assert picks == fitting - recent
    # When every fitting idea was done lately, it still offers one rather than nothing.
    assert surprise(ideas, wanted, fitting, rng).key in fitting
    assert surprise(ideas, IdeaFilter(text="no such idea anywhere"), set(), rng) is None


def test_recent_idea_keys_come_from_plans(services: DatesServices) -> None:
    idea = services.ideas.all()[0]
    start = FIXED_NOW - timedelta(weeks=2)
    services.plans.create(PlanDraft(idea.title, start, idea_key=idea.key, status="done"))
    old = FIXED_NOW - timedelta(weeks=20)
    services.plans.create(PlanDraft("Old", old, idea_key="idea-old", status="done"))
    assert services.plans.recent_idea_keys(8) == {idea.key}


def test_own_ideas_join_the_library(services: DatesServices) -> None:
    mine = services.ideas.add_custom(Idea("", "Paint each other badly", "We laugh a lot", True,
                                          True, "low", 60, "lively", "any", ("art",)))
    assert mine.custom and mine.key.startswith("custom-")
    assert services.ideas.find(mine.key).tags == ("art",)
    with pytest.raises(IdeaLibraryError):
        services.ideas.add_custom(replace(mine, title=" "))
    services.ideas.remove_custom(mine.key, FIXED_NOW)
    assert services.ideas.find(mine.key) is None


def test_broken_ideas_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "ideas.toml"
    bad.write_text('[[idea]]\nkey = "a"\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(IdeaLibraryError):
        load_ideas(bad)
    bad.write_text("[[idea]\n", encoding="utf-8")
    with pytest.raises(IdeaLibraryError):
        load_ideas(bad)


# ---- check-ins ----------------------------------------------------------------------------
def test_prompts_rotate_and_cover_themes() -> None:
    prompts = load_prompts(FIXTURES / "checkin_prompts.toml")
    first = choose_prompts(prompts, [])
    assert len(first) == 3 and len({p.theme for p in first}) == 3
    used = [p.key for p in first]
    second = choose_prompts(prompts, used)
    assert not {p.key for p in second} & set(used)
    everything = [p.key for p in prompts]
    # Once all were used, the ones used longest ago come back first.
    again = choose_prompts(prompts, everything)
    assert {p.key for p in again} <= set(everything[: len(everything) // 2 + 3])


def test_next_check_in_is_the_next_occurrence_or_two_weeks(services: DatesServices) -> None:
    start = datetime(2026, 12, 6, 10, 0, tzinfo=BERLIN)
    rule = recurrence.rule_for("monthly_weekday", start)
    plan = services.plans.create(PlanDraft("Check-in", start, kind="check_in",
                                           timezone="Europe/Berlin", rrule=rule))
    occurrence = services.plans.occurrence(plan.uuid, plan.starts_at)
    assert propose_next(occurrence, rule, plan.starts_at).astimezone(BERLIN) == datetime(
        2027, 1, 3, 10, 0, tzinfo=BERLIN)
    assert propose_next(occurrence, None, plan.starts_at) == occurrence.starts_at + timedelta(
        weeks=2)


def test_check_in_notes_are_kept_once_per_occurrence(services: DatesServices) -> None:
    when = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    services.checkins.save(None, None, ["prompt-001"], "<p>x</p>")
    plan = services.plans.create(PlanDraft("Check-in", when, kind="check_in"))
    services.checkins.save(plan.id, when, ["prompt-002"], "<p>first</p>")
    services.checkins.save(plan.id, when, ["prompt-003"], "<p>second</p>")
    record = services.checkins.for_occurrence(plan.id, when)
    assert (record.prompt_keys, record.notes_html) == (("prompt-003",), "<p>second</p>")
    assert services.checkins.recent_prompt_keys() == ["prompt-001", "prompt-003"]


def test_prompt_choice_without_any_prompts() -> None:
    assert choose_prompts((), []) == []
    two = (Prompt("p1", "needs", "a"), Prompt("p2", "needs", "b"))
    assert [p.key for p in choose_prompts(two, [])] in (["p1", "p2"], ["p2", "p1"])


# ---- reminders ----------------------------------------------------------------------------
def test_reminders_are_due_once(services: DatesServices) -> None:
    weekly_date_night(services, reminder=60)
    before = datetime(2026, 11, 27, 16, 59, tzinfo=UTC)
    assert services.reminders.due(before) == []
    at = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 18:00 Berlin, an hour before
    due = services.reminders.due(at)
    assert [d.occurrence.starts_at for d in due] == [datetime(2026, 11, 27, 18, 0, tzinfo=UTC)]
    services.reminders.mark_shown(due, at)
    services.reminders.mark_shown(due, at)  # twice is harmless
    assert services.reminders.due(at + timedelta(minutes=1)) == []


def test_reminders_missed_while_closed_are_split_out(services: DatesServices) -> None:
    weekly_date_night(services, reminder=24 * 60)
    later = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # the day-before reminder passed at 18:00
    missed, fresh = services.reminders.split_at_start(later)
    assert len(missed) == 1 and fresh == []


def test_skipped_occurrences_do_not_remind(services: DatesServices) -> None:
    plan = weekly_date_night(services, reminder=60)
    first = fridays(services)[0]
    services.plans.skip(plan.uuid, first.original_start)
    assert services.reminders.due(datetime(2026, 11, 27, 17, 30, tzinfo=UTC)) == []


def test_reminder_phrases() -> None:
    assert split_minutes(60) == (1, "hours")
    assert split_minutes(2880) == (2, "days")
    assert split_minutes(45) == (45, "minutes")
    assert lead_phrase(60) == "1 hour"
    assert lead_phrase(90) == "90 minutes"


# ---- memories in the calendar -------------------------------------------------------------
def test_memories_by_day(services: DatesServices, ctx: AppContext) -> None:
    from lovebridge.store.models import Memory

    with ctx.store.session_scope() as session:
        session.add(Memory(title="Soup night", date_year=2026, date_month=11, date_day=11))
        session.add(Memory(title="Some summer", date_year=2026, date_month=None))
    found = services.memories_between(date(2026, 11, 1), date(2026, 11, 30))
    assert [(m.title, m.day) for m in found] == [("Soup night", date(2026, 11, 11))]
