"""`lovebridge export DIR`: everything, as Markdown, JSON, photos and .ics (or a .zip)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import _
from lovebridge.core.context import AppContext

from .common import fail, run_with_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help=_("write everything to a folder (or a .zip) anyone can open"))
    parser.add_argument("target", type=Path, metavar=_("target"),
                        help=_("a new folder, or a file ending in .zip"))
    parser.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    target = args.target.expanduser()
    if target.exists():
        return fail(_("{path} already exists; choose a new folder or file name").format(
            path=target))
    if not target.parent.is_dir():
        return fail(_("{path} is not a folder").format(path=target.parent))

    def work(ctx: AppContext) -> int:
        from lovebridge.core.export import export_everything

        try:
            outcome = export_everything(ctx, target)
        except OSError as exc:
            return fail(_("could not write {path}: {reason}").format(
                path=target, reason=exc.strerror or exc))
        counts = ", ".join(_count(n, word) for n, word in (
            (outcome.memories, "memory"), (outcome.photos, "photo"), (outcome.notes, "note"),
            (outcome.plans, "plan"), (outcome.check_ins, "check-in")))
        print(f"Wrote {target}: {counts}.")
        return 0

    return run_with_store(args, work)


def _count(number: int, word: str) -> str:
    if number == 1:
        return f"1 {word}"
    return f"{number} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"
