"""What CLI sub-commands share: opening the store of the chosen data folder."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

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
    OPEN_SPACE_BYTES,
    disk_full_message,
    free_bytes,
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
        passphrase = getpass.getpass("LoveBridge is locked. Passphrase or recovery code: ")
        data_key, _slot = unlock_keys(paths, passphrase)
    return open_library(paths, data_key)


def fail(message: str, code: int = 1) -> int:
    """Print a clear error to stderr and return the exit code to use."""
    print(f"lovebridge: {message}", file=sys.stderr)
    return code


# The same words for the same trouble, whichever sub-command met it.
WRONG_PASSPHRASE = "that passphrase does not open LoveBridge; nothing was changed."
LOCKED_NO_TERMINAL = ("LoveBridge is locked and no passphrase could be asked for (run this in a "
                      "terminal); nothing was changed.")
DAMAGED = ("LoveBridge's database is damaged; nothing was changed. Open LoveBridge to repair it, "
           "or bring back a backup with `lovebridge backup restore FILE`.")
BUSY = ("LoveBridge's database is busy (is LoveBridge changing its lock or restoring a backup?); "
        "nothing was changed. Try again in a moment.")


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
    except (StoreError, WrongPassphraseError, EOFError) as exc:
        return fail(open_failure(exc) or type(exc).__name__)
    except KeyboardInterrupt:
        return fail("cancelled; nothing was changed.", 130)
    try:
        return action(ctx)
    except (StoreError, BackupError) as exc:  # e.g. the disk filled up part-way: a sentence
        return fail(open_failure(exc) if isinstance(exc, StoreError) else str(exc))
    except OSError as exc:
        if write_error_kind(exc) is not StoreFullError:
            raise
        return fail(disk_full_message(ctx.paths.data, 0, "finish"))
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
            return disk_full_message(out.parent, len(data), f"write {what}")
        return f"could not write {out}: {exc.strerror or exc}"
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
        return disk_full_message(out.parent, OPEN_SPACE_BYTES, f"write {what}")
    if error is not None:
        return f"could not write {out}: {error.strerror or error}"
    return f"{what} could not be written to {out}; nothing was saved there."
