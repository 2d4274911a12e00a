"""`lovebridge note send-to-partner`: send a saved note to the partner's LoveBridge."""

from __future__ import annotations

import argparse
from datetime import date

from lovebridge.cli.language import _

from .common import fail, run_with_store


def register(actions: argparse._SubParsersAction) -> None:
    send = actions.add_parser(
        "send-to-partner", help=_("send a saved note to your partner's laptop (sharing set up)"))
    send.add_argument("--message", metavar="ID", required=True,
                      help=_("a saved note's id or uuid"))
    send.add_argument("--opens-on", metavar="YYYY-MM-DD", default=None,
                      help=_("keep it closed on their laptop until that day (the app keeps it "
                             "closed; it is not locked by encryption)"))
    send.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    opens_on = None
    if args.opens_on:
        try:
            opens_on = date.fromisoformat(args.opens_on)
        except ValueError:
            return fail(_("--opens-on takes a day as YYYY-MM-DD"), 2)
    return run_with_store(args, lambda ctx: _send(ctx, args.message.strip(), opens_on))


def _send(ctx, key: str, opens_on: date | None) -> int:  # noqa: ANN001 - AppContext
    from sqlalchemy import or_, select

    from lovebridge.core.write.partner_notes import (
        FromPartnerError,
        NotSharingError,
        OpeningDayError,
        PartnerNotes,
        PrivateNoteError,
    )
    from lovebridge.store.models import Message

    with ctx.store.session_scope() as session:
        condition = Message.uuid == key
        if key.isdigit():
            condition = or_(condition, Message.id == int(key))
        uuid = session.scalars(select(Message.uuid).where(condition)).first()
    if uuid is None:
        return fail(_("no saved note with id or uuid {key}").format(key=repr(key)))
    try:
        record = PartnerNotes(ctx.store, clock=ctx.now).send(uuid, opens_on)
    except NotSharingError:
        return fail(_("sharing is not set up; see lovebridge sync setup --help"))
    except PrivateNoteError:
        return fail(_("that note is marked Private to me, so it stays on this laptop"))
    except FromPartnerError:
        return fail(_("that note came from your partner; answer it with a new note instead"))
    except OpeningDayError:
        return fail(_("the day to keep it closed until must be after today"), 2)
    if record.opens_on:
        print(_("Sent; it reaches your partner with the next exchange and opens on {day}.")
              .format(day=record.opens_on.isoformat()))
    else:
        print(_("Sent; it reaches your partner with the next exchange."))
    return 0
