"""The words for kinds and states of a plan, in the couple's language.

core/dates/model.py keeps the English words for the command line; the window shows these, which
lupdate finds through QT_TRANSLATE_NOOP and Qt translates at the moment they are shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from lovebridge.core.dates.anniversaries import Milestone, note_occasion, years_label
from lovebridge.ui.formatting import weekday_name

CONTEXT = "DatesLabels"
KIND_WORDS = {
    "date_night": QT_TRANSLATE_NOOP("DatesLabels", "Date night"),
    "check_in": QT_TRANSLATE_NOOP("DatesLabels", "Check-in"),
    "getaway": QT_TRANSLATE_NOOP("DatesLabels", "Getaway"),
    "anniversary": QT_TRANSLATE_NOOP("DatesLabels", "Anniversary"),
    "ritual": QT_TRANSLATE_NOOP("DatesLabels", "Ritual"),
    "birthday": QT_TRANSLATE_NOOP("DatesLabels", "Birthday"),
    "other": QT_TRANSLATE_NOOP("DatesLabels", "Other"),
}
STATUS_WORDS = {
    "planned": QT_TRANSLATE_NOOP("DatesLabels", "Planned"),
    "done": QT_TRANSLATE_NOOP("DatesLabels", "Done"),
    "skipped": QT_TRANSLATE_NOOP("DatesLabels", "Skipped"),
    "cancelled": QT_TRANSLATE_NOOP("DatesLabels", "Cancelled"),
}
# The same states in the middle of a line ("19:00  Date night · at home · done").
STATUS_WORDS_INLINE = {
    "planned": QT_TRANSLATE_NOOP("DatesLabels", "planned"),
    "done": QT_TRANSLATE_NOOP("DatesLabels", "done"),
    "skipped": QT_TRANSLATE_NOOP("DatesLabels", "skipped"),
    "cancelled": QT_TRANSLATE_NOOP("DatesLabels", "cancelled"),
}


def word(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_label(kind: str) -> str:
    """'Date night' / 'Cita' for a kind key; an unknown key is shown as it is."""
    return word(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def status_label(status: str, *, inline: bool = False) -> str:
    """'Done' (or 'done' in the middle of a line) in the couple's language."""
    table = STATUS_WORDS_INLINE if inline else STATUS_WORDS
    return word(table[status]) if status in table else status


class DatesWords(QObject):
    """Milestones and how far away a day is, in the couple's language and its plural forms."""

    def milestone(self, milestone: Milestone) -> str:
        """'6 years together', '2,500 days together', "Jonah's birthday" (names stay as typed)."""
        years, days = milestone.years, milestone.days
        if milestone.kind == "milestone" and days:
            return self.tr("%Ln day(s) together", "", days)
        if milestone.kind == "anniversary" and years:
            if milestone.title == f"{years_label(years)} together":
                return self.tr("%n year(s) together", "", years)
            suffix = f" ({years_label(years)})"
            if milestone.title.endswith(suffix):
                label = milestone.title.removesuffix(suffix)
                return self.tr("{label} (%n year(s))", "", years).format(label=label)
        return milestone.title

    def occasion(self, milestone: Milestone, today: date) -> str | None:
        """The occasion line a note nudge carries to Write ('6 years together in 3 days'), when
        the milestone is near enough to write for (core.dates.anniversaries.note_occasion)."""
        if note_occasion(milestone, today) is None:
            return None
        return self.tr("{milestone} {when}", "an occasion: '6 years together' 'in 3 days'").format(
            milestone=self.milestone(milestone), when=self.how_far(milestone.day, today))

    def how_far(self, day: date, today: date) -> str:
        """'today', 'tomorrow', 'on Friday', 'in 12 days'."""
        days = (day - today).days
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        if 1 < days < 7:
            return self.tr("on {weekday}").format(weekday=weekday_name(day))
        return self.tr("in %Ln day(s)", "", days)
