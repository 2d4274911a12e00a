"""The store: SQLAlchemy models, engine and session scope, migrations and media files. No Qt."""

from lovebridge.store.db import Store, open_store
from lovebridge.store.errors import (
    DatabaseDamagedError,
    NewerDatabaseError,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    TextTooLongError,
    WrongKeyError,
)

__all__ = [
    "DatabaseDamagedError",
    "NewerDatabaseError",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
    "StoreReadOnlyError",
    "TextTooLongError",
    "WrongKeyError",
    "open_store",
]
