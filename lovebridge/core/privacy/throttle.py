"""A growing pause after repeated wrong passphrases, so guessing at the keyboard is slow."""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_ATTEMPTS = 2  # a typo or two costs nothing
MAX_DELAY_SECONDS = 30


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` wrong tries in a row: 0, 0, 2, 4, 8, 16, 30, 30…"""
    if failures <= FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS))


class UnlockThrottle:
    """Counts wrong tries and says how long until the next one is allowed."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.failures = 0
        self._allowed_at = 0.0

    def record_failure(self) -> int:
        """Note a wrong try; returns the pause (seconds) before the next one."""
        self.failures += 1
        delay = delay_after(self.failures)
        self._allowed_at = self._clock() + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._allowed_at = 0.0

    def seconds_left(self) -> int:
        """Whole seconds (rounded up) until another try is allowed; 0 when it is allowed now."""
        remaining = self._allowed_at - self._clock()
        return max(0, int(-(-remaining // 1)))
