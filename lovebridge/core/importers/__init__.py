"""Bringing memories in from outside: a photo folder, Google Photos Takeout, Day One, Journey.

Every source turns into the same `ImportPlan` (proposed memories plus a per-item report),
which the couple reviews before `writer.accept` writes anything.
"""
