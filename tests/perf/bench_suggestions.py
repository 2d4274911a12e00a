"""Per-keystroke cost of ranking suggestions over 1,000 templates (target: well under 16 ms).

    python tests/perf/bench_suggestions.py

Types a few sentences one character at a time and times (CPU time, best of a few typings),
per keystroke:
- rank: SuggestionEngine.rank over 1,000 templates, against only tokenising the query,
- rank + fill: ranking and filling the top 30 previews (what the panel shows),
- panel: the real SuggestionsPanel.set_query (Qt model reset + view + paint), offscreen.
The reference for the last two is one 60 Hz frame (16.7 ms): median and p95 must fit in it.
`run(library, quick)` is the tests/perf/bench.py contract.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from lovebridge.core.write.placeholders import FillValues, fill  # noqa: E402
from lovebridge.core.write.suggestions import RankContext, SuggestionEngine, tokenise  # noqa: E402
from lovebridge.core.write.templates import Template, load_library  # noqa: E402
from tests.perf.benchlib import Row, best_of_typings, print_table  # noqa: E402

TARGET = 1000
FRAME_S = 1 / 60  # one frame at 60 Hz: 16.7 ms
TYPED = ("I'm sorry I wasn't listening last night when you told me about your sister. "
         "Thank you for the soup and for waiting up for me, I love the way you hum. "
         "Remember the picnic at the lake when the rain came in sideways?")
VALUES = FillValues(partner="Jonah", me="Maya", memory="our picnic at the lake")


def thousand_templates() -> tuple[list[Template], tuple]:
    library = load_library()
    base = list(library.templates)
    rng = random.Random(7)
    templates = list(base)
    while len(templates) < TARGET:
        source = rng.choice(base)
        words = source.text.split()
        rng.shuffle(words)
        templates.append(replace(source, key=f"{source.category}-{len(templates):04d}",
                                 text=" ".join(words)))
    return templates, library.categories


def measure(step, clock=time.process_time) -> list[float]:
    """Seconds per keystroke of `step`, typing TYPED one character at a time."""
    times = []
    for end in range(1, len(TYPED) + 1):
        query = TYPED[:end]
        start = clock()
        step(query)
        times.append(clock() - start)
    return times


def keystroke_timings(quick: bool) -> dict[str, list[float]]:
    """Per-keystroke seconds of each step, best of 1 (quick) or 3 typings per keystroke."""
    templates, categories = thousand_templates()
    engine = SuggestionEngine(templates, categories)
    engine.set_context(RankContext(category="apology"))
    steps = {
        "tokenise": tokenise,
        "rank": lambda q: engine.rank(q, 30),
        "rank+fill": lambda q: [fill(r.template.text, VALUES) for r in engine.rank(q, 30)],
    }
    from PySide6.QtWidgets import QApplication

    from lovebridge.core.write.templates import TemplateLibrary
    from lovebridge.ui.write.suggestions_panel import SuggestionsPanel

    app = QApplication.instance() or QApplication([])
    panel = SuggestionsPanel()
    panel.resize(360, 700)
    panel.show()
    panel.set_library(TemplateLibrary(tuple(categories), tuple(templates)))
    panel.set_context(RankContext(category="apology"), VALUES)
    app.processEvents()

    def panel_step(query: str) -> None:
        panel.set_query(query)
        app.processEvents()  # includes painting the visible cards

    steps["panel"] = panel_step
    rounds = 1 if quick else 3
    results = {}
    for name, step in steps.items():
        results[name] = best_of_typings(measure, step, rounds)
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return results


def run(library: Path, quick: bool) -> list[Row]:
    """Median and 95th-percentile CPU time per keystroke, against one 60 Hz frame."""
    del library  # templates are built in; the benchmark does not read the couple's data
    results = keystroke_timings(quick)
    frame = f"one frame at 60 Hz, {TARGET:,} templates"
    rows = []
    for key, label in (("rank+fill", "suggestions per keystroke: rank + fill top 30"),
                       ("panel", "suggestions per keystroke: panel + repaint (Qt)")):
        times = results[key]
        rows.append(Row(f"{label}, median", statistics.median(times), "s", frame, FRAME_S, 1.0))
        rows.append(Row(f"{label}, p95", statistics.quantiles(times, n=20)[-1], "s", frame,
                        FRAME_S, 1.0))
    rows.append(Row("suggestions per keystroke: rank only, median",
                    statistics.median(results["rank"]), "s", "tokenising the query only",
                    statistics.median(results["tokenise"]), None))
    return rows


if __name__ == "__main__":
    print_table(run(ROOT, quick=False))
