"""Filled notes read naturally: typed placeholders, sentence-aware capitals, spelling by locale,
and notes about the past never name the coming plan."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lovebridge.core.profile import CoupleProfile
from lovebridge.core.write.context import MemoryRef, UpcomingPlan, fill_values
from lovebridge.core.write.placeholders import FillValues, fill, find_blanks
from lovebridge.core.write.spelling import localise, spelling_for
from lovebridge.core.write.templates import load_library

PROFILE = CoupleProfile("Maya", "Jonah", date(2019, 4, 12))
MEMORY = MemoryRef("m1", "Our picnic at the lake", "Home", 2021, 6, 3)
PLAN = UpcomingPlan("Dinner at Rosa's", datetime(2026, 12, 4, 19, tzinfo=UTC), "Rosa's", "date")


def test_a_value_is_cased_for_where_it_lands() -> None:
    values = FillValues(memory_title="Our picnic", memory_place="Home", city="Lisbon")
    text = fill("{memory_title} was lovely. I think of it at {memory_place} and in {city}.", values)
    assert text == "Our picnic was lovely. I think of it at home and in Lisbon."
    assert fill("Remember {memory_title}?", values) == "Remember our picnic?"
    assert fill("See you at {memory_place}!", FillValues(memory_place="the BBC")) == (
        "See you at the BBC!")


def test_typed_placeholders_left_empty_are_clear_blanks() -> None:
    text = fill("Thinking of you in {city}, near {plan_place}.", FillValues())
    assert [b.name for b in find_blanks(text)] == ["city", "plan_place"]
    assert text == "Thinking of you in [your city], near [where you're going]."


def test_the_next_plans_place_fills_only_plan_placeholders() -> None:
    values = fill_values(PROFILE, "a", date(2026, 12, 1), None, PLAN)
    assert (values.plan_place, values.plan_title) == ("Rosa's", "Dinner at Rosa's")
    assert values.place == "" and values.memory_place == ""
    with_memory = fill_values(PROFILE, "a", date(2026, 12, 1), MEMORY, PLAN)
    assert (with_memory.place, with_memory.memory_place) == ("Home", "Home")


def test_no_apology_or_making_up_note_names_a_plan() -> None:
    plan_words = {"next_date", "plan_place", "plan_title"}
    library = load_library()
    named = [t.key for t in library.templates
             if t.category in {"apology", "making_up", "accepting_apology"}
             and plan_words & set(t.placeholders())]
    assert named == []


def test_spelling_follows_the_locale() -> None:
    assert spelling_for("en_US") == spelling_for("en-US") == "us"
    assert spelling_for("en_GB") == spelling_for("en_AU") == spelling_for("de_DE") == "uk"
    uk = "My favourite colour: grey. Mum says I apologised. Favourite!"
    assert localise(uk, "uk") == uk
    assert localise(uk, "us") == "My favorite color: gray. Mom says I apologized. Favorite!"
    assert fill("Your {place} is my favourite.", FillValues(place="harbour", spelling="us")) == (
        "Your harbour is my favorite.")  # the couple's own words keep their spelling


def test_the_library_reads_in_us_spelling_without_uk_leftovers() -> None:
    leftovers = {"favourite", "colour", "apologise", "realise", "organise", "grey", "mum"}
    library = load_library()
    found = []
    for template in library.templates:
        words = set(fill(template.text, FillValues(spelling="us")).lower().replace(",", " ")
                    .replace(".", " ").split())
        found += [(template.key, w) for w in leftovers & words]
    assert found == []
