"""The bundled ideas and check-in prompts: enough of them, unique keys, valid attributes."""

from __future__ import annotations

from lovebridge.core.dates.checkins import THEMES, load_prompts
from lovebridge.core.dates.ideas import COSTS, ENERGIES, SEASONS, load_ideas
from lovebridge.resources import resource_path


def test_idea_library_is_large_and_valid() -> None:
    ideas = load_ideas(resource_path("dates", "ideas.toml"))  # raises on any invalid field
    assert len(ideas) >= 150
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
    assert len(prompts) >= 60
    assert len({p.key for p in prompts}) == len(prompts)
    assert len({p.text.casefold() for p in prompts}) == len(prompts)
    assert {p.theme for p in prompts} == set(THEMES)
    for prompt in prompts:
        assert prompt.key.startswith("prompt-") and prompt.text.strip()
