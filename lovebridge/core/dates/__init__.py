"""Dates: plans and their recurrence, anniversaries, ideas, check-ins, reminders, iCalendar."""
