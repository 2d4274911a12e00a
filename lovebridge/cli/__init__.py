"""The command line: `lovebridge [--data-dir DIR] [COMMAND ...]`. No command starts the GUI."""

from __future__ import annotations

import argparse
import importlib

from lovebridge import APP_NAME, __version__

# Each module registers its own sub-command(s) with `register(subparsers)`.
COMMAND_MODULES = (
    "lovebridge.cli.check",
    "lovebridge.cli.note",
    "lovebridge.cli.scrapbook",
    "lovebridge.cli.dates",
    "lovebridge.cli.backup",
    "lovebridge.cli.hand",
    "lovebridge.cli.export",
    "lovebridge.cli.sync",
)


def first_look(argv: list[str]) -> tuple[bool, str | None]:
    """(window only, --data-dir): what `argv` asks for, read without building every command.

    Building the full parser imports each command's module (and the store with it); starting
    the window needs none of that. The command line needs --data-dir before its parser says a
    word: the language chosen in Preferences is kept in that folder's settings. Window only is
    True when `argv` holds nothing but --data-dir; anything else — a command, --help, --version,
    a typo — goes to the full parser, which explains it. A --data-dir without a value is None.
    """
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    quick.add_argument("--data-dir")
    try:
        known, rest = quick.parse_known_args(argv)
    except argparse.ArgumentError:
        return False, None
    return (not rest), known.data_dir


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser, in the command line's language (build and use it inside
    `lovebridge.cli.language.argparse_words()` for argparse's own words to be said in it too)."""
    from lovebridge.cli.language import _

    parser = argparse.ArgumentParser(
        prog="lovebridge",
        description=_("{app}: notes, memories and time together, kept on this laptop.").format(
            app=APP_NAME),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument(
        "--data-dir",
        metavar=_("DIR"),
        help=_("keep everything (database, photos, settings, logs) in DIR instead of the usual "
               "place"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser
