"""`lovebridge note render`: print-ready handwritten notes from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text

from .common import fail, run_with_store, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "note", help=_("render a handwritten-style note to PDF or PNG"))
    actions = parser.add_subparsers(dest="note_command", metavar=_("ACTION"))
    render = actions.add_parser(
        "render", help=_("render a note (see --list-layouts, --list-fonts)"))
    source = render.add_mutually_exclusive_group()
    source.add_argument("--text", metavar=_("TEXT"),
                        help=_("the note's text (use \\n for a new line)"))
    source.add_argument("--message", metavar="ID", help=_("a saved note's id or uuid"))
    render.add_argument("--layout", default="card-a6", metavar=_("LAYOUT"),
                        help=_("layout name (default card-a6)"))
    render.add_argument("--font", default="caveat", metavar=_("FONT"),
                        help=_("handwriting font (default caveat), or hand:NAME for a captured "
                               "hand"))
    render.add_argument("--ink", default="blue", metavar=_("INK"),
                        help=_("ink colour (default blue)"))
    render.add_argument("--paper", default="cream-lined", metavar=_("PAPER"),
                        help=_("paper (default cream-lined)"))
    render.add_argument("--decoration", default="none", metavar=_("DECORATION"),
                        help=_("none, border, hearts or stars"))
    render.add_argument("--neat", action="store_true", help=_("even writing, without wobble"))
    render.add_argument("--seed", type=int, default=1, metavar=_("SEED"),
                        help=_("which take of the handwriting"))
    render.add_argument("--to", default="", metavar=_("TO"), help=_("who the note is for"))
    render.add_argument("--from", dest="sender", default="", metavar=_("SENDER"),
                        help=_("who it is from"))
    render.add_argument("--title", default="", metavar=_("TITLE"),
                        help=_("a folded card's front"))
    render.add_argument("--dpi", type=float, default=192.0,
                        help=_("PNG resolution (default 192)"))
    render.add_argument("--out", metavar=_("OUT"), help=_("FILE.pdf or FILE.png"))
    render.add_argument("--list-layouts", action="store_true",
                        help=_("list the layouts and stop"))
    render.add_argument("--list-fonts", action="store_true", help=_("list the fonts and stop"))
    render.set_defaults(func=run)
    from lovebridge.cli.note_send import register as register_send

    register_send(actions)
    parser.set_defaults(
        func=lambda _args: fail(N_("say what to do: lovebridge note render --help")))


def run(args: argparse.Namespace) -> int:
    from lovebridge.render.qt_app import ensure_gui_application

    ensure_gui_application()
    from lovebridge.render.fonts import FONTS
    from lovebridge.render.layouts import LAYOUTS

    if args.list_layouts:
        for layout in LAYOUTS:
            print(f"{layout.key:20} {layout.label}  ({layout.width:.0f} × {layout.height:.0f} mm)")
        return 0
    if args.list_fonts:
        for font in FONTS:
            print(f"{font.key:20} {font.label}  ({font.licence})")
        return 0
    problem = _check_names(args)
    if problem:
        return fail(problem, 2)
    if not args.out:
        return fail(N_("say where to write the note: --out FILE.pdf or --out FILE.png"), 2)
    if Path(args.out).suffix.lower() not in (".pdf", ".png"):
        return fail(N_("--out must end in .pdf or .png"), 2)
    if args.font.startswith("hand:") or args.message:
        return run_with_store(args, lambda ctx: _with_hand(ctx, args))
    return _render_text(args)


def _render_text(args: argparse.Namespace) -> int:
    if args.text is None:
        return fail(N_("give the note's words with --text TEXT or a saved note with --message ID"),
                    2)
    from lovebridge.render.content import NoteContent

    text = args.text.replace("\\n", "\n")
    return _write(NoteContent(text, args.to, args.sender, args.title), args)


def _check_names(args: argparse.Namespace) -> str | None:
    from lovebridge.render.fonts import FONTS_BY_KEY
    from lovebridge.render.layouts import LAYOUTS_BY_KEY
    from lovebridge.render.style import DECORATIONS, INKS_BY_KEY, PAPERS

    checks = (
        ("layout", args.layout, list(LAYOUTS_BY_KEY)),
        ("font", args.font, list(FONTS_BY_KEY) if not args.font.startswith("hand:")
         else [args.font]),
        ("ink", args.ink, list(INKS_BY_KEY)),
        ("paper", args.paper, list(PAPERS)),
        ("decoration", args.decoration, list(DECORATIONS)),
    )
    for what, value, valid in checks:
        if value not in valid:
            return f"unknown {what} {value!r}; choose one of: {', '.join(valid)}"
    return None


def _with_hand(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    """Load a captured hand (for --font hand:NAME) from the library, then render."""
    if args.font.startswith("hand:"):
        from lovebridge.core.hand.service import HandwritingService
        from lovebridge.render.hand_font import register_hand

        found = HandwritingService(ctx.store).find(args.font)
        if found is None:
            return fail(_("no handwriting called {name}; see lovebridge hand list").format(
                name=repr(args.font.removeprefix("hand:"))), 2)
        args.font = register_hand(found[1])
    return _render_message(ctx, args) if args.message else _render_text(args)


def _render_message(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from sqlalchemy import or_, select

    from lovebridge.core.profile import ProfileService
    from lovebridge.core.write.messages import local_today
    from lovebridge.core.write.sealing import Viewer
    from lovebridge.render.content import NoteContent
    from lovebridge.store.models import Message

    key = args.message.strip()
    with ctx.store.session_scope() as session:
        condition = Message.uuid == key
        if key.isdigit():
            condition = or_(condition, Message.id == int(key))
        row = session.scalars(select(Message).where(condition)).first()
        if row is None:
            return fail(_("no saved note with id or uuid {key}").format(key=repr(key)))
        viewer = Viewer.of(session, local_today(ctx.now))
        if viewer.sealed(row.author, row.sent_to_partner_at, row.opens_on):
            return fail(_("that note is kept closed until {day}; LoveBridge shows it then")
                        .format(day=row.opens_on.isoformat()))
        text, title, author = row.body_text, row.title, row.author
    profile = ProfileService(ctx.store).load()
    recipient = sender = ""
    if profile is not None:
        names = {"a": profile.partner_a, "b": profile.partner_b}
        sender = names.get(author, "")
        recipient = names.get("b" if author == "a" else "a", "")
    content = NoteContent(text, args.to or recipient, args.sender or sender, args.title or title)
    return _write(content, args)


def _write(content, args: argparse.Namespace) -> int:  # noqa: ANN001
    from lovebridge.render.renderer import png_bytes, render_pdf_bytes
    from lovebridge.render.style import NoteStyle

    style = NoteStyle(layout=args.layout, font=args.font, ink=args.ink, paper=args.paper,
                      decoration=args.decoration, neat=args.neat, seed=args.seed)
    out = Path(args.out)
    # Made in memory first, so a full disk is met with the exact size it needs, and nothing
    # half-written is ever left under the real name.
    if out.suffix.lower() == ".pdf":
        data, result = render_pdf_bytes(content, style)
    else:
        data, result = png_bytes(content, style, dpi=args.dpi)
    problem = write_output(out, data, "the note")
    if problem:
        return fail(problem)
    print(_("Wrote {path} ({layout}, writing size {size} pt)").format(
        path=out, layout=result.layout, size=number_text(result.font_size, 1)))
    if result.overflow:
        warning = _("Warning: the note does not fit on {layout}; the end is missing.").format(
            layout=result.layout)
        if result.suggested_layout:
            warning += " " + _("It fits on {layout}.").format(layout=result.suggested_layout)
        print(warning, file=sys.stderr)
        return 3
    return 0
