"""Qt-free Write logic: placeholders, suggestions, messages, context, rhythm, channels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from lovebridge.core.profile import CoupleProfile
from lovebridge.core.write.channels import mailto_url, sms_segments
from lovebridge.core.write.context import WritingContextService, fill_values
from lovebridge.core.write.custom_templates import CustomTemplateService
from lovebridge.core.write.messages import MAX_MESSAGE_CHARS, Draft, MessageService
from lovebridge.core.write.placeholders import FillValues, fill, find_blanks, to_template_text
from lovebridge.core.write.rhythm import turn_hint, weekly_counts
from lovebridge.core.write.suggestions import (
    RankContext,
    SuggestionEngine,
    context_boosts,
    stem,
    tokenise,
)
from lovebridge.core.write.templates import Category, Template
from lovebridge.store.models import Memory, Plan
from tests.conftest import FIXED_NOW

HOSTILE = (
    "👩‍❤️‍💋‍👨 👨‍👩‍👧‍👦 🏳️‍🌈 — שלום, אהובי. مرحبا يا حبيبي \u200f\u202eolleh\u202c "
    "tab\there bell\x07 esc\x1b nul-free \x0b vt \u2028 ls \ufeff bom \U0001f9d1\u200d\U0001f33e"
)


# ---- placeholders -------------------------------------------------------------------------------
def test_fill_uses_known_values_and_leaves_friendly_blanks() -> None:
    text = fill("Dear {partner}, remember {memory} at {place}? Love, {me}",
                FillValues(partner="Jonah", me="Maya", place="the lake"))
    assert text == "Dear Jonah, remember [a memory] at the lake? Love, Maya"
    assert "{" not in text
    assert [(b.name, b.label) for b in find_blanks(text)] == [("memory", "[a memory]")]
    assert to_template_text(text, FillValues(partner="Jonah", me="Maya")) == (
        "Dear {partner}, remember {memory} at the lake? Love, {me}")


def test_a_count_of_one_reads_as_one_year_not_one_years() -> None:
    text = "{years_together} years and {days_together} days of you, {partner}."
    assert fill(text, FillValues(partner="Jo", years_together="1", days_together="1")) == (
        "1 year and 1 day of you, Jo.")
    assert fill(text, FillValues(partner="Jo", years_together="7", days_together="2,600")) == (
        "7 years and 2,600 days of you, Jo.")
    assert fill("{years_together} years", FillValues()) == "[how many years] years"


def test_fill_values_come_from_the_profile_memory_and_next_date() -> None:
    profile = CoupleProfile("Maya", "Jonah", date(2019, 4, 12), ("the purple umbrella",))
    values = fill_values(profile, "b", date(2026, 11, 23))
    assert (values.partner, values.me, values.years_together) == ("Maya", "Jonah", "7")
    assert values.days_together == "2,782" and values.inside_joke == "the purple umbrella"
    assert values.memory == "" and values.next_date == ""


# ---- suggestions --------------------------------------------------------------------------------
def make_templates() -> list[Template]:
    return [
        Template("apology-01", "apology", "tender", "short",
                 "I'm sorry I wasn't listening last night, {partner}."),
        Template("apology-02", "apology", "serious", "short", "I'm sorry about the dishes."),
        Template("remembering-01", "remembering", "warm", "short",
                 "Remember {memory}? I was listening to the rain all night."),
        Template("anniversary-01", "anniversary", "warm", "short",
                 "{years_together} years today, {partner}."),
        Template("appreciation-01", "appreciation", "warm", "short", "Thank you for the soup."),
    ]


CATEGORIES = [Category("apology", "Saying sorry", "", ("after an argument",))]


def keys(ranked) -> list[str]:
    return [r.template.key for r in ranked]


def test_snowball_stems_match_word_forms_and_phone_apostrophes() -> None:
    assert stem("listening") == stem("listened") == stem("listens") == "listen"
    assert stem("appreciate") == stem("appreciated") == stem("appreciating")
    assert tokenise("The dishes, and I'm LISTENING") == ["dish", "listen"]
    assert tokenise("I’m sorry, u know") == tokenise("I'm sorry, you know") == ["sorri", "know"]
    assert tokenise("I apologise") == tokenise("I apologize")


def test_the_chosen_category_comes_first_and_typed_words_rerank_within_it() -> None:
    engine = SuggestionEngine(make_templates(), CATEGORIES)
    engine.set_context(RankContext(category="apology"))
    assert set(keys(engine.rank(""))[:2]) == {"apology-01", "apology-02"}
    assert keys(engine.rank("about those dishes "))[0] == "apology-02"
    # Not only prefixes: a word in the middle of a template matches, in another form.
    engine.set_context(RankContext())
    ranked = engine.rank("it rained so much ")
    assert ranked[0].template.key == "remembering-01" and "rain" in ranked[0].matched


def test_a_half_typed_word_matches_by_prefix() -> None:
    engine = SuggestionEngine(make_templates())
    assert keys(engine.rank("sou"))[0] == "appreciation-01"


def test_context_lifts_anniversaries_and_recently_used_templates_sink() -> None:
    engine = SuggestionEngine(make_templates())
    boosts = context_boosts(anniversary_in_days=3, plan_in_days=None, memory_today=False,
                            days_since_last_note=2)
    engine.set_context(RankContext(boosted_categories=boosts))
    assert keys(engine.rank(""))[0] == "anniversary-01"
    used = (("anniversary-01", FIXED_NOW - timedelta(days=2)),)
    engine.set_context(RankContext(boosted_categories=boosts, recently_used=used, now=FIXED_NOW))
    assert keys(engine.rank(""))[-1] == "anniversary-01"
    assert context_boosts(None, None, True, 30) == (
        ("missing_you", 0.4), ("reconnecting", 0.5), ("remembering", 0.8))


# ---- messages -----------------------------------------------------------------------------------
def test_drafts_save_update_search_duplicate_trash_restore_and_give(ctx) -> None:
    messages = MessageService(ctx.store, clock=ctx.now)
    first = messages.save(Draft(None, "a", "<p>hi</p>", "Thank you for the soup, Jonah."))
    again = messages.save(Draft(first.uuid, "a", "", "Thank you for the soup, Jonah. x",
                                category="appreciation"))
    assert again.uuid == first.uuid and again.title.startswith("Thank you")
    other = messages.save(Draft(None, "b", "", "100% sure_about it"))
    assert [m.uuid for m in messages.search("SOUP")] == [first.uuid]
    assert [m.uuid for m in messages.search("100%")] == [other.uuid]
    assert [m.uuid for m in messages.search("%")] == [other.uuid]
    assert [m.uuid for m in messages.search("_")] == [other.uuid]
    copy = messages.duplicate(first.uuid)
    assert copy.uuid != first.uuid and copy.body_text == again.body_text
    messages.trash(first.uuid)
    assert first.uuid not in [m.uuid for m in messages.search()]
    assert [m.uuid for m in messages.search(trashed=True)] == [first.uuid]
    messages.restore(first.uuid)
    messages.record_sent(first.uuid, "email")
    messages.mark_given(first.uuid)
    done = messages.get(first.uuid)
    assert (done.status, done.channel, done.given_at) == ("given", "email", FIXED_NOW)
    assert messages.last_given().uuid == first.uuid
    assert [m.uuid for m in messages.delivered()] == [first.uuid]


def test_hostile_text_round_trips_exactly_and_huge_text_is_refused(ctx) -> None:
    messages = MessageService(ctx.store)
    saved = messages.save(Draft(None, "a", "", HOSTILE))
    assert messages.get(saved.uuid).body_text == HOSTILE
    with pytest.raises(ValueError, match="100,000"):
        messages.save(Draft(None, "a", "", "x" * (MAX_MESSAGE_CHARS + 1)))


def test_recent_template_use_feeds_freshness(ctx) -> None:
    old = MessageService(ctx.store, clock=lambda: FIXED_NOW - timedelta(days=90))
    old.save(Draft(None, "a", "", "old", template_key="apology-01"))
    new = MessageService(ctx.store, clock=ctx.now)
    new.save(Draft(None, "a", "", "new", template_key="apology-02"))
    assert new.recent_template_use(FIXED_NOW - timedelta(days=42)) == {"apology-02": FIXED_NOW}


def test_custom_templates_add_edit_delete_and_refuse_unknown_placeholders(ctx) -> None:
    service = CustomTemplateService(ctx.store, clock=ctx.now)
    mine = service.add("Tea's on, {partner}.", "daily_thanks", "a")
    assert mine.is_custom and mine.key == f"custom-{mine.custom_uuid}" and mine.length == "short"
    service.update(mine.custom_uuid, "Coffee's on, {partner}.")
    assert [t.text for t in service.list()] == ["Coffee's on, {partner}."]
    with pytest.raises(ValueError, match="partner_name"):
        service.update(mine.custom_uuid, "Hi {partner_name}")
    service.delete(mine.custom_uuid)
    assert service.list() == []
    service.restore(mine.custom_uuid)
    assert len(service.list()) == 1


# ---- context ------------------------------------------------------------------------------------
def test_context_reads_memories_plans_anniversaries_and_the_last_note(ctx, couple) -> None:
    with ctx.store.session_scope() as session:
        session.add_all([
            Memory(title="our picnic at the lake", date_year=2022, date_month=11, date_day=23,
                   place="Loch Lomond"),
            Memory(title="the ferry in the storm", date_year=2024, date_month=6, date_day=2),
            Memory(title="gone", date_year=2021, date_month=11, date_day=23,
                   trashed_at=FIXED_NOW),
            Plan(title="Pasta night", starts_at=FIXED_NOW - timedelta(days=14),
                 rrule="FREQ=WEEKLY", place="home"),
            Plan(title="Far away", starts_at=FIXED_NOW + timedelta(days=60)),
        ])
    writer_messages = MessageService(ctx.store, clock=lambda: FIXED_NOW - timedelta(days=12))
    sent = writer_messages.save(Draft(None, "a", "", "hi"))
    writer_messages.record_sent(sent.uuid, "copy")
    service = WritingContextService(ctx.store)
    context = service.load(FIXED_NOW, date(2026, 11, 23), "a")
    assert [m.title for m in context.on_this_day] == ["our picnic at the lake"]
    assert context.fill.memory == "our picnic at the lake" and context.fill.place == "Loch Lomond"
    assert context.next_plan.title == "Pasta night"
    assert context.next_plan.starts_at == FIXED_NOW
    assert context.fill.next_date.startswith("Pasta night on ")
    assert context.anniversary_in_days == (date(2027, 4, 12) - date(2026, 11, 23)).days
    assert context.days_since_last_note == 12
    chosen = service.memories.recent()[0]
    assert chosen.title == "the ferry in the storm"
    assert service.load(FIXED_NOW, date(2026, 11, 23), "a", chosen.uuid).fill.memory == (
        "the ferry in the storm")


# ---- rhythm and channels ------------------------------------------------------------------------
def test_weekly_counts_and_whose_turn_it_might_be() -> None:
    today = date(2026, 11, 23)  # a Monday
    moments = [datetime(2026, 11, 23, 9, tzinfo=UTC), datetime(2026, 11, 20, 9, tzinfo=UTC),
               datetime(2026, 11, 18, 9, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)]
    weeks = weekly_counts(moments, today, weeks=4)
    assert [w.count for w in weeks] == [0, 0, 2, 1]
    assert weeks[-1].start == today
    assert turn_hint(["a", "a", "a", "b"], "a").kind == "their_turn"
    assert turn_hint(["b", "b", "b"], "a").kind == "reply"
    assert turn_hint(["a", "b", "a"], "a") is None
    assert turn_hint(["a", "a"], "a") is None


def test_mailto_is_percent_encoded_with_crlf_line_breaks() -> None:
    url = mailto_url("A note from Maya", "Hi Jonah & co,\n50% of my heart? 👩‍❤️‍👨")
    assert url.isascii() and " " not in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["A note from Maya"]
    assert query["body"] == ["Hi Jonah & co,\r\n50% of my heart? 👩‍❤️‍👨"]
    assert sms_segments("") == 1 and sms_segments("x" * 161) == 2
