"""What every LoveBridge benchmark shares: the Row of the results table, medians, the printer.

A benchmark module `tests/perf/bench_<area>.py` exposes

    def run(library: Path, quick: bool) -> list[Row]

and `tests/perf/bench.py` collects its rows into one table (see tests/perf/README.md).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured figure beside the reference it is judged against, measured in the same run.

    `target` is the largest acceptable value / reference_value ratio (1.5 means "at most 1.5x
    the reference"); None makes the row informational. `reference_value` None means no
    reference could be measured (the row prints without a ratio).
    """

    name: str
    value: float
    unit: str
    reference_name: str
    reference_value: float | None
    target: float | None

    @property
    def ratio(self) -> float | None:
        if self.reference_value is None or self.reference_value <= 0:
            return None
        return self.value / self.reference_value

    @property
    def met(self) -> bool | None:
        """True/False against the target; None when there is nothing to judge."""
        if self.target is None or self.ratio is None:
            return None
        return self.ratio <= self.target


def median_of(
    fn: Callable[[], object],
    repeats: int,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median seconds of `repeats` calls of `fn`, after `warmup` untimed calls.

    `clock` is wall-clock time by default. In-process work of a few milliseconds is better
    timed with `time.process_time` (this process's CPU time) on a machine shared with others:
    wall-clock time there mostly measures the neighbours. Time a figure and its reference with
    the same clock.
    """
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        started = clock()
        fn()
        times.append(clock() - started)
    return statistics.median(times)


def format_value(value: float | None, unit: str) -> str:
    """A figure in a readable scale: seconds become ms below one second."""
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    if unit == "MiB":
        return f"{value:,.1f} MiB"
    return f"{value:,.3g} {unit}".rstrip()


def verdict(row: Row) -> str:
    met = row.met
    return "" if met is None else ("ok" if met else "MISSED")


def table_lines(rows: Iterable[Row], markdown: bool = False) -> list[str]:
    """The results table as lines of text (aligned columns, or a Markdown table)."""
    header = ("figure", "value", "reference", "reference value", "ratio", "target", "")
    body = [
        (
            row.name,
            format_value(row.value, row.unit),
            row.reference_name,
            format_value(row.reference_value, row.unit),
            "n/a" if row.ratio is None else f"{row.ratio:.2f}x",
            "" if row.target is None else f"<= {row.target:.3g}x",
            verdict(row),
        )
        for row in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return lines
    widths = [max(len(cells[i]) for cells in [header, *body]) for i in range(len(header))]
    right = {1, 3, 4}  # numbers line up on the right

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    return [line(header), "  ".join("-" * w for w in widths if w), *map(line, body)]


def print_table(rows: Iterable[Row], markdown: bool = False) -> None:
    print("\n".join(table_lines(list(rows), markdown)))


def best_of_typings(
    typing: Callable[[Callable[[str], object]], list[float]],
    step: Callable[[str], object],
    rounds: int,
) -> list[float]:
    """Per keystroke, the fastest of `rounds` typings (`typing(step)` times one typing) after an
    untimed warm-up typing: the least disturbed figure on a shared machine."""
    typing(step)
    typings = [typing(step) for _ in range(rounds)]
    return [min(times) for times in zip(*typings, strict=True)]
