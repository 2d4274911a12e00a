"""`lovebridge scrapbook import-folder DIR` and `import-export FILE`: review, then --yes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lovebridge.cli.language import _
from lovebridge.core.context import AppContext

from .common import fail, run_with_store


def register(commands: argparse._SubParsersAction) -> None:
    folder = commands.add_parser(
        "import-folder", help=_("suggest memories from a folder of photos (--yes adds them)"))
    folder.add_argument("folder", type=Path, metavar=_("folder"),
                        help=_("the folder (searched with its sub-folders)"))
    folder.add_argument("--yes", action="store_true", help=_("add the suggested memories"))
    folder.add_argument("--with-bursts", action="store_true",
                        help=_("also add the near-identical burst shots set aside"))
    folder.set_defaults(func=run_import_folder)

    export = commands.add_parser(
        "import-export",
        help=_("import a Google Takeout, Day One or Journey export (--yes adds)"))
    export.add_argument("file", type=Path, metavar=_("file"),
                        help=_("the export's ZIP file (or unpacked folder)"))
    export.add_argument("--yes", action="store_true", help=_("add the memories"))
    export.set_defaults(func=run_import_export)


def _progress(label: str):  # noqa: ANN202
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r  {label} {done} of {total}", end="", file=sys.stderr, flush=True)
    return report


def run_import_folder(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        return fail(_("{path} is not a folder").format(path=args.folder))

    def work(ctx: AppContext) -> int:
        from lovebridge.core.importers.folder import plan_folder
        from lovebridge.core.importers.job import JobControl

        plan = plan_folder(ctx, args.folder.expanduser(), JobControl(_progress("reading")))
        return _review_and_write(ctx, plan, args.yes, args.with_bursts)

    return run_with_store(args, work)


def run_import_export(args: argparse.Namespace) -> int:
    if not args.file.exists():
        return fail(_("{path} does not exist").format(path=args.file))

    def work(ctx: AppContext) -> int:
        from lovebridge.core.importers.archive import ArchiveError, new_staging, remove_staging
        from lovebridge.core.importers.exports import PRODUCTS, plan_export
        from lovebridge.core.importers.job import JobControl

        staging = new_staging(ctx.paths.data)
        try:
            plan = plan_export(ctx, args.file.expanduser(), staging,
                               JobControl(_progress("reading")))
            print(f"{PRODUCTS[plan.source]} export.")
            return _review_and_write(ctx, plan, args.yes, False)
        except ArchiveError as exc:
            message = str(exc)
            return fail(message if args.file.name in message else f"{args.file.name}: {message}")
        finally:
            remove_staging(staging)

    return run_with_store(args, work)


def _review_and_write(ctx: AppContext, plan, accept: bool, with_bursts: bool) -> int:  # noqa: ANN001
    from lovebridge.core.importers import writer
    from lovebridge.core.importers.job import JobControl

    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(describe(plan))
    if not plan.proposals:
        return 0
    if not accept:
        print("Nothing was added. Run again with --yes to add these memories.")
        return 0
    outcome = writer.accept(ctx, plan, JobControl(_progress("adding")), with_bursts)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for problem in outcome.problems:
        print(f"  not added: {problem}", file=sys.stderr)
    print(f"Added {outcome.memories} memor{'y' if outcome.memories == 1 else 'ies'} "
          f"with {outcome.photos} photo{'' if outcome.photos == 1 else 's'}.")
    for line in outcome.extras:
        print(line)
    return 0


def describe(plan) -> str:  # noqa: ANN001 - ImportPlan
    """The proposals and the report, as the terminal shows them."""
    if not plan.proposals:
        lines = ["No new memories to add."]
    else:
        count = len(plan.proposals)
        lines = [f"{count} suggested memor{'y' if count == 1 else 'ies'} with "
                 f"{plan.photo_count} photo{'' if plan.photo_count == 1 else 's'}:"]
    for number, proposal in enumerate(plan.proposals, start=1):
        details = [f"{len(proposal.photos)} photo{'' if len(proposal.photos) == 1 else 's'}"]
        if proposal.bursts:
            details.append(f"{len(proposal.bursts)} burst shot(s) set aside")
        if proposal.place_label:
            details.append(proposal.place_label)
        if proposal.tags:
            details.append("#" + " #".join(proposal.tags))
        lines.append(f"  {number:>3}. {proposal.title}  ({'; '.join(details)})")
    if plan.skipped_known:
        lines.append(f"Already in your scrapbook, left alone: {plan.skipped_known}.")
    if plan.problems:
        lines.append(f"Not imported ({len(plan.problems)}):")
        lines.extend(f"  - {problem}" for problem in plan.problems)
    if plan.unmapped:
        lines.append("Kept in the export only (LoveBridge has no place for these):")
        lines.extend(f"  - {item}" for item in plan.unmapped)
    return "\n".join(lines)
