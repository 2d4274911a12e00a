"""The built-in template library: complete, well-formed, varied, and sincere by the coach."""

from __future__ import annotations

import itertools
import re
import tomllib

import pytest

from lovebridge.resources import resource_path

CATEGORIES = (
    "appreciation", "apology", "admiration", "future_plans", "remembering", "encouragement",
    "missing_you", "reconnecting", "daily_thanks", "anniversary", "good_morning", "good_night",
    "support", "check_in_invite", "birthday", "congratulations", "flirting", "valentines",
    "making_up", "accepting_apology", "vulnerability", "midday", "new_relationship",
    "long_distance", "parents", "i_feel",
)
TONES = {"tender", "playful", "serious", "warm", "hopeful"}
# Realistic fill-ins of about ten characters, as the contract's length classes assume.
SAMPLE = {
    "partner": "Alexandria", "me": "Sebastian", "years_together": "7",
    "days_together": "2555", "memory": "our picnic", "place": "the harbour",
    "inside_joke": "the goose", "next_date": "Friday's date", "memory_title": "our picnic",
    "memory_place": "the harbour", "plan_title": "the cinema", "plan_place": "the Odeon",
    "city": "Melbourne",
}
MIN_PER_CATEGORY = 17
MAX_SHINGLE_OVERLAP = 0.5


def _load(category: str) -> dict:
    return tomllib.loads(resource_path("templates", f"{category}.toml").read_text("utf-8"))


ALL_FILES = {category: _load(category) for category in CATEGORIES}
ALL_TEMPLATES = [
    (category, entry) for category, data in ALL_FILES.items() for entry in data["template"]
]


def _filled(entry: dict) -> str:
    return entry["text"].strip().format_map(SAMPLE)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_file_is_complete(category: str) -> None:
    data = ALL_FILES[category]
    assert data["category"] == category
    assert data["label"].strip() and data["description"].strip()
    assert len(data["occasions"]) >= 8 and all(o.strip() for o in data["occasions"])
    assert len(data["template"]) >= MIN_PER_CATEGORY


def test_library_has_enough_templates_with_unique_keys() -> None:
    keys = [entry["key"] for _, entry in ALL_TEMPLATES]
    assert len(keys) >= 500
    assert len(keys) == len(set(keys))
    for category, entry in ALL_TEMPLATES:
        assert re.fullmatch(rf"{category}-\d\d", entry["key"]), entry["key"]


@pytest.mark.parametrize(("category", "entry"), ALL_TEMPLATES,
                         ids=[entry["key"] for _, entry in ALL_TEMPLATES])
def test_template_schema_placeholders_and_length_class(category: str, entry: dict) -> None:
    assert entry["tone"] in TONES
    text = _filled(entry)  # raises KeyError on any placeholder outside the contract
    size = len(text)
    actual = "short" if size <= 160 else "medium" if size <= 500 else "long"
    assert entry["length"] == actual, f"{entry['key']} is {size} characters when filled"


def test_every_category_mixes_tones_and_lengths() -> None:
    for category, data in ALL_FILES.items():
        tones = {entry["tone"] for entry in data["template"]}
        lengths = {entry["length"] for entry in data["template"]}
        assert len(tones) >= 4, category
        assert {"short", "medium"} <= lengths, category
    long_letters = {c for c, e in ALL_TEMPLATES if e["length"] == "long"}
    assert {"anniversary", "apology", "reconnecting", "support"} <= long_letters


def test_no_two_templates_say_nearly_the_same_thing() -> None:
    shingles = [(entry["key"], _shingles(_filled(entry))) for _, entry in ALL_TEMPLATES]
    worst = max(
        ((len(a & b) / len(a | b), ka, kb) for (ka, a), (kb, b) in
         itertools.combinations(shingles, 2)),
    )
    assert worst[0] < MAX_SHINGLE_OVERLAP, worst


def test_apologies_own_the_hurt_without_but_or_if() -> None:
    banned = re.compile(r"\bbut\b|\bsorry,? if\b|\bif you (?:were hurt|felt)\b|"
                        r"\bsorry (?:that )?you feel", re.IGNORECASE)
    for category, entry in ALL_TEMPLATES:
        if category == "apology" or "sorry" in entry["text"].lower():
            assert not banned.search(entry["text"]), entry["key"]


def test_support_never_minimises() -> None:
    banned = re.compile(r"at least|happens for a reason|could be worse|bright side|cheer up|"
                        r"silver lining|not that bad|don't worry", re.IGNORECASE)
    for entry in ALL_FILES["support"]["template"]:
        assert not banned.search(entry["text"]), entry["key"]


def test_anniversaries_count_the_time_together() -> None:
    for entry in ALL_FILES["anniversary"]["template"]:
        assert re.search(r"\{(?:years|days)_together\}", entry["text"]), entry["key"]


def test_check_in_invitations_propose_undistracted_time() -> None:
    undistracted = re.compile(r"phone|screen|device|distract", re.IGNORECASE)
    for entry in ALL_FILES["check_in_invite"]["template"]:
        assert undistracted.search(entry["text"]), entry["key"]


def test_reconnecting_speaks_in_i_statements() -> None:
    for entry in ALL_FILES["reconnecting"]["template"]:
        opening = " ".join(entry["text"].split(".")[:2])
        assert re.search(r"\bI(?:'m|'ve|'d)?\b", opening), entry["key"]


def test_every_template_passes_the_sincerity_coach() -> None:
    coach = pytest.importorskip("lovebridge.core.write.coach")
    placeholders = pytest.importorskip("lovebridge.core.write.placeholders")
    values = placeholders.FillValues(**SAMPLE)
    flagged = []
    for category, entry in ALL_TEMPLATES:
        text = placeholders.fill(entry["text"].strip(), values)
        hints = coach.review(text, category=category, channel="print",
                             names=(SAMPLE["partner"], SAMPLE["me"]))
        flagged += [(entry["key"], hint.rule, text[hint.start:hint.end]) for hint in hints]
    assert flagged == []


def test_the_write_room_loader_reads_every_file_cleanly() -> None:
    templates = pytest.importorskip("lovebridge.core.write.templates")
    library = templates.load_library()
    assert library.problems == ()
    assert {c.key for c in library.categories} == set(CATEGORIES)
    assert len(library.templates) == len(ALL_TEMPLATES)
    for template in library.templates:
        assert templates.length_class(template.text) == template.length, template.key
