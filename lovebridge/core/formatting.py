"""Dates, times, sizes and counts as English words for core/ and the command line (no Qt).

The window formats through lovebridge.ui.formatting (QLocale, in the couple's language); this is
its Qt-free twin. No platform `strftime` codes: "%-d" fails on Windows, so day numbers, weekday
and month names are put together here.
"""

from __future__ import annotations

from datetime import date, datetime, time

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SIZE_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def weekday_name(day: date) -> str:
    """'Sunday'."""
    return WEEKDAYS[day.weekday()]


def month_name(month: int) -> str:
    """'July' for 7."""
    return MONTHS[month - 1]


def day_text(day: date, *, weekday: bool = False, year: bool = True) -> str:
    """'14 July 2024', or 'Sunday 14 July 2024' with the weekday, or '14 July' without the year."""
    words = [weekday_name(day)] if weekday else []
    words += [str(day.day), month_name(day.month)]
    if year:
        words.append(str(day.year))
    return " ".join(words)


def month_text(year: int, month: int) -> str:
    """'July 2024'."""
    return f"{month_name(month)} {year}"


def time_text(moment: datetime | time) -> str:
    """'19:05' (24-hour clock)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def count_text(count: int, one: str, many: str) -> str:
    """'1 photo' / '3 photos': the noun agrees with the number."""
    return f"{count:,} {one if count == 1 else many}"


def size_text(size: int) -> str:
    """'1.5 MB': bytes in steps of 1,000, as file managers show them."""
    if size < 1000:
        return count_text(size, "byte", "bytes")
    value = float(size)
    for unit in SIZE_UNITS[1:]:
        value /= 1000
        if value < 1000 or unit == SIZE_UNITS[-1]:
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")


def file_stamp(moment: datetime) -> str:
    """'20240714-190512': a sortable stamp for file names."""
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}-"
            f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")
