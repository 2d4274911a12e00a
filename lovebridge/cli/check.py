"""`lovebridge check`: open, migrate, run the full integrity check, summarise what is stored."""

from __future__ import annotations

import argparse

from sqlalchemy import func, select

from lovebridge.cli.language import _, number_text
from lovebridge.core.context import AppContext
from lovebridge.store.migrate import current_revision
from lovebridge.store.models import Memory, Message, Photo, Plan, Profile
from lovebridge.store.schema_check import CACHE_FOLDER, schema_problems

from .common import run_with_store

COUNTED = (
    ("notes", Message),
    ("memories", Memory),
    ("photos", Photo),
    ("plans", Plan),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help=_("check the database and summarise what it holds"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return run_with_store(args, summarise)


def summarise(ctx: AppContext) -> int:
    problems = ctx.store.integrity_problems(quick=False)
    connection = ctx.store.raw_connection()
    try:
        problems += schema_problems(connection, ctx.store.path.parent / CACHE_FOLDER)
    finally:
        connection.close()
    print(_("Data folder: {path}").format(path=ctx.paths.data))
    print(_("Schema: {revision}").format(revision=current_revision(ctx.store)))
    with ctx.store.session_scope() as session:
        has_profile = session.scalar(select(func.count()).select_from(Profile)) > 0
        counts = {
            label: session.scalar(select(func.count()).select_from(model))
            for label, model in COUNTED
        }
    print(_("Profile: set") if has_profile else _("Profile: not set yet"))
    print(_("Stored: notes {notes}, memories {memories}, photos {photos}, plans {plans}").format(
        **{label: number_text(count) for label, count in counts.items()}))
    missing = missing_photo_files(ctx)
    if missing:
        problems.append(_("photo files missing from the library: {count}").format(
            count=number_text(missing)))
    if problems:
        print(_("Problems found:"))
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(_("Integrity: ok"))
    return 0


def missing_photo_files(ctx: AppContext) -> int:
    with ctx.store.session_scope() as session:
        rows = session.execute(select(Photo.sha256, Photo.extension)).all()
    return sum(1 for sha, ext in rows if not ctx.media.contains(sha, ext))
