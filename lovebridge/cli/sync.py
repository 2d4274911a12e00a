"""`lovebridge sync setup|now|status|unpair`: sharing with the partner's laptop from a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.context import AppContext

from .common import fail, run_with_store

# What arrived, by kind, as "memories 2, notes 1" (a word that needs no singular form).
KIND_WORDS = {
    "memory": N_("memories {count}"), "message": N_("notes {count}"),
    "plan": N_("plans {count}"), "photo": N_("photos {count}"),
    "special_date": N_("special dates {count}"), "check_in": N_("check-ins {count}"),
    "custom_idea": N_("ideas {count}"), "custom_template": N_("templates {count}"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync", help=_("share with your partner's laptop through a folder"))
    actions = parser.add_subparsers(dest="sync_command", metavar=_("ACTION"), required=True)
    setup = actions.add_parser("setup", help=_("start sharing (--new) or join (--join CODE)"))
    setup.add_argument("--folder", type=Path, required=True, metavar=_("FOLDER"),
                       help=_("a folder your sync app or a USB stick carries"))
    how = setup.add_mutually_exclusive_group(required=True)
    how.add_argument("--new", action="store_true",
                     help=_("start sharing; prints the pairing code"))
    how.add_argument("--join", metavar=_("CODE"),
                     help=_("join with the code the other laptop shows"))
    setup.add_argument("--name", default="", metavar=_("NAME"),
                       help=_("this laptop's name, shown to the partner"))
    setup.set_defaults(func=run_setup)
    now = actions.add_parser("now", help=_("exchange changes with the partner's laptop now"))
    now.add_argument("--confirm-deletions", action="store_true",
                     help=_("apply a waiting batch that deletes more than a fifth of the library"))
    now.set_defaults(func=run_now)
    status = actions.add_parser("status",
                                help=_("show sharing: partner, last exchange, waiting"))
    status.set_defaults(func=run_status)
    unpair = actions.add_parser("unpair",
                                help=_("stop sharing on this laptop (the library stays)"))
    unpair.set_defaults(func=run_unpair)


def _engine(ctx: AppContext):
    from lovebridge.core.sync.engine import SyncEngine

    return SyncEngine(ctx)


def _guarded(args: argparse.Namespace, action) -> int:  # noqa: ANN001
    from lovebridge.core.sync.engine import SyncError
    from lovebridge.core.sync.pairing import PairingError

    def run(ctx: AppContext) -> int:
        try:
            return action(ctx)
        except (SyncError, PairingError) as exc:
            return fail(str(exc))

    return run_with_store(args, run)


def run_setup(args: argparse.Namespace) -> int:
    def setup(ctx: AppContext) -> int:
        engine = _engine(ctx)
        if args.new:
            code = engine.setup_new(args.folder, name=args.name)
            print(_("Sharing is on. On the other laptop, run:"))
            print(f'  lovebridge sync setup --folder DIR --join "{code}"')
            print(_("Pairing code: {code}").format(code=code))
            return 0
        engine.setup_join(args.folder, args.join, name=args.name)
        print(_("Paired.") + " " + _summary(engine.status()))
        return 0

    return _guarded(args, setup)


def run_now(args: argparse.Namespace) -> int:
    def now(ctx: AppContext) -> int:
        report = _engine(ctx).sync_now(confirm_deletions=args.confirm_deletions)
        print(_("Batches sent: {sent}, read: {read}.").format(
            sent=number_text(report.sent_batches), read=number_text(report.received_batches)))
        if report.created:
            print(_("Arrived: {what}").format(what=describe_created(report.created)))
        if report.set_aside:
            print(_("Files in the shared folder set aside unread: {count} (see `lovebridge sync "
                    "status`).").format(count=number_text(report.set_aside)))
        for count in report.waiting_for_confirmation.values():
            print(_("Waiting: your partner's laptop deleted items ({count}), more than a fifth "
                    "of the library. Run `lovebridge sync now --confirm-deletions` to apply "
                    "it.").format(count=number_text(count)))
        return 0

    return _guarded(args, now)


def run_status(args: argparse.Namespace) -> int:
    def status(ctx: AppContext) -> int:
        print(_summary(_engine(ctx).status()))
        return 0

    return _guarded(args, status)


def run_unpair(args: argparse.Namespace) -> int:
    def unpair(ctx: AppContext) -> int:
        _engine(ctx).unpair()
        print(_("Sharing is off on this laptop. Everything you have stays here."))
        return 0

    return _guarded(args, unpair)


def describe_created(created: dict[str, int]) -> str:
    parts = [_(KIND_WORDS[kind]).format(count=number_text(count))
             for kind, count in sorted(created.items()) if kind in KIND_WORDS]
    return ", ".join(parts) or _("small changes")


def _summary(status) -> str:  # noqa: ANN001
    if not status.paired:
        return _("Sharing is off on this laptop.")
    lines = [_("Sharing through {folder} as “{name}”.").format(folder=status.folder,
                                                              name=status.name)]
    for partner in status.partners:
        when = partner.last_seen_at.strftime("%Y-%m-%d %H:%M UTC") if partner.last_seen_at \
            else _("nothing read yet")
        lines.append(_("Partner's laptop: “{name}” (last change read: {when}).").format(
            name=partner.name, when=when))
    if not status.partners:
        lines.append(_("No partner laptop has joined yet."))
    lines.append(_("Last exchange: {when}.").format(when=status.last_exchange or _("not yet")))
    lines.append(_("Changes waiting to be sent: {count}.").format(
        count=number_text(status.waiting_changes)))
    for device, pending in status.pending_deletions.items():
        lines.append(_("Waiting for your yes: deletions from {device}: {count}.").format(
            device=device, count=number_text(pending["deletions"])))
    for path, reason in status.notes[:5]:
        lines.append(_("Set aside: {path}: {reason}").format(path=path, reason=reason))
    return "\n".join(lines)
