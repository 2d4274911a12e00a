"""`lovebridge export DIR`: everything, as Markdown, JSON, photos and .ics (or a .zip)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import _, number_text
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
        print(_("Wrote {path}. Memories: {memories}, photos: {photos}, notes: {notes}, "
                "plans: {plans}, check-ins: {check_ins}.").format(
            path=target, memories=number_text(outcome.memories),
            photos=number_text(outcome.photos), notes=number_text(outcome.notes),
            plans=number_text(outcome.plans), check_ins=number_text(outcome.check_ins)))
        return 0

    return run_with_store(args, work)
