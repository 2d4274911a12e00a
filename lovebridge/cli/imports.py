"""`lovebridge scrapbook import-folder DIR` and `import-export FILE`: review, then --yes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.context import AppContext

from .common import fail, run_with_store

# What an open LoveBridge export brought in besides memories, by kind.
EXTRA_WORDS = {"note": N_("Notes added: {count}."), "check-in": N_("Check-ins added: {count}.")}


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
            print("\r  " + _("{label} {done} of {total}").format(
                label=label, done=number_text(done), total=number_text(total)),
                end="", file=sys.stderr, flush=True)
    return report


def run_import_folder(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        return fail(_("{path} is not a folder").format(path=args.folder))

    def work(ctx: AppContext) -> int:
        from lovebridge.core.importers.folder import plan_folder
        from lovebridge.core.importers.job import JobControl

        plan = plan_folder(ctx, args.folder.expanduser(), JobControl(_progress(_("reading"))))
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
                               JobControl(_progress(_("reading"))))
            print(_("{product} export.").format(product=PRODUCTS[plan.source]))
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
        print(_("Nothing was added. Run again with --yes to add these memories."))
        return 0
    outcome = writer.accept(ctx, plan, JobControl(_progress(_("adding"))), with_bursts)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for problem in outcome.problems:
        print(_("  not added: {problem}").format(problem=problem), file=sys.stderr)
    print(_("Added to the scrapbook: memories {memories}, photos {photos}.").format(
        memories=number_text(outcome.memories), photos=number_text(outcome.photos)))
    for extra in outcome.extras:
        print(describe_extra(extra))
    return 0


def describe_extra(extra) -> str:  # noqa: ANN001 - core.importers.plan.ExtraOutcome
    """One line for what an export brought in besides memories (notes, check-ins, plans)."""
    from .dates import import_summary

    if extra.error:
        return _("Plans could not be read ({reason}).").format(reason=extra.error)
    if extra.calendar is not None:
        return import_summary(extra.calendar)
    return _(EXTRA_WORDS.get(extra.kind, N_("Added ({kind}): {count}."))).format(
        kind=extra.kind, count=number_text(extra.added))


def describe(plan) -> str:  # noqa: ANN001 - ImportPlan
    """The proposals and the report, as the terminal shows them."""
    if not plan.proposals:
        lines = [_("No new memories to add.")]
    else:
        lines = [_("Suggested: memories {memories}, photos {photos}:").format(
            memories=number_text(len(plan.proposals)), photos=number_text(plan.photo_count))]
    for number, proposal in enumerate(plan.proposals, start=1):
        details = [_("photos: {count}").format(count=number_text(len(proposal.photos)))]
        if proposal.bursts:
            details.append(_("burst shots set aside: {count}").format(
                count=number_text(len(proposal.bursts))))
        if proposal.place_label:
            details.append(proposal.place_label)
        if proposal.tags:
            details.append("#" + " #".join(proposal.tags))
        lines.append(f"  {number:>3}. {proposal.title}  ({'; '.join(details)})")
    if plan.skipped_known:
        lines.append(_("Already in your scrapbook, left alone: {count}.").format(
            count=number_text(plan.skipped_known)))
    if plan.problems:
        lines.append(_("Not imported ({count}):").format(count=number_text(len(plan.problems))))
        lines.extend(f"  - {problem}" for problem in plan.problems)
    if plan.unmapped:
        lines.append(_("Kept in the export only (LoveBridge has no place for these):"))
        lines.extend(f"  - {item}" for item in plan.unmapped)
    return "\n".join(lines)
