"""This laptop's time zone as an IANA name on every platform, and noticing when it changes.

The operating system says where the laptop is in its own way: a `TZ` variable, a symlink at
/etc/localtime (Linux; on macOS it points into /var/db/timezone/zoneinfo), or a Windows zone
name in the registry ("W. Europe Standard Time"). tzlocal reads each of these and maps the
Windows names to IANA ones, so plans are made and shown in the couple's own zone everywhere.
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

logger = logging.getLogger(__name__)

FALLBACK_ZONE = "UTC"


def is_known_zone(name: str | None) -> bool:
    """Whether `name` is an IANA zone this Python can load."""
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def system_zone_name(platform: str | None = None) -> str | None:
    """The zone the operating system reports, as tzlocal reads it afresh on `platform`."""
    platform = platform or sys.platform
    try:
        if platform == "win32":
            from tzlocal import win32 as source
        else:
            from tzlocal import unix as source
        with warnings.catch_warnings():
            # tzlocal compares the zone with the C library's offset and warns when a laptop has
            # just moved; the name is what matters here, and it is checked again below.
            warnings.simplefilter("ignore")
            source.reload_localzone()
            return source.get_localzone_name()
    except Exception as exc:  # noqa: BLE001 - a broken system zone must never stop the app
        logger.warning("the system time zone could not be read (%s)", type(exc).__name__)
        return None


def local_zone_name(platform: str | None = None) -> str:
    """This laptop's IANA zone name; UTC only when the system names none we can load."""
    name = system_zone_name(platform)
    if name and name.startswith(":"):
        name = name[1:]
    if is_known_zone(name):
        return name  # type: ignore[return-value]
    return FALLBACK_ZONE


class ZoneWatch:
    """Remembers the zone last seen and says when the laptop has moved to another (travel)."""

    def __init__(self, read: Callable[[], str] = local_zone_name) -> None:
        self._read = read
        self.current = read()

    def changed(self) -> str | None:
        """The new zone name when it differs from the last one seen, else None."""
        name = self._read()
        if name == self.current:
            return None
        logger.info("the laptop's time zone changed")
        self.current = name
        return name
