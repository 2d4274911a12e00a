"""Dates, times, sizes and numbers in the couple's language, through QLocale (ui/ and render/).

Every place in the window that shows a date or a size asks here, so the language chosen in
Preferences (or the system's) decides the words and their order: "Sunday 14 July 2024",
"domingo, 14 de julio de 2024". Counts with a noun go through `tr(text, "", n)` with `%n`, so a
translation carries its own plural forms. The Qt-free twin for core/ and the CLI is
lovebridge.core.formatting.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

# What stands between date parts in a QLocale pattern: anything but a pattern letter (spaces,
# commas — the Arabic one too —, dots, 年 and 月) and quoted literals such as Spanish 'de'.
_SEPARATORS = r"(?:[^A-Za-z']|'[^']*')*"


def _without(pattern: str, part: str) -> str:
    """A QLocale date pattern with one part (e.g. 'dddd', 'yyyy') and its separators removed."""
    before = re.sub(_SEPARATORS + part + r"\b" + _SEPARATORS + r"$", "", pattern)
    if before != pattern:
        return before
    after = re.sub(r"^" + part + _SEPARATORS, "", pattern)
    if after != pattern:
        return after
    return re.sub(r"\s*" + part + r"\s*", " ", pattern).strip()


def _locale() -> QLocale:
    return QLocale()


def _qdate(day: date | datetime) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_text(day: date | datetime, *, weekday: bool = False, year: bool = True) -> str:
    """A long date in the interface language, with or without the weekday and the year."""
    pattern = _locale().dateFormat(QLocale.FormatType.LongFormat)
    if not weekday:
        pattern = _without(pattern, "dddd")
    if not year:
        pattern = _without(pattern, "yyyy")
    return _locale().toString(_qdate(day), pattern)


def short_day_text(day: date | datetime) -> str:
    """A short numeric date in the interface language ('14/07/2024')."""
    return _locale().toString(_qdate(day), QLocale.FormatType.ShortFormat)


def weekday_name(day: date | datetime) -> str:
    """The weekday's name in the interface language."""
    return _locale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)


def month_text(year: int, month: int) -> str:
    """A month and its year, as a calendar heading shows it ('July 2024', 'Julio de 2024')."""
    # Qt has no month-and-year format of its own; the pattern is translatable instead.
    pattern = QCoreApplication.translate("formatting", "MMMM yyyy")
    text = _locale().toString(QDate(year, month, 1), pattern).strip()
    return text[:1].upper() + text[1:]


def time_text(moment: datetime | time) -> str:
    """A time of day in the interface language's own clock (19:00, 7:00 PM)."""
    return _locale().toString(QTime(moment.hour, moment.minute),
                              QLocale.FormatType.ShortFormat)


def number_text(value: int | float) -> str:
    """A number with the interface language's grouping ('10,000', '10.000')."""
    return _locale().toString(value)


def size_text(size: int) -> str:
    """A size of data in the interface language ('1.5 MB'), in steps of 1,000."""
    return _locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def partial_day_text(year: int, month: int | None, day: int | None) -> str:
    """A date known to the day, the month or only the year ('14 June 2025', 'June 2025',
    '2025'), as a memory's date reads."""
    if month is None:
        return str(year)
    if day is None:
        return month_text(year, month)
    return day_text(date(year, month, day))


def month_abbreviation(month: int) -> str:
    """A month's short name for the scrapbook's month markers ('Sep', 'sept')."""
    return _locale().standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")


def memory_date_text(when: object) -> str:
    """A scrapbook date (core.scrapbook.records.MemoryDate: year, month and day, the last two
    optional) in the interface language."""
    return partial_day_text(when.year, when.month, when.day)  # type: ignore[attr-defined]


def weekday_abbreviations() -> list[str]:
    """Monday to Sunday, short, for a calendar's column headings ('Mon', 'lun')."""
    return [_locale().dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]
