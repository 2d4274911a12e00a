"""The store: SQLAlchemy models, engine and session scope, migrations and media files. No Qt."""

from lovebridge.store.db import Store, open_store
from lovebridge.store.errors import (
    DatabaseDamagedError,
    NewerDatabaseError,
    StoreError,
    WrongKeyError,
)

__all__ = [
    "DatabaseDamagedError",
    "NewerDatabaseError",
    "Store",
    "StoreError",
    "WrongKeyError",
    "open_store",
]
