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


def gui_data_dir(argv: list[str]) -> tuple[bool, str | None]:
    """(True, --data-dir) when `argv` only starts the window, without building every command.

    Building the full parser imports each command's module (and the store with it); starting
    the window needs none of that. Anything else — a command, --help, --version, a typo — gets
    (False, None) and goes to the full parser, which explains it.
    """
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    quick.add_argument("--data-dir")
    try:
        known, rest = quick.parse_known_args(argv)
    except argparse.ArgumentError:
        return False, None
    return (not rest), known.data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lovebridge",
        description=f"{APP_NAME}: notes, memories and time together, kept on this laptop.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep everything (database, photos, settings, logs) in DIR instead of the usual place",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser
