"""`lovebridge dates` export, import, list and remove (plans as iCalendar .ics files)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.plans import PlanService
from lovebridge.store.media import write_atomically

from .common import fail, run_with_store

# Why events were left out of an import (core/dates/ical's reasons), as the command line says it.
SKIPPED_WORDS = {
    "UNREADABLE": N_("Events skipped because they could not be read: {count}."),
    "BEYOND_CAP": N_("Events skipped beyond the first {cap} (LoveBridge reads at most {cap} "
                     "from one file): {count}."),
    "SUB_DAILY": N_("Events skipped for repeating more often than once a day (plans repeat at "
                    "most daily): {count}."),
    "TOO_MANY_DATES": N_("Events skipped for listing more than {cap} extra or skipped dates: "
                         "{count}."),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dates", help=_("export or import date plans as iCalendar (.ics)"))
    actions = parser.add_subparsers(dest="dates_command", metavar=_("ACTION"), required=True)
    export = actions.add_parser("export", help=_("write every plan to an .ics file"))
    export.add_argument("file", type=Path, metavar=_("FILE.ics"))
    export.set_defaults(func=run_export)
    imported = actions.add_parser("import", help=_("add the events of an .ics file as plans"))
    imported.add_argument("file", type=Path, metavar=_("FILE.ics"))
    imported.add_argument(
        "--timezone", default="", metavar=_("TIMEZONE"),
        help=_("zone for times without one (default: this laptop's)"),
    )
    imported.set_defaults(func=run_import)
    listed = actions.add_parser("list", help=_("show every plan with its id"))
    listed.set_defaults(func=run_list)
    removed = actions.add_parser("remove", help=_("delete a plan for good (by id or exact name)"))
    removed.add_argument("plan", metavar=_("PLAN"),
                         help=_("the plan's id (from `dates list`) or name"))
    removed.set_defaults(func=run_remove)


def run_export(args: argparse.Namespace) -> int:
    # icalendar is imported here, not at the top: building the parser is on the GUI's start-up.
    from lovebridge.core.dates.ical import export_calendar

    def export(ctx: AppContext) -> int:
        plans = PlanService(ctx.store, ctx.now).plans()
        try:
            write_atomically(args.file, export_calendar(plans, ctx.now()))
        except OSError as exc:
            return fail(_("could not write {path}: {reason}").format(
                path=args.file, reason=exc.strerror or exc))
        print(_("Exported to {path}. Plans: {count}.").format(
            path=args.file, count=number_text(len(plans))))
        return 0

    return run_with_store(args, export)


def run_import(args: argparse.Namespace) -> int:
    from lovebridge.core.dates.ical import IcsImportError, import_calendar

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        return fail(_("could not read {path}: {reason}").format(
            path=args.file, reason=exc.strerror or exc))

    def do_import(ctx: AppContext) -> int:
        service = PlanService(ctx.store, ctx.now)
        try:
            report = import_calendar(service, data, args.timezone or recurrence.local_zone_name())
        except IcsImportError as exc:
            return fail(str(exc))
        print(import_summary(report))
        return 0

    return run_with_store(args, do_import)


def run_list(args: argparse.Namespace) -> int:
    def show(ctx: AppContext) -> int:
        for plan in PlanService(ctx.store, ctx.now).plans():
            repeat = f"  [{plan.rrule}]" if plan.rrule else ""
            print(f"{plan.uuid}  {plan.starts_at:%Y-%m-%d %H:%M}  {plan.title}{repeat}")
        return 0

    return run_with_store(args, show)


def run_remove(args: argparse.Namespace) -> int:
    def remove(ctx: AppContext) -> int:
        service = PlanService(ctx.store, ctx.now)
        plans = service.plans(include_trashed=True)
        chosen = [p for p in plans if p.uuid == args.plan] or [
            p for p in plans if p.title == args.plan]
        if not chosen:
            return fail(_("no plan is called {name}; `lovebridge dates list` shows them.").format(
                name=repr(args.plan)))
        if len(chosen) > 1:
            return fail(_("{count} plans are called {name}; give the id instead "
                          "(`lovebridge dates list`).").format(count=len(chosen),
                                                              name=repr(args.plan)))
        service.remove(chosen[0].uuid)
        print(_("Removed the plan {name}.").format(name=repr(chosen[0].title)))
        return 0

    return run_with_store(args, remove)


def import_summary(report) -> str:  # noqa: ANN001 - core.dates.ical.ImportReport
    """What an .ics import did, in the command line's language: from the report's counts, not
    from its English `summary()` (which the window and open-export imports use)."""
    from collections import Counter

    from lovebridge.core.dates import ical

    reasons = report.reasons or Counter(
        {ical.UNREADABLE: report.skipped} if report.skipped else {})
    words = {getattr(ical, name): message for name, message in SKIPPED_WORDS.items()}
    caps = {ical.BEYOND_CAP: ical.MAX_EVENTS, ical.TOO_MANY_DATES: ical.MAX_DATES}
    lines = [_("Plans imported: {count}.").format(count=number_text(report.imported))]
    for reason, count in reasons.items():
        if reason in words:
            lines.append(_(words[reason]).format(count=number_text(count),
                                                 cap=number_text(caps.get(reason, 0))))
        else:  # a reason this list does not know yet: said as core words it
            lines.append(_("Events skipped ({reason}): {count}.").format(
                reason=reason, count=number_text(count)))
    return " ".join(lines)
