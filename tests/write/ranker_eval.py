"""Scoring the suggestion ranker on labelled partial drafts: right kind first, in the top 3?

    python -m tests.write.ranker_eval [heldout|dev]

A draft counts for top-1 when the first suggestion's kind is its kind (or one of its `accept`
kinds), for top-3 when any of the first three suggestions is. Drafts labelled with a kind the
library does not have are misses.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from lovebridge.core.write.suggestions import RankContext, SuggestionEngine
from lovebridge.core.write.templates import load_library

SETS = Path(__file__).parent / "ranker_sets"


@dataclass(frozen=True)
class Score:
    total: int
    top1: int
    top3: int
    misses: tuple[tuple[str, str, tuple[str, ...]], ...]

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.total

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.total


def load_set(name: str) -> list[dict]:
    lines = (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(rows: list[dict], engine: SuggestionEngine | None = None) -> Score:
    if engine is None:
        library = load_library()
        engine = SuggestionEngine(library.templates, library.categories)
        engine.set_context(RankContext())
    top1 = top3 = 0
    misses = []
    for row in rows:
        right = {row["kind"], *row.get("accept", ())}
        kinds = tuple(r.template.category for r in engine.rank(row["draft"], limit=3))
        top1 += bool(kinds and kinds[0] in right)
        top3 += bool(right & set(kinds))
        if not kinds or kinds[0] not in right:
            misses.append((row["draft"], row["kind"], kinds))
    return Score(len(rows), top1, top3, tuple(misses))


def main(argv: list[str]) -> None:
    for name in argv or ["heldout", "dev"]:
        if not (SETS / f"{name}.jsonl").exists():
            continue
        score = evaluate(load_set(name))
        print(f"{name}: {score.total} drafts, top-1 {score.top1_rate:.1%}, "
              f"top-3 {score.top3_rate:.1%}")
        if "-v" in sys.argv:
            for draft, kind, got in score.misses:
                print(f"  {kind:18} {got}  {draft}")


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if not a.startswith("-")])
