"""The command line's words in the couple's language: Python gettext, no Qt.

The language is the one chosen in Preferences (LoveBridge's settings file), else the terminal's
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as for any command-line tool); English when neither names
one LoveBridge speaks. Messages are written in English and marked with `N_` where they are
defined; `_` translates them where they are said. argparse's own words (its headings, usage
line and complaints) come from the same catalogue through `argparse_words`. `tools/translations.py`
keeps resources/translations/cli/<lang>.po and its compiled .mo current.
"""

from __future__ import annotations

import argparse
import configparser
import contextlib
import gettext
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from lovebridge.core.privacy.keyslots import DAMAGED_KEY_FILE
from lovebridge.resources import resource_path
from lovebridge.store.guards import FULL_MESSAGE, READ_ONLY_MESSAGE

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's own order
# Sentences the store and the lock say in English, which the command line passes on as they are.
SHARED_MESSAGES = (FULL_MESSAGE, READ_ONLY_MESSAGE, DAMAGED_KEY_FILE)
# argparse's own words (Python 3.11's, exactly as it writes them), said through `argparse_words`:
# help's headings, the -h and --version lines, and the mistakes a person can make typing a
# command. Not here: its plural messages (see `argparse_words`), and those only a programmer
# can meet (conflicting options, FileType, a type that is not callable).
ARGPARSE_MESSAGES = (
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "show program's version number and exit",  # argparse does not translate it: build_parser
    "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s",
    "one of the arguments %s is required",
    "not allowed with argument %s",
    "unrecognized arguments: %s",
    "ambiguous option: %(option)s could match %(matches)s",
    "ignored explicit argument %r",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
)

# Thousands and decimal marks by language; English's for any other.
NUMBER_MARKS = {"en": (",", "."), "es": (".", ",")}

_catalogue: list[gettext.NullTranslations] = []  # the one in use, once chosen
_language: list[str] = []


def N_(text: str) -> str:  # noqa: N802 - gettext's usual name for "translated later"
    """Mark `text` for the catalogue; it is translated where it is said, with `_`."""
    return text


def language_code(value: str) -> str:
    """'es' for 'es_ES.UTF-8', 'es-MX' or 'es'; English for the C and POSIX locales."""
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return SOURCE_LANGUAGE if code in ("", "c", "posix") else code


def system_languages() -> list[str]:
    """The terminal's languages, most wanted first, as gettext reads them."""
    for name in ENVIRONMENT:
        value = os.environ.get(name, "")
        if value:
            return [language_code(part) for part in value.split(":") if part]
    return []


def chosen_language(settings_file: Path | None) -> str | None:
    """The language chosen in Preferences, or None for "the system's"."""
    if settings_file is None or not settings_file.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    choice = parser.get("appearance", "language", fallback="system").strip()
    return None if choice in ("", "system") else language_code(choice)


def catalogue_path(language: str) -> Path:
    return resource_path("translations", "cli", f"{language}.mo")


def use_language(settings_file: Path | None = None) -> str:
    """Choose the command line's language (Preferences first, then the terminal's); say which."""
    wanted = [chosen_language(settings_file)] if chosen_language(settings_file) else []
    for language in [*wanted, *system_languages()]:
        if language == SOURCE_LANGUAGE:
            break
        path = catalogue_path(language)
        if path.is_file():
            try:
                with path.open("rb") as file:
                    _catalogue[:] = [gettext.GNUTranslations(file)]
                _language[:] = [language]
                return language
            except Exception as exc:  # noqa: BLE001 - a broken catalogue must not stop the CLI
                logger.warning("command-line catalogue skipped: %s (%s)", path.name,
                               type(exc).__name__)
    _catalogue[:] = [gettext.NullTranslations()]
    _language[:] = [SOURCE_LANGUAGE]
    return SOURCE_LANGUAGE


def _(text: str) -> str:
    """`text` in the command line's language (itself when there is no translation)."""
    if not _catalogue:
        use_language()
    return _catalogue[0].gettext(text)


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """argparse says its own words (ARGPARSE_MESSAGES) in the command line's language while
    the parser is built and used inside this block; they are put back as they were after it.

    Python 3.11's argparse translates them with the module-level `_` it imported from gettext,
    looked up each time it says one: the headings when a parser is made, "usage: " and the
    errors when it writes them. That one name is pointed at this catalogue for the block (help
    and errors leave it by SystemExit, which passes through). argparse's plural messages
    (`ngettext`) stay English: "expected %s arguments" is only for a fixed count of values,
    which no LoveBridge option takes (tests check), and "conflicting option strings" is a
    programming error.
    """
    saved = argparse._
    argparse._ = _
    try:
        yield
    finally:
        argparse._ = saved


def number_text(value: float, decimals: int = 0) -> str:
    """'1,234.5' in English, '1.234,5' in Spanish."""
    if not _catalogue:
        use_language()
    thousands, decimal = NUMBER_MARKS.get(_language[0], NUMBER_MARKS[SOURCE_LANGUAGE])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
