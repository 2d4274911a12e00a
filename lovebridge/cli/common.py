"""What CLI sub-commands share: opening the store of the chosen data folder."""

from __future__ import annotations

import argparse
import sys

from lovebridge.core.context import AppContext
from lovebridge.logging_setup import configure_logging
from lovebridge.paths import resolve_paths
from lovebridge.store import StoreError, open_store


def open_context(args: argparse.Namespace) -> AppContext:
    """Open the data folder named by --data-dir (or the default) for a sub-command."""
    from lovebridge.core.backup import prepare_data_folder

    paths = resolve_paths(args.data_dir).ensure()
    configure_logging(paths.logs)
    prepare_data_folder(paths)  # an interrupted restore is finished or undone first
    return AppContext(paths=paths, store=open_store(paths.database))


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
    try:
        return action(ctx)
    finally:
        ctx.store.close()
