"""Bringing memories in from outside: a photo folder, Google Photos Takeout, Day One, Journey.

Every source turns into the same `ImportPlan` (proposed memories plus a per-item report),
which the couple reviews before `writer.accept` writes anything.
"""

# The hidden argument that starts LoveBridge as a big folder import's second photo reader
# (second_reader.py). Here, so that the app's entry point checks it without importing more.
PHOTO_READER_ARGUMENT = "--read-photos-for-an-import"
