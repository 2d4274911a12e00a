"""Per-keystroke cost of the sincerity coach on a long letter (target: under 2 ms).

    python tests/perf/bench_coach.py

Types the last 300 characters of a ~3,600-character letter one character at a time and times
(CPU time, best of a few typings) `coach.review` on the whole draft after each keystroke, as the
compose page does. References measured in the same run: a plain tokenisation of the same text
(`re.findall(r"\\w+", text)`), and the coach reading the draft with its per-sentence memory
cleared (what the first review of a pasted letter costs). The budget is 2 ms per keystroke, and
at most ten plain tokenisations.
`run(library, quick)` is the tests/perf/bench.py contract.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lovebridge.core.write import coach  # noqa: E402
from lovebridge.core.write.coach_reading import tokens  # noqa: E402
from tests.perf.benchlib import Row, best_of_typings, print_table  # noqa: E402

BUDGET_S = 0.002
TOKENISE_TARGET = 10.0  # reading a draft as people write it may cost ten plain tokenisations
TYPED_TAIL = 300
PARAGRAPHS = (
    "Dearest Ife, I'm writing this at the kitchen table while the kettle boils, because some "
    "things come out better on paper than across the sofa at eleven at night.",
    "This year asked a lot of us. Your dad's operation, the move to the flat on Harrow Road, "
    "the night the boiler gave up in January and we slept in our coats like two penguins.",
    "I don't think I said thank you enough. Thank you for ringing the hospital every morning "
    "so I could sleep, for the lists on the fridge, for learning the bus timetable by heart.",
    "I know I've been short with you. I'm sorry I snapped about the washing on Sunday. You "
    "didn't deserve it, and I've booked Thursday off so we can have a slow day together.",
    "Do you remember the first week here, when the removal van got lost and we ate chips on "
    "the floor with the windows open? I think about that evening more than you'd guess.",
    "You always find the funny side, even when the news is grim, and you never once made me "
    "feel like a burden when I couldn't get out of bed. I see it, and I'm grateful.",
    "Next spring I'd love to go back to the coast, to that café with the blue shutters, and "
    "order too many pastries and walk it off along the harbour wall until the light goes.",
)
LETTER = "\n\n".join(PARAGRAPHS * 3)
WORD_RE = re.compile(r"\w+")


def _typing(step, clock=time.process_time) -> list[float]:
    times = []
    for end in range(len(LETTER) - TYPED_TAIL, len(LETTER) + 1):
        draft = LETTER[:end]
        start = clock()
        step(draft)
        times.append(clock() - start)
    return times


def _review(draft: str) -> object:
    return coach.review(draft, channel="email", names=("Ife", "Sam"))


def _cold_review(draft: str) -> object:
    coach._facts.cache_clear()
    tokens.cache_clear()
    return _review(draft)


def keystroke_timings(quick: bool) -> dict[str, list[float]]:
    coach.warm_up()
    steps = {"coach": _review, "tokenise": WORD_RE.findall, "cold": _cold_review}
    rounds = 1 if quick else 3
    results = {name: best_of_typings(_typing, step, rounds) for name, step in steps.items()}
    hints = _review(LETTER)
    if {h.rule for h in hints} - {"affection_without_reason"}:
        raise RuntimeError(f"the benchmark letter should be nearly clean: {hints}")
    return results


def run(library: Path, quick: bool) -> list[Row]:
    """Median and p95 CPU time per keystroke against the budget and a plain tokenisation."""
    del library  # the coach reads only the draft
    results = keystroke_timings(quick)
    typed = results["coach"]
    size = f"{len(LETTER):,}-character letter"
    median, p95 = statistics.median(typed), statistics.quantiles(typed, n=20)[-1]
    return [
        Row(f"coach per keystroke, {size}, median", median, "s", "2 ms budget", BUDGET_S, 1.0),
        Row(f"coach per keystroke, {size}, p95", p95, "s", "2 ms budget", BUDGET_S, 1.0),
        Row("coach per keystroke vs a plain tokenisation, median", median, "s",
            "re.findall(r'\\w+') of the same draft", statistics.median(results["tokenise"]),
            TOKENISE_TARGET),
        Row("coach on a freshly pasted letter (nothing remembered), median",
            statistics.median(results["cold"]), "s", "2 ms budget x 10", BUDGET_S * 10, 1.0),
    ]


if __name__ == "__main__":
    print_table(run(ROOT, quick=False))
