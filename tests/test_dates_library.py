"""The bundled ideas and check-in prompts: enough of them, unique keys, valid attributes, and
edited like the templates (no title echoed in its "why", places marked truthfully, one question
per prompt, words that read the same in any English-speaking country)."""

from __future__ import annotations

import re

from lovebridge.core.dates.checkins import THEMES, load_prompts
from lovebridge.core.dates.ideas import COSTS, ENERGIES, SEASONS, load_ideas
from lovebridge.core.write.intents import stem
from lovebridge.resources import resource_path

IDEAS = load_ideas(resource_path("dates", "ideas.toml"))
PROMPTS = load_prompts(resource_path("dates", "checkin_prompts.toml"))


def test_idea_library_is_large_and_valid() -> None:
    ideas = load_ideas(resource_path("dates", "ideas.toml"))  # raises on any invalid field
    assert len(ideas) >= 250
    assert len({i.key for i in ideas}) == len(ideas)
    assert len({i.title.casefold() for i in ideas}) == len(ideas)
    for idea in ideas:
        assert idea.key.startswith("idea-")
        assert idea.title.strip() and idea.why.strip()
        assert idea.cost in COSTS and idea.energy in ENERGIES and idea.season in SEASONS
        assert 0 < idea.duration_minutes <= 60 * 24 * 3
        assert all(isinstance(tag, str) and tag.strip() for tag in idea.tags)
    # Enough variety for the filters to be useful.
    assert {i.cost for i in ideas} == set(COSTS)
    assert {i.energy for i in ideas} == set(ENERGIES)
    assert {i.at_home for i in ideas} == {True, False}
    assert {i.indoor for i in ideas} == {True, False}
    assert sum(1 for i in ideas if i.at_home and i.cost == "free") >= 10


def test_prompt_library_is_large_and_valid() -> None:
    prompts = load_prompts(resource_path("dates", "checkin_prompts.toml"))
    assert len(prompts) >= 120
    assert len({p.key for p in prompts}) == len(prompts)
    assert len({p.text.casefold() for p in prompts}) == len(prompts)
    assert {p.theme for p in prompts} == set(THEMES)
    for prompt in prompts:
        assert prompt.key.startswith("prompt-") and prompt.text.strip()


_TITLE_STOP = {"with", "your", "each", "other", "that", "from", "into", "together", "them", "this",
               "what", "have", "their", "they", "make", "more"}
ACCESSIBLE = {"step-free", "seated", "quiet", "sensory-light"}


def _content_stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", text.lower())
            if len(w) >= 4 and w not in _TITLE_STOP}


def test_an_ideas_why_does_not_repeat_its_title() -> None:
    echoes = [(i.key, shared) for i in IDEAS
              if len(shared := _content_stems(i.title) & _content_stems(i.why)) >= 2]
    assert echoes == []


def test_ideas_out_on_the_road_or_in_the_open_are_not_marked_indoor() -> None:
    outside = re.compile(r"\b(drive|hike|hiking|cycle|cycling|stargaz\w*|beach|snowshoe\w*|"
                         r"kayak\w*|sunrise|sunset)\b", re.IGNORECASE)
    assert [i.key for i in IDEAS if i.indoor and outside.search(i.title)] == []
    assert [i.key for i in IDEAS if i.indoor and "outdoors" in i.tags] == []


def test_ideas_cover_distance_bedtime_lively_evenings_and_access_needs() -> None:
    assert sum("long-distance" in i.tags for i in IDEAS) >= 10
    assert sum("after-bedtime" in i.tags for i in IDEAS) >= 10
    assert sum(i.at_home and i.energy == "lively" for i in IDEAS) >= 10
    assert sum(bool(ACCESSIBLE & set(i.tags)) for i in IDEAS) >= 25


def test_ideas_and_prompts_are_region_neutral() -> None:
    local = re.compile(r"\bpubs?\b|[£$€]|thanksgiving|bonfire night|fourth of july|4th of july|"
                       r"\bquid\b|\bbucks\b", re.IGNORECASE)
    texts = [f"{i.title} {i.why} {' '.join(i.tags)}" for i in IDEAS] + [p.text for p in PROMPTS]
    assert [t for t in texts if local.search(t)] == []


def test_each_prompt_asks_one_question() -> None:
    second = re.compile(r"[,;]\s*(?:and|or)\s+(?:what|how|why|where|when|which|who|is|are|do|"
                        r"does|did|would|could|can)\b", re.IGNORECASE)
    asking_two = [p.key for p in PROMPTS
                  if p.text.count("?") != 1 or not p.text.endswith("?") or second.search(p.text)]
    assert asking_two == []


def test_prompts_cover_the_harder_topics() -> None:
    for theme in ("screens", "family", "children", "money", "distance", "repair", "feelings"):
        assert sum(p.theme == theme for p in PROMPTS) >= 8, theme
    assert any("I feel" in p.text and "when" in p.text for p in PROMPTS if p.theme == "feelings")
