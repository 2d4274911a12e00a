"""Template files: parsing against small fixtures, and checks across the whole built-in library."""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest

from lovebridge.core.write.templates import (
    PLACEHOLDERS,
    TemplateFormatError,
    length_class,
    load_library,
    parse_category_file,
)

GOOD = '''
category = "apology"
label = "Saying sorry"
description = "Owning a hurt."
occasions = ["after an argument"]

[[template]]
key = "apology-01"
tone = "tender"
length = "short"
text = """I'm sorry I snapped at you, {partner}."""

[[template]]
key = "apology-02"
tone = "serious"
length = "medium"
text = "I was wrong about {memory}, {partner}. I'd like to make it right."
'''


def write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


def test_a_category_file_parses_into_plain_templates() -> None:
    category, templates = parse_category_file(GOOD, "apology")
    assert (category.key, category.label, category.occasions) == (
        "apology", "Saying sorry", ("after an argument",))
    assert [t.key for t in templates] == ["apology-01", "apology-02"]
    assert templates[1].placeholders() == ("memory", "partner")
    assert not templates[0].is_custom


@pytest.mark.parametrize(("change", "reason"), [
    (('key = "apology-01"', 'key = "sorry-1"'), "must look like apology-01"),
    (('tone = "tender"', 'tone = "angry"'), "tone"),
    (('length = "short"', 'length = "tiny"'), "length"),
    (("{partner}.", "{partner_name}."), "unknown placeholders"),
    (('label = "Saying sorry"', 'label = ""'), "needs a label"),
    (('[[template]]', '[[template'), "not valid TOML"),
])
def test_a_broken_entry_is_refused_with_a_reason(change, reason) -> None:
    with pytest.raises(TemplateFormatError, match=reason):
        parse_category_file(GOOD.replace(*change, 1), "apology")


def test_a_broken_file_is_skipped_and_named_and_duplicates_are_dropped(tmp_path: Path) -> None:
    write(tmp_path, "apology", GOOD)
    write(tmp_path, "support", "category = 'support'\n[[template]\n")
    write(tmp_path, "remembering", GOOD.replace("apology", "remembering"))
    (tmp_path / "broken.toml").write_bytes(b"\xff\xfe\x00bad")
    library = load_library(tmp_path)
    assert [c.key for c in library.categories] == ["apology", "remembering"]
    assert len(library.templates) == 4
    assert any("support.toml" in p for p in library.problems)
    assert any("broken.toml" in p for p in library.problems)
    assert library.get("apology-02").category == "apology"
    assert library.label_of("apology") == "Saying sorry"


def test_length_class_follows_the_contract() -> None:
    assert length_class("x" * 160) == "short"
    assert length_class("x" * 161) == "medium"
    assert length_class("x" * 501) == "long"


# ---- the whole built-in library -----------------------------------------------------------------
LIBRARY = load_library()
SHINGLE = 4
JACCARD_LIMIT = 0.5
RATIO_LIMIT = 0.8


def test_the_library_loads_without_problems() -> None:
    assert LIBRARY.problems == ()
    assert len(LIBRARY.templates) >= 1
    keys = [t.key for t in LIBRARY.templates]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("template", LIBRARY.templates, ids=lambda t: t.key)
def test_each_template_keeps_to_its_length_class_and_placeholders(template) -> None:
    assert set(template.placeholders()) <= set(PLACEHOLDERS)
    limit = {"short": 160, "medium": 500}.get(template.length)
    if limit is not None:
        # Placeholders grow when filled; measure with typical values.
        filled = re.sub(r"\{[a-z_]+\}", "x" * 8, template.text)
        assert len(filled) <= limit, (template.key, len(filled))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}


def near_duplicate_pairs(templates) -> list[tuple[str, str, str]]:
    """Pairs of templates whose wording overlaps too much (shingles or word sequence)."""
    shingles = {t.key: _shingles(t.text) for t in templates}
    words = {t.key: re.findall(r"[a-z']+", t.text.lower()) for t in templates}
    pairs = []
    for a, b in itertools.combinations(templates, 2):
        sa, sb = shingles[a.key], shingles[b.key]
        jaccard = len(sa & sb) / max(len(sa | sb), 1)
        if jaccard > JACCARD_LIMIT:
            pairs.append((a.key, b.key, f"jaccard {jaccard:.2f}"))
            continue
        wa, wb = words[a.key], words[b.key]
        if abs(len(wa) - len(wb)) < 0.4 * max(len(wa), len(wb)):
            matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
            if matcher.real_quick_ratio() > RATIO_LIMIT and matcher.quick_ratio() > RATIO_LIMIT \
                    and matcher.ratio() > RATIO_LIMIT:
                pairs.append((a.key, b.key, f"ratio {matcher.ratio():.2f}"))
    return pairs


def test_the_duplicate_check_catches_a_lightly_edited_copy() -> None:
    _category, templates = parse_category_file(GOOD, "apology")
    base = templates[1]
    copy = replace(base, key="apology-03", text=base.text.replace("make it right", "fix it"))
    other = replace(base, key="apology-04", text="Thank you for the soup, {partner}.")
    assert [p[:2] for p in near_duplicate_pairs([base, copy, other])] == [
        ("apology-02", "apology-03")]


def test_no_two_templates_are_near_duplicates() -> None:
    assert near_duplicate_pairs(LIBRARY.templates) == []
