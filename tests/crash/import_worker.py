"""Crash-test worker: imports a photo folder and prints a line for each step (SIGKILLed)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lovebridge.core.backup import prepare_data_folder  # noqa: E402
from lovebridge.core.context import AppContext  # noqa: E402
from lovebridge.core.importers import writer  # noqa: E402
from lovebridge.core.importers.folder import plan_folder  # noqa: E402
from lovebridge.core.importers.job import JobControl  # noqa: E402
from lovebridge.paths import resolve_paths  # noqa: E402
from lovebridge.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--linger", action="store_true", help="wait to be killed when done")
    args = parser.parse_args()
    paths = resolve_paths(args.data_dir).ensure()
    prepare_data_folder(paths)  # tidies what a killed run left, as the app does on opening
    store = open_store(paths.database)
    ctx = AppContext(paths=paths, store=store)
    plan = plan_folder(ctx, args.folder)
    print("READY", len(plan.proposals), flush=True)
    outcome = writer.accept(
        ctx, plan, JobControl(lambda done, total: print("STEP", done, total, flush=True)))
    print("DONE", outcome.memories, flush=True)
    store.close()
    while args.linger:  # the kill harness expects to end the worker itself
        time.sleep(1)


if __name__ == "__main__":
    main()
