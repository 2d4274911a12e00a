"""Sharing between two laptops through a folder a sync service carries (Qt-free)."""
