"""`lovebridge dates` export, import, list and remove (plans as iCalendar .ics files)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import _
from lovebridge.core.context import AppContext
from lovebridge.core.dates import recurrence
from lovebridge.core.dates.plans import PlanService
from lovebridge.store.media import write_atomically

from .common import fail, run_with_store


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
        print(f"Exported {len(plans)} plan{'s' if len(plans) != 1 else ''} to {args.file}")
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
        print(report.summary())
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
        print(f"Removed the plan {chosen[0].title!r}.")
        return 0

    return run_with_store(args, remove)
