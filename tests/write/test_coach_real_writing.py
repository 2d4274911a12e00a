"""The coach on writing as people really write it: each class of slip the old coach made.

Examples are the team's own, one or two per class; the measured sets are in coach_sets/.
"""

from __future__ import annotations

import pytest

from lovebridge.core.write.coach import (
    ACCUSATION,
    AFFECTION,
    CONDITIONAL_APOLOGY,
    EMPTY_REASON,
    EXAGGERATION,
    JUDGEMENT,
    rephrase_accusation,
    review,
)

A, R, C, J = AFFECTION, EMPTY_REASON, ACCUSATION, JUDGEMENT
E, P = EXAGGERATION, CONDITIONAL_APOLOGY


def rules_for(text: str, category: str | None = None) -> set[str]:
    return {h.rule for h in review(text, category=category, names=("Maya", "Jonah"))}


@pytest.mark.parametrize(("text", "expected"), [
    # typographic apostrophes and text-speak
    ("You don’t even look up when I come in.", {C}),
    ("ur always late n i’m sick of waitin", {C}),
    ("luv ya", {A}),
    ("srry if u were upset", {P}),
    ("u nevr text back", {C}),  # a one-letter typo, fixed by the spell-checker
    # negation, reported speech, quotes and fond memories
    ("It’s not that you never call — I just miss your voice.", set()),
    ("My gran always said, “You never know what’s round the corner.”", set()),
    ("Dad told me you never stop talking about me at work.", set()),
    ("I loved how you’d always wait up with a cup of cocoa.", set()),
    # praise with always/never
    ("You never miss a chance to make me laugh.", set()),
    ("You always know what to say.", set()),
    ("You never complain about my snoring.", set()),
    # capitals and "perfect"
    ("We found the sofa at IKEA and the lamp at the NHS charity shop.", set()),
    ("You made a perfect cup of tea this morning.", set()),
    ("I am SO proud of you.", {E}),
    ("You are perfect.", {E}),
    # apologies
    ("Sorry, but can we move dinner to eight?", set()),
    ("Sorry if this is cheesy, but you light up my week.", set()),
    ("I apologise if anyone was upset.", {P}),
    ("I regret that it upset anyone.", {P}),
    ("I’m sorry I was late, but the traffic was awful.", {P}),
    ("I’m sorry I forgot. To be honest, it was a long week.", {P}),
    ("I’m sorry I was late. I’ll leave earlier on Friday.", set()),
    # empty reasons
    ("I love you because you just are.", {R}),
    ("Thanks for being you.", {R}),
    ("Thank you for all of it.", {R}),
    ("Thank you for carrying the shopping up four floors.", set()),
    # blame without absolutes
    ("You’re so lazy.", {J}),
    ("Typical.", {J}),
    ("Thanks a lot for nothing.", {J}),
    ("You’re so kind to my mum.", set()),
    ("A typical Saturday: papers, toast and rain.", set()),
])
def test_each_class_of_real_writing(text: str, expected: set[str]) -> None:
    assert rules_for(text) == expected


@pytest.mark.parametrize("praise", [
    "You never miss a chance to make me laugh.",
    "You always know what to say.",
    "You never let me down, not once.",
    "You always bring me tea when I'm working late.",
    "u never fail to cheer me up",
    "You made me feel at home with your family.",
    "You should have seen the kids' faces.",
])
def test_the_rewrite_never_turns_praise_into_a_complaint(praise: str) -> None:
    assert ACCUSATION not in rules_for(praise)
    assert rephrase_accusation(praise) is None


def test_accusations_typed_on_a_phone_get_an_i_feel_rewrite_without_absolutes() -> None:
    text = "ur always on ur phone when i’m talking to u"
    hint = next(h for h in review(text) if h.rule == ACCUSATION)
    assert (hint.start, hint.end) == (0, len(text))
    assert hint.rephrasing is not None
    assert hint.rephrasing.startswith("I feel unheard when you are on your phone when I am")
    assert "always" not in hint.rephrasing and "never" not in hint.rephrasing


def test_the_feeling_lookup_reads_words_not_letters() -> None:
    # "about" holds "out", which once picked "lonely" for a complaint about something else.
    assert rephrase_accusation("You always complain about it.").startswith("I feel hurt when")
    assert rephrase_accusation("You never ask about my day.").startswith("I feel unseen when")
    assert rephrase_accusation("You always go out without me.").startswith("I feel lonely when")


def test_hints_point_at_the_words_typed() -> None:
    text = "Morning! I’m SO proud of u. Typical you, though, forgetting your keys again."
    hints = {h.rule: h for h in review(text)}
    assert text[hints[EXAGGERATION].start:hints[EXAGGERATION].end] == "SO"
    judged = hints[JUDGEMENT]
    assert text[judged.start:judged.end].startswith("Typical you")


def test_an_apology_excuse_in_the_next_sentence_is_shown_where_it_is() -> None:
    text = "I’m sorry I missed your call. But you know how busy Mondays are."
    hint = next(h for h in review(text) if h.rule == CONDITIONAL_APOLOGY)
    assert text[hint.start:hint.end] == "But you know how busy Mondays are."
