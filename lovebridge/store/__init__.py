"""The store: SQLAlchemy models, engine and session scope, migrations and media files. No Qt.

The names below load on first use (PEP 562), so code that only needs an error class or the
media store does not pay for importing SQLAlchemy — the app paints its window first.
"""

from __future__ import annotations

from lovebridge.lazy import lazy_exports

_HOMES = {
    "Store": "lovebridge.store.db",
    "open_store": "lovebridge.store.db",
    "DatabaseDamagedError": "lovebridge.store.errors",
    "NewerDatabaseError": "lovebridge.store.errors",
    "StoreBusyError": "lovebridge.store.errors",
    "StoreError": "lovebridge.store.errors",
    "StoreFullError": "lovebridge.store.errors",
    "StoreReadOnlyError": "lovebridge.store.errors",
    "TextTooLongError": "lovebridge.store.errors",
    "WrongKeyError": "lovebridge.store.errors",
}

__all__ = sorted(_HOMES)
__getattr__ = lazy_exports(__name__, _HOMES)
