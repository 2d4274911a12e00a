"""What CLI sub-commands share: opening the store of the chosen data folder."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

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
from lovebridge.store.guards import (
    OPEN_SPACE_BYTES,
    disk_full_message,
    free_bytes,
    write_error_kind,
)


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


def run_with_store(args: argparse.Namespace, action) -> int:  # noqa: ANN001
    """Open the store, run `action(ctx)`, always close; store errors become a clear message."""
    try:
        ctx = open_context(args)
    except StoreError as exc:
        return fail(str(exc))
    except WrongPassphraseError:
        return fail("that passphrase does not open LoveBridge.")
    except DamagedKeyFileError as exc:
        return fail(str(exc))
    try:
        return action(ctx)
    except StoreError as exc:  # e.g. the disk filled up part-way: a sentence, not a traceback
        return fail(str(exc))
    except OSError as exc:
        if write_error_kind(exc) is not StoreFullError:
            raise
        return fail(disk_full_message(ctx.paths.data, 0, "finish"))
    finally:
        ctx.store.close()


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
