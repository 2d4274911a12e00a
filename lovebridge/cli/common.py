"""What CLI sub-commands share: opening the store of the chosen data folder."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.backup.manifest import BackupError
from lovebridge.core.backup.swap import finish_interrupted_restore
from lovebridge.core.context import AppContext
from lovebridge.core.data_folder import restore_interrupted
from lovebridge.core.opening import open_library
from lovebridge.core.privacy.keyslots import DamagedKeyFileError, WrongPassphraseError
from lovebridge.core.privacy.state import LockState, lock_state
from lovebridge.core.privacy.switch import unlock_keys
from lovebridge.logging_setup import configure_logging
from lovebridge.paths import resolve_paths
from lovebridge.store import StoreError, StoreFullError
from lovebridge.store.errors import (
    DatabaseDamagedError,
    StoreBusyError,
    WrongKeyError,
)
from lovebridge.store.guards import (
    FULL_MESSAGE,
    OPEN_SPACE_BYTES,
    free_bytes,
    megabyte_figure,
    write_error_kind,
)
from lovebridge.store.schema_check import UnexpectedSchemaError


def open_context(args: argparse.Namespace) -> AppContext:
    """Open the data folder named by --data-dir (or the default) for a sub-command.

    With the privacy lock on, the passphrase is asked for on the terminal (never echoed).
    """
    paths = resolve_paths(args.data_dir).ensure()
    configure_logging(paths.logs)
    data_key = None
    if restore_interrupted(paths):  # finished or undone before the lock is asked about
        finish_interrupted_restore(paths)  # open_library tidies the rest
    if lock_state(paths) is LockState.ON:
        passphrase = getpass.getpass(_("LoveBridge is locked. Passphrase or recovery code: "))
        data_key, _slot = unlock_keys(paths, passphrase)
    return open_library(paths, data_key)


def fail(message: str, code: int = 1) -> int:
    """Print a clear error to stderr, in the command line's language, and return the exit code.

    A sentence the catalogue knows (the ones below, the store's full-disk and read-only ones) is
    said translated; any other is said as it is.
    """
    print(f"lovebridge: {_(message)}", file=sys.stderr)
    return code


# The same words for the same trouble, whichever sub-command met it.
WRONG_PASSPHRASE = N_("that passphrase does not open LoveBridge; nothing was changed.")
LOCKED_NO_TERMINAL = N_("LoveBridge is locked and no passphrase could be asked for (run this in "
                        "a terminal); nothing was changed.")
DAMAGED = N_("LoveBridge's database is damaged; nothing was changed. Open LoveBridge to repair "
             "it, or bring back a backup with `lovebridge backup restore FILE`.")
BUSY = N_("LoveBridge's database is busy (is LoveBridge changing its lock or restoring a "
          "backup?); nothing was changed. Try again in a moment.")
CANCELLED = N_("cancelled; nothing was changed.")
# What LoveBridge could not do for want of disk space, and what it could not write.
OPENING = N_("open its library")
FINISHING = N_("finish")
WRITING = {"the note": N_("write the note"), "the book": N_("write the book")}
WRITTEN = {"the note": N_("the note"), "the book": N_("the book")}


def disk_full(folder: Path, needed: int, doing: str) -> str:
    """The full-disk sentence (as store.guards.disk_full_message says it), in the command
    line's language: how much room LoveBridge needs to do `doing`, and how much is free."""
    free = free_bytes(folder)
    now = "" if free is None else _(" ({free} MB free now)").format(
        free=number_text(free / 1e6, 1))
    if not needed:
        return _("The disk is full, so LoveBridge could not {doing}{now}. Free some space and try "
                 "again; everything saved before is safe.").format(doing=_(doing), now=now)
    more = "" if free is None else _(" — about {short} MB more than is free now").format(
        short=megabyte_figure(max(needed - free, 0), number_text))
    return _("The disk is full: LoveBridge needs about {needed} MB free to {doing}{more}. Free "
             "some space and try again; nothing was changed.").format(
        needed=megabyte_figure(needed, number_text), doing=_(doing), more=more)


def open_failure(exc: BaseException) -> str | None:
    """The sentence for a failure to open the library, or None if it is not one of those."""
    if isinstance(exc, WrongPassphraseError | WrongKeyError):
        return WRONG_PASSPHRASE
    if isinstance(exc, EOFError):
        return LOCKED_NO_TERMINAL
    if isinstance(exc, DatabaseDamagedError):
        return DAMAGED
    if isinstance(exc, StoreBusyError):
        return BUSY
    if isinstance(exc, StoreError):  # newer database, full disk, read-only folder: said plainly
        return str(exc)
    return None


def run_with_store(
    args: argparse.Namespace,
    action: Callable[[AppContext], int],
    on_damaged: Callable[[], int] | None = None,
) -> int:
    """Open the library, run `action(ctx)`, always close it: the one open/close path of the CLI.

    Opening failures (wrong passphrase, damaged or newer database, locked without a terminal,
    busy) and the action's own store or backup errors become one clear line, never a traceback.
    `on_damaged` handles a damaged database instead (restore can replace it).
    """
    try:
        ctx = open_context(args)
    except DatabaseDamagedError as exc:
        if on_damaged is not None:
            return on_damaged()
        # Parts LoveBridge never made (a planted trigger…) are named; other damage is not.
        return fail(str(exc) if isinstance(exc, UnexpectedSchemaError) else DAMAGED)
    except DamagedKeyFileError as exc:
        return fail(str(exc))
    except StoreFullError as exc:  # said with the room needed and free, in the CLI's language
        if str(exc) == FULL_MESSAGE:
            return fail(FULL_MESSAGE)
        return fail(disk_full(resolve_paths(args.data_dir).data, OPEN_SPACE_BYTES, OPENING))
    except (StoreError, WrongPassphraseError, EOFError) as exc:
        return fail(open_failure(exc) or type(exc).__name__)
    except KeyboardInterrupt:
        return fail(CANCELLED, 130)
    try:
        return action(ctx)
    except (StoreError, BackupError) as exc:  # e.g. the disk filled up part-way: a sentence
        return fail(open_failure(exc) if isinstance(exc, StoreError) else str(exc))
    except OSError as exc:
        if write_error_kind(exc) is not StoreFullError:
            raise
        return fail(disk_full(ctx.paths.data, 0, FINISHING))
    finally:
        ctx.store.close()


def write_output(out: Path, data: bytes, what: str) -> str | None:
    """Write `data` (made in memory) to `out` whole, or say why not: a full disk is said so,
    with exactly how much room it needs. Nothing is left behind on failure."""
    temp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if write_error_kind(exc) is StoreFullError:
            return disk_full(out.parent, len(data), WRITING.get(what, f"write {what}"))
        return _("could not write {path}: {reason}").format(path=out,
                                                            reason=exc.strerror or exc)
    return None


def written_or_failed(out: Path, what: str, error: OSError | None = None) -> str | None:
    """None when `out` was written with something in it; else why not (a full disk, said so).

    An empty file left behind is removed: nothing is ever reported as written when it is not.
    """
    try:
        if error is None and out.stat().st_size > 0:
            return None
        if out.stat().st_size == 0:
            out.unlink()
    except OSError:
        pass
    free = free_bytes(out.parent)
    if free is not None and free < OPEN_SPACE_BYTES:
        return disk_full(out.parent, OPEN_SPACE_BYTES, WRITING.get(what, f"write {what}"))
    if error is not None:
        return _("could not write {path}: {reason}").format(path=out,
                                                            reason=error.strerror or error)
    return _("{what} could not be written to {path}; nothing was saved there.").format(
        what=_(WRITTEN.get(what, what)), path=out)
