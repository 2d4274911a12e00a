"""The Dates room: calendar, plans and recurrence, ideas, check-ins and reminders."""
