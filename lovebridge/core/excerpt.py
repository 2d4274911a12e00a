"""The start of a longer text, cut after a whole word and marked with "…"."""

from __future__ import annotations


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut at the last whole word within `limit` characters with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    words = cut.rsplit(" ", 1)[0] if " " in cut and flat[limit] != " " else cut
    return words.rstrip(" ,;:.-–—") + "…"
