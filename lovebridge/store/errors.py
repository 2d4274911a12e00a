"""Errors the store raises, each with a message a person can read."""


class StoreError(Exception):
    """Something is wrong with LoveBridge's data folder or database."""


class DatabaseDamagedError(StoreError):
    """The database file failed SQLite's integrity check or is not a database at all."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer LoveBridge; it is left untouched."""


class WrongKeyError(StoreError):
    """The database is encrypted and the key given does not open it."""


class StoreFullError(StoreError):
    """The disk (or the space allowed) is full: the change was not saved; saved data is intact.

    `needed` is about how many bytes of free space the work needs in all, and `short` how many
    more than there are now (both None when it cannot be estimated), so a window can say it in
    its own words.
    """

    def __init__(self, message: str, needed: int | None = None,
                 short: int | None = None) -> None:
        super().__init__(message)
        self.needed = needed
        self.short = short


class StoreReadOnlyError(StoreError):
    """The data folder cannot be written to: the change was not saved; saved data is intact."""


class TextTooLongError(StoreError):
    """A text is larger than LoveBridge keeps in one field; nothing was saved."""


class StoreBusyError(StoreError):
    """The database is closed for a moment (the lock is being turned on or off)."""
