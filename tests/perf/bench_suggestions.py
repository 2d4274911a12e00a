"""Per-keystroke cost of ranking suggestions over 1,000 templates (target: well under 16 ms).

    python tests/perf/bench_suggestions.py

Types a few sentences one character at a time and times, per keystroke:
- reference: only tokenising the query (the least any matcher must do),
- rank: SuggestionEngine.rank over 1,000 templates,
- rank + fill: ranking and filling the top 30 previews (what the panel shows),
- panel: the real SuggestionsPanel.set_query (Qt model reset + view), offscreen.
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
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from lovebridge.core.write.placeholders import FillValues, fill  # noqa: E402
from lovebridge.core.write.suggestions import RankContext, SuggestionEngine, tokenise  # noqa: E402
from lovebridge.core.write.templates import Template, load_library  # noqa: E402

TARGET = 1000
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


def measure(step) -> list[float]:
    times = []
    for end in range(1, len(TYPED) + 1):
        query = TYPED[:end]
        start = time.perf_counter()
        step(query)
        times.append((time.perf_counter() - start) * 1000)
    return times


def row(name: str, times: list[float]) -> str:
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"{name:34} {statistics.median(times):9.3f} {p95:9.3f} {max(times):9.3f}"


def main() -> None:
    templates, categories = thousand_templates()
    built = time.perf_counter()
    engine = SuggestionEngine(templates, categories)
    index_ms = (time.perf_counter() - built) * 1000
    engine.set_context(RankContext(category="apology"))
    results = {
        "reference: tokenise query only": measure(tokenise),
        "rank (1,000 templates)": measure(lambda q: engine.rank(q, 30)),
        "rank + fill top 30": measure(
            lambda q: [fill(r.template.text, VALUES) for r in engine.rank(q, 30)]),
    }
    try:
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

        results["panel.set_query + repaint (Qt)"] = measure(panel_step)
    except ImportError:
        pass
    print(f"{len(templates)} templates, {len(TYPED)} keystrokes; index built in {index_ms:.0f} ms")
    print(f"{'per keystroke (ms)':34} {'median':>9} {'p95':>9} {'max':>9}")
    for name, times in results.items():
        print(row(name, times))
    print("budget: one frame = 16.7 ms")


if __name__ == "__main__":
    main()
