"""`lovebridge scrapbook ...`: the photo book, importing photos, and a look at the scrapbook."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lovebridge.cli.language import N_, _, number_text
from lovebridge.core.context import AppContext
from lovebridge.store.errors import StoreFullError

from .common import fail, run_with_store, written_or_failed

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))


def memory_date_text(when) -> str:  # noqa: ANN001 - core.scrapbook.records.MemoryDate
    """'14 July 2024', 'July 2024' or '2024' in the command line's language."""
    if when.month is None:
        return str(when.year)
    month = _(MONTHS[when.month - 1])
    if when.day:
        return _("{day} {month} {year}").format(day=when.day, month=month, year=when.year)
    return _("{month} {year}").format(month=month, year=when.year)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scrapbook", help=_("the scrapbook: photo books, imports, search"))
    commands = parser.add_subparsers(dest="scrapbook_command", metavar=_("ACTION"),
                                     required=True)

    book = commands.add_parser("book", help=_("make a print-ready PDF photo book of one year"))
    book.add_argument("--year", type=int, required=True, metavar=_("YEAR"),
                      help=_("the year, e.g. 2025"))
    book.add_argument("--out", type=Path, required=True, metavar=_("OUT"),
                      help=_("the PDF file to write"))
    book.add_argument("--plain-font", action="store_true",
                      help=_("print stories in a serif font instead of handwriting"))
    book.set_defaults(func=run_book)

    add = commands.add_parser("import", help=_("import photo files or folders as a new memory"))
    add.add_argument("files", nargs="+", type=Path, metavar=_("files"),
                     help=_("photo files or folders"))
    add.add_argument("--title", required=True, metavar=_("TITLE"), help=_("the memory's title"))
    add.set_defaults(func=run_import)

    from . import imports

    imports.register(commands)

    find = commands.add_parser("search", help=_("list memories matching some words"))
    find.add_argument("words", nargs="+", metavar=_("words"))
    find.set_defaults(func=run_search)


def run_book(args: argparse.Namespace) -> int:
    if not 1 <= args.year <= 9999:
        return fail(N_("the year must be between 1 and 9999"))
    return run_with_store(args, lambda ctx: make_book(ctx, args.year, args.out, args.plain_font))


def make_book(ctx: AppContext, year: int, out: Path, plain_font: bool) -> int:
    from lovebridge.core.scrapbook.book import gather_year

    book = gather_year(ctx, year)
    if not book.memories:
        return fail(_("there are no memories from {year} to put in a book").format(year=year))
    # A PDF needs QtGui (fonts, painter) but no window: run Qt offscreen when none is wanted.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from lovebridge.render.book import render_book_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

    def progress(done: int, total: int) -> None:
        print("\r  " + _("page {done} of {total}").format(
            done=number_text(done), total=number_text(total)), end="", flush=True)

    try:
        pages = render_book_pdf(book, out.expanduser(), progress, handwriting=not plain_font)
    except StoreFullError as exc:  # refused before drawing, or the disk filled up meanwhile
        print()
        return fail(str(exc))
    except OSError as exc:
        print()
        return fail(written_or_failed(out.expanduser(), "the book", exc) or str(exc))
    problem = written_or_failed(out.expanduser(), "the book")
    if problem:
        print()
        return fail(problem)
    print("\n" + _("Wrote {path}. Pages: {pages}, memories: {memories}.").format(
        path=out, pages=number_text(pages), memories=number_text(len(book.memories))))
    return 0


def run_import(args: argparse.Namespace) -> int:
    return run_with_store(args, lambda ctx: import_memory(ctx, args.files, args.title))


def import_memory(ctx: AppContext, files: list[Path], title: str) -> int:
    from lovebridge.core.scrapbook.photo_import import PhotoImporter, day_of
    from lovebridge.core.scrapbook.records import MemoryDate, MemoryDraft, PhotoPlacement
    from lovebridge.core.scrapbook.service import MemoryService

    missing = [f for f in files if not f.exists()]
    if missing:
        return fail(_("{path} does not exist").format(path=missing[0]))
    report = PhotoImporter(ctx).import_files(files)
    for reason in report.refused:
        print(_("  refused: {reason}").format(reason=reason), file=sys.stderr)
    if not report.photos:
        return fail(N_("no photo could be added, so no memory was saved."))
    days = sorted(d for d in (day_of(p) for p in report.photos) if d is not None)
    when = MemoryDate.of(days[0] if days else ctx.local_now().date())
    draft = MemoryDraft(title, when, photos=tuple(PhotoPlacement(p.photo_id)
                                                  for p in report.photos))
    memory = MemoryService(ctx).save(draft)
    print(_("Saved “{title}” ({when}). Photos: {count}.").format(
        title=memory.title, when=memory_date_text(memory.when),
        count=number_text(len(memory.photos))))
    return 1 if report.refused and not report.photos else 0


def run_search(args: argparse.Namespace) -> int:
    def search(ctx: AppContext) -> int:
        from lovebridge.core.scrapbook.records import Filters
        from lovebridge.core.scrapbook.service import MemoryService

        found = MemoryService(ctx).timeline(0, 50, Filters(text=" ".join(args.words)))
        for memory in found:
            print(f"{memory_date_text(memory.when):>20}  {memory.title}")
        print(_("Memories found: {count}.").format(count=number_text(len(found))))
        return 0

    return run_with_store(args, search)
