"""Hybrid logical clocks: timestamps that order edits across laptops whose clocks disagree.

A stamp is `wall-ms . counter . device` as fixed-width text, so comparing two stamps as strings
compares them in time, then by counter, then by device (a total order: no two edits tie).
A laptop whose clock runs a day behind still stamps its edits after everything it has seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

COUNTER_LIMIT = 99_999


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def make_stamp(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:05d}.{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """(wall ms, counter, device) of a stamp; ValueError for anything malformed."""
    ms, counter, device = stamp.split(".", 2)
    if len(ms) != 13 or len(counter) != 5 or not device.isalnum():
        raise ValueError(f"not a clock stamp: {stamp[:60]!r}")
    return int(ms), int(counter), device


@dataclass
class HybridClock:
    """The clock of one laptop: `now()` for a local edit, `observe()` for a stamp received."""

    device: str
    last_ms: int = 0
    counter: int = 0
    wall: Callable[[], int] = field(default=wall_ms)

    def now(self) -> str:
        physical = self.wall()
        if physical > self.last_ms:
            self.last_ms, self.counter = physical, 0
        else:
            self._tick()
        return make_stamp(self.last_ms, self.counter, self.device)

    def observe(self, stamp: str) -> None:
        """Move past a stamp made elsewhere, so later local edits sort after it."""
        ms, counter, _device = parse_stamp(stamp)
        if ms > self.last_ms:
            self.last_ms, self.counter = ms, counter
        elif ms == self.last_ms:
            self.counter = max(self.counter, counter)

    def _tick(self) -> None:
        self.counter += 1
        if self.counter > COUNTER_LIMIT:  # a thousand edits in one millisecond: borrow the next
            self.last_ms, self.counter = self.last_ms + 1, 0

    def state(self) -> str:
        return f"{self.last_ms}.{self.counter}"

    def restore(self, state: str) -> None:
        ms, counter = state.split(".")
        self.last_ms, self.counter = int(ms), int(counter)
