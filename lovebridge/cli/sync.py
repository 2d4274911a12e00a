"""`lovebridge sync setup|now|status|unpair`: sharing with the partner's laptop from a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import _
from lovebridge.core.context import AppContext

from .common import fail, run_with_store

KIND_WORDS = {
    "memory": ("memory", "memories"), "message": ("note", "notes"), "plan": ("plan", "plans"),
    "photo": ("photo", "photos"), "special_date": ("special date", "special dates"),
    "check_in": ("check-in", "check-ins"), "custom_idea": ("idea", "ideas"),
    "custom_template": ("template", "templates"),
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
            print("Sharing is on. On the other laptop, run:")
            print(f'  lovebridge sync setup --folder DIR --join "{code}"')
            print(f"Pairing code: {code}")
            return 0
        engine.setup_join(args.folder, args.join, name=args.name)
        print("Paired. " + _summary(engine.status()))
        return 0

    return _guarded(args, setup)


def run_now(args: argparse.Namespace) -> int:
    def now(ctx: AppContext) -> int:
        report = _engine(ctx).sync_now(confirm_deletions=args.confirm_deletions)
        print(f"Sent {report.sent_batches} batch(es), read {report.received_batches}.")
        if report.created:
            print("Arrived: " + describe_created(report.created))
        if report.set_aside:
            print(f"{report.set_aside} file(s) in the shared folder were set aside unread "
                  "(see `lovebridge sync status`).")
        for count in report.waiting_for_confirmation.values():
            print(f"Waiting: your partner's laptop deleted {count} items, more than a fifth of "
                  "the library. Run `lovebridge sync now --confirm-deletions` to apply it.")
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
        print("Sharing is off on this laptop. Everything you have stays here.")
        return 0

    return _guarded(args, unpair)


def describe_created(created: dict[str, int]) -> str:
    parts = []
    for kind, count in sorted(created.items()):
        one, many = KIND_WORDS.get(kind, (kind, kind))
        if kind in KIND_WORDS:
            parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts) or "small changes"


def _summary(status) -> str:  # noqa: ANN001
    if not status.paired:
        return "Sharing is off on this laptop."
    lines = [f"Sharing through {status.folder} as “{status.name}”."]
    for partner in status.partners:
        when = partner.last_seen_at.strftime("%Y-%m-%d %H:%M UTC") if partner.last_seen_at \
            else "nothing read yet"
        lines.append(f"Partner's laptop: “{partner.name}” (last change read: {when}).")
    if not status.partners:
        lines.append("No partner laptop has joined yet.")
    lines.append(f"Last exchange: {status.last_exchange or 'not yet'}.")
    lines.append(f"Waiting to be sent: {status.waiting_changes} change(s).")
    for device, pending in status.pending_deletions.items():
        lines.append(f"Waiting for your yes: {pending['deletions']} deletions from {device}.")
    for path, reason in status.notes[:5]:
        lines.append(f"Set aside: {path}: {reason}")
    return "\n".join(lines)
