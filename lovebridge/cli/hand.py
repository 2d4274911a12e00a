"""`lovebridge hand`: print the handwriting sheet, read photos of it, list the hands kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text

from .common import fail, run_with_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("hand", help=_("print notes in your own handwriting"))
    actions = parser.add_subparsers(dest="hand_command", metavar=_("ACTION"))
    sheet = actions.add_parser("sheet", help=_("write the capture sheet to fill in by hand"))
    sheet.add_argument("--out", required=True, metavar=_("OUT"), help=_("FILE.pdf (or FILE.png)"))
    sheet.add_argument("--paper", choices=("a4", "letter"), default="a4",
                       help=_("paper size (default a4)"))
    sheet.set_defaults(func=run_sheet)
    read = actions.add_parser("read", help=_("read photos of a filled-in sheet into a hand"))
    read.add_argument("photos", nargs="+", metavar=_("PHOTO"),
                      help=_("photo(s) of the sheet; later ones fill the boxes the first missed"))
    read.add_argument("--name", required=True, metavar=_("NAME"),
                      help=_("whose hand it is (a partner's first name)"))
    read.add_argument("--partner", choices=("a", "b"),
                      help=_("which partner (default: the one whose name matches, else a)"))
    read.add_argument("--add", action="store_true",
                      help=_("keep the boxes already read and fill only the missing ones"))
    read.set_defaults(func=run_read)
    listing = actions.add_parser("list", help=_("list the handwritings kept"))
    listing.set_defaults(func=run_list)
    parser.set_defaults(func=lambda _args: fail(N_("say what to do: lovebridge hand --help")))


def run_sheet(args: argparse.Namespace) -> int:
    from lovebridge.core.hand.sheet import SHEET_INSTRUCTIONS, SHEET_TITLE, new_sheet_code
    from lovebridge.render.qt_app import ensure_gui_application

    ensure_gui_application()
    from lovebridge.render.hand_sheet import render_sheet_image, render_sheet_pdf

    out = Path(args.out)
    code = new_sheet_code()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".png":
            image = render_sheet_image(args.paper, code, 300, SHEET_TITLE, SHEET_INSTRUCTIONS)
            if not image.save(str(out), "PNG"):
                raise OSError("the image could not be written")
        elif out.suffix.lower() == ".pdf":
            render_sheet_pdf(out, args.paper, code, SHEET_TITLE, SHEET_INSTRUCTIONS)
        else:
            return fail(N_("--out must end in .pdf or .png"), 2)
    except OSError as exc:
        return fail(_("could not write {path}: {reason}").format(path=out, reason=exc))
    print(_("Wrote {path} ({paper}, sheet {code}). Print it at 100% (no scaling).").format(
        path=out, paper=args.paper.upper(), code=code))
    return 0


def run_read(args: argparse.Namespace) -> int:
    missing = [photo for photo in args.photos if not Path(photo).is_file()]
    if missing:
        return fail(_("no such photo: {path}").format(path=missing[0]), 2)
    name = args.name.strip()
    if not name:
        return fail(N_("--name must not be empty"), 2)
    return run_with_store(args, lambda ctx: _read(ctx, args, name))


def _partner_for(ctx, args: argparse.Namespace, name: str) -> str:  # noqa: ANN001
    if args.partner:
        return args.partner
    from lovebridge.core.profile import ProfileService

    profile = ProfileService(ctx.store).load()
    if profile is not None and name.casefold() == profile.partner_b.strip().casefold():
        return "b"
    return "a"


def _read(ctx, args: argparse.Namespace, name: str) -> int:  # noqa: ANN001
    from lovebridge.core.hand.photo import SheetPhotoError
    from lovebridge.core.hand.service import HandwritingService, capture_from_photos

    service = HandwritingService(ctx.store)
    partner = _partner_for(ctx, args, name)
    base = service.load(partner) if args.add else None
    if args.add and base is None:
        return fail(_("there is no hand kept for partner {partner} to add to yet").format(
            partner=partner), 2)
    try:
        capture = capture_from_photos(args.photos, name, base)
    except SheetPhotoError as exc:
        return fail(str(exc))
    for problem in capture.problems:
        print(_("Skipped {problem}").format(problem=problem))
    if not capture.hand.glyphs:
        return fail(N_("no handwriting was found in the boxes; nothing was kept."))
    service.save(partner, capture.hand, capture.sheet_code)
    print(capture_summary(capture))
    if capture.failed:
        print(_("Boxes not read:"))
        for line in capture.failed_names():
            print(f"  {line}")
    print(_("Kept as {name}'s hand; print with: lovebridge note render --font hand:{name} ...")
          .format(name=name))
    return 0


def run_list(args: argparse.Namespace) -> int:
    return run_with_store(args, _list)


def _list(ctx) -> int:  # noqa: ANN001
    from lovebridge.core.hand.service import HandwritingService
    from lovebridge.render.fonts import FONTS

    for hand in HandwritingService(ctx.store).list():
        label = _("{name}'s hand").format(name=hand.name)
        details = _("characters: {characters}, written glyphs: {glyphs}").format(
            characters=number_text(hand.characters), glyphs=number_text(hand.glyph_count))
        print(f"{hand.font_key:20} {label}  ({details})")
    for font in FONTS:
        print(f"{font.key:20} {font.label}  ({_('bundled font')})")
    return 0


def capture_summary(capture) -> str:  # noqa: ANN001 - core.hand.service.Capture
    """How many boxes were read, and what to do next, in the command line's language."""
    from lovebridge.core.hand import sheet

    text = _("Read {read} of {total} boxes.").format(read=number_text(capture.recovered),
                                                    total=number_text(len(sheet.BOXES)))
    if capture.looks_empty:
        text += " " + _("Most of the sheet looks empty: fill in the rest of the boxes, or import "
                        "another photo for the ones that are missing.")
    elif capture.failed:
        text += " " + _("Redo the missing boxes, or import a second photo for them.")
    return text
