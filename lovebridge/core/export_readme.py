"""The README.txt written into every open export (LoveBridge's own words)."""

README = """\
LoveBridge export
=================

This folder holds everything you kept in LoveBridge, in plain files that any computer can
open without LoveBridge: Markdown (.md) to read, JSON (.json) for programs, your original
photos exactly as you added them, and an iCalendar file (.ics) for your plans.

What is where
-------------
lovebridge-export.json
    Which format this is ("lovebridge-export", version 1), when it was made and how many
    memories, photos, notes, plans and check-ins it holds.

memories/<date> <title>/
    One folder per memory.
    memory.md    the memory to read: title, date, place, tags, story and its photos.
    memory.json  every field: uuid, title, date ("2024-07-14", or "2024-07" or "2024" when
                 only the month or year is known), place, places (name, country, latitude,
                 longitude), story_text, story_html, tags, mood, favourite, added_by ("a" or
                 "b": the first or second partner in couple.json) and photos (file, caption,
                 sha256 of the file, taken_at, original_name, width, height).
    photos/      the original photo files, numbered in the memory's order.

notes/
    One Markdown file per note, and notes.json with every field (uuid, title, author,
    category, channel, status, body_text, body_html, created_at, given_at, memory_uuid,
    reply_to, sent_to_partner_at, read_at, opens_on, sealed). A note your partner sent with
    "Keep it closed until" a day still to come is exported closed: "sealed" is true and its
    words are left out until that day; export again after it.

plans/plans.ics
    Every plan: date nights, anniversaries, check-ins. Open it with any calendar program.
plans/plans.json
    The same plans with LoveBridge's own fields (kind, budget, status, reminder).

check-ins/
    check-ins.md to read; check-ins.json with the prompts used and the notes written.

couple.json
    Your names, the day you got together, your special days and inside jokes.

Times are ISO 8601 with their offset (2024-07-14T18:30:00+00:00). Text files are UTF-8.
LoveBridge can read this export back: Scrapbook > Import from an export file, or
`lovebridge scrapbook import-export FOLDER-OR-ZIP`.
"""
