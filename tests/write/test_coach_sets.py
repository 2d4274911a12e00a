"""The coach measured on labelled drafts it was never tuned to: the frozen held-out set."""

from __future__ import annotations

import hashlib

import pytest

from tests.write.coach_measure import HINT_IDS, SETS, load, measure, table

# The held-out set was committed before any rule change and is never edited: a new hash means
# someone touched it, and its figures would no longer mean anything.
HELDOUT_SHA256 = "c023b0bbc8efe20faaff4b55a7218025c74df77e69b113f23e2c89882e759ce6"


def test_the_held_out_set_is_frozen() -> None:
    digest = hashlib.sha256((SETS / "heldout.jsonl").read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256


def test_the_held_out_set_is_big_and_labels_every_hint_both_ways() -> None:
    drafts = load("heldout")
    assert len(drafts) >= 150
    for hint in HINT_IDS:
        assert sum(hint in d.hints for d in drafts) >= 4, hint
        assert sum(hint not in d.hints for d in drafts) >= 4, hint
    assert all(d.hints <= set(HINT_IDS) for d in drafts)


def test_precision_and_recall_on_the_held_out_set(capsys: pytest.CaptureFixture[str]) -> None:
    drafts = load("heldout")
    scores, total, _misses = measure(drafts)
    with capsys.disabled():
        print("\n" + table(f"coach on the held-out set ({len(drafts)} drafts)", scores, total))


def test_the_development_set_is_big_and_separate_from_the_held_out_set() -> None:
    dev, heldout = load("dev"), load("heldout")
    assert len(dev) >= 300
    assert not {d.text for d in dev} & {d.text for d in heldout}
    assert all(d.hints <= set(HINT_IDS) for d in dev)


def test_precision_and_recall_on_the_development_set(capsys: pytest.CaptureFixture[str]) -> None:
    drafts = load("dev")
    scores, total, _misses = measure(drafts)
    with capsys.disabled():
        print("\n" + table(f"coach on the development set ({len(drafts)} drafts)", scores, total))
