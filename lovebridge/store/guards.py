"""Store-level guards: refuse absurd texts, and turn disk-full or read-only into clear errors."""

from __future__ import annotations

import errno
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lovebridge.store.errors import StoreFullError, StoreReadOnlyError, TextTooLongError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# SQLAlchemy is imported inside the functions that need it: photo files and start-up checks go
# through this module too, and must not pay for loading SQLAlchemy before the window paints.

logger = logging.getLogger(__name__)

# One field of a note or a story: a million characters is several novels; a paste beyond it
# is a mistake (a whole file dropped in), and would make every screen that shows it crawl.
MAX_TEXT_CHARS = 1_000_000

FULL_MESSAGE = (
    "The disk is full, so this change could not be saved. Everything saved before is safe. "
    "Free some space and try again."
)
READ_ONLY_MESSAGE = (
    "LoveBridge's data folder cannot be written to right now (it may be read-only or on a "
    "removed drive). Nothing saved before has changed."
)
# Opening the library creates its -wal and -shm files; below this much free space, an I/O
# error while opening is a full disk, not damage.
OPEN_SPACE_BYTES = 16 * 1024 * 1024
# Kept free beside what a long write itself needs (the database's journal, logs, thumbnails).
SPACE_MARGIN_BYTES = 8 * 1024 * 1024
DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def check_text_sizes(session: Session) -> None:
    """Refuse the flush if a new or changed text column holds more than MAX_TEXT_CHARS."""
    from sqlalchemy import String, inspect

    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for column_attr in mapper.column_attrs:
            column = column_attr.columns[0]
            if not isinstance(column.type, String):
                continue
            check_text_size(getattr(obj, column_attr.key, None))


def check_text_size(value: object) -> None:
    """Refuse a text of more than MAX_TEXT_CHARS (also for rows written without the ORM)."""
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f"This text is too long to keep ({len(value):,} characters; the limit is "
            f"{MAX_TEXT_CHARS:,}). Nothing was saved — please shorten it."
        )


def install_text_guard(session_class: type[Session] | object) -> None:
    """Run `check_text_sizes` before every flush of sessions made by `session_class`."""
    from sqlalchemy import event

    event.listen(session_class, "before_flush", lambda s, _ctx, _objs: check_text_sizes(s))


def classify_operational_error(exc: BaseException) -> type[Exception] | None:
    """StoreFullError / StoreReadOnlyError for SQLite's full or read-only failures, else None."""
    text = str(exc).lower()
    if "database or disk is full" in text or "disk is full" in text:
        return StoreFullError
    if "readonly database" in text or "read-only" in text:
        return StoreReadOnlyError
    return None


def classify_os_error(exc: OSError) -> type[Exception] | None:
    """StoreFullError / StoreReadOnlyError for a file write that failed for lack of room/rights."""
    if exc.errno in DISK_FULL_ERRNOS:
        return StoreFullError
    if exc.errno in READ_ONLY_ERRNOS:
        return StoreReadOnlyError
    return None


def free_bytes(folder: Path) -> int | None:
    """Free bytes on the disk that holds `folder` (or its nearest existing parent)."""
    folder = Path(folder)
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def megabytes(size: int) -> str:
    """Bytes as megabytes for a message ("0.4 MB", "340 MB"), never "0 MB" for something
    that needs room."""
    return f"{megabyte_figure(size)} MB"


def megabyte_figure(size: int,
                    number: Callable[[float, int], str] = lambda v, d: f"{v:,.{d}f}") -> str:
    """The figure of `megabytes` ("0.4", "340"), written by `number(value, decimals)`."""
    if size < 9_950_000:
        return number(max(size, 100_000) / 1e6, 1)
    return number(size / 1e6, 0)


def space_short(folder: Path, needed: int) -> int | None:
    """How many bytes more than is free now `needed` takes (0 if it fits; None if unknown)."""
    free = free_bytes(folder)
    return None if free is None else max(needed - free, 0)


def disk_full_message(folder: Path, needed: int, doing: str = "open its library",
                      after: str = "nothing was changed") -> str:
    """ "The disk is full: LoveBridge needs about 16 MB free to … — about 14 MB more than is
    free now. Free some space and try again; nothing was changed." """
    free = free_bytes(folder)
    if not needed:
        now = "" if free is None else f" ({free / 1e6:,.1f} MB free now)"
        return (f"The disk is full, so LoveBridge could not {doing}{now}. Free some space and "
                "try again; everything saved before is safe.")
    more = ("" if free is None else
            f" — about {megabytes(max(needed - free, 0))} more than is free now")
    return (f"The disk is full: LoveBridge needs about {megabytes(needed)} free to {doing}"
            f"{more}. Free some space and try again; {after}.")


def disk_full_error(folder: Path, needed: int, doing: str,
                    after: str = "nothing was changed") -> StoreFullError:
    """The StoreFullError for `doing` with about `needed` bytes (message and figures)."""
    return StoreFullError(disk_full_message(folder, needed, doing, after), needed=needed,
                          short=space_short(folder, needed))


def require_free_space(folder: Path, needed: int, doing: str) -> None:
    """Refuse, before writing anything, work the disk under `folder` has no room for."""
    free = free_bytes(folder)
    if free is not None and free < needed:
        logger.warning("not enough free space: %d MB more needed", (needed - free) // 1_000_000)
        raise disk_full_error(folder, needed, doing)


def full_disk_while_opening(exc: BaseException, folder: Path) -> bool:
    """True when an error opening the database comes from a full disk (SQLITE_FULL, or the
    I/O error SQLite reports when its -shm file cannot grow) rather than from damage."""
    if classify_operational_error(exc) is StoreFullError:
        return True
    free = free_bytes(folder)
    return "disk i/o error" in str(exc).lower() and free is not None and free < OPEN_SPACE_BYTES


def clear_error_for(kind: type[Exception]) -> Exception:
    return kind(FULL_MESSAGE if kind is StoreFullError else READ_ONLY_MESSAGE)


def write_error_kind(exc: BaseException) -> type[Exception] | None:
    """StoreFullError / StoreReadOnlyError for any full or read-only failure, else None."""
    if isinstance(exc, OSError):
        return classify_os_error(exc)
    # Only SQLAlchemy can raise its OperationalError, so it is loaded whenever one exists.
    sa_errors = sys.modules.get("sqlalchemy.exc")
    if sa_errors is not None and isinstance(exc, sa_errors.OperationalError):
        return classify_operational_error(exc.orig or exc)
    return None


@contextmanager
def translated_write_errors() -> Iterator[None]:
    """Re-raise disk-full and read-only failures (SQLite or file system) as the store's errors."""
    try:
        yield
    except Exception as exc:
        kind = write_error_kind(exc)
        if kind is None:
            raise
        logger.error("write refused: %s", kind.__name__)
        raise clear_error_for(kind) from exc
