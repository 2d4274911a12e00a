"""Load the coach's labelled sets and measure precision and recall per hint."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.write.coach import review

SETS = Path(__file__).parent / "coach_sets"
NAMES = ("Maya", "Jonah")
HINT_IDS = ("affection_without_reason", "empty_reason", "accusation", "judgement",
            "exaggeration", "conditional_apology", "too_long_for_channel", "vague_memory")


@dataclass(frozen=True)
class Draft:
    text: str
    category: str | None
    channel: str
    hints: frozenset[str]


@dataclass(frozen=True)
class Score:
    hint: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load(name: str) -> list[Draft]:
    lines = (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [Draft(r["text"], r["category"], r["channel"], frozenset(r["hints"])) for r in rows]


def fired(draft: Draft) -> set[str]:
    hints = review(draft.text, category=draft.category, channel=draft.channel, names=NAMES)
    return {h.rule for h in hints}


def measure(drafts: list[Draft]) -> tuple[list[Score], Score, list[str]]:
    """Per-hint scores, the micro-averaged total, and a line for every disagreement."""
    counts = {hint: [0, 0, 0] for hint in HINT_IDS}
    misses = []
    for draft in drafts:
        got = fired(draft)
        for hint in HINT_IDS:
            want, has = hint in draft.hints, hint in got
            counts[hint][0] += want and has
            counts[hint][1] += has and not want
            counts[hint][2] += want and not has
            if want != has:
                misses.append(f"{hint}: {'extra' if has else 'missing'} on {draft.text[:70]!r}")
    scores = [Score(hint, *counts[hint]) for hint in HINT_IDS]
    total = Score("all hints", *(sum(c[i] for c in counts.values()) for i in range(3)))
    return scores, total, misses


def table(title: str, scores: list[Score], total: Score) -> str:
    lines = [title, f"{'hint':26} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}"]
    for s in [*scores, total]:
        lines.append(f"{s.hint:26} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:10.2f} {s.recall:7.2f}")
    return "\n".join(lines)
