"""The interface language: the system's, or the one chosen in Preferences, set once at start.

LoveBridge's own strings come from `resources/translations/lovebridge_<lang>.qm` (made from the
`.ts` sources by `tools/translations.py`), Qt's standard buttons and dialogs from Qt's own
catalogue. English has a catalogue too: it only carries the plural forms ("1 photo", "3 photos").
The layout follows the language (right to left for Arabic or Hebrew). A change of language in
Preferences applies the next time LoveBridge opens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from lovebridge.resources import resource_path

logger = logging.getLogger(__name__)

SYSTEM = "system"
SOURCE_LANGUAGE = "en"
# A system that names no language (the C or POSIX locale) gets the British English the app is
# written in: day before month, 24-hour clock.
FALLBACK_LOCALE = "en_GB"


@dataclass(frozen=True)
class Language:
    """One interface language on offer: its code and its name in that language."""

    code: str
    name: str


def translations_folder():  # noqa: ANN201 - a Path
    """Where the compiled catalogues live."""
    return resource_path("translations")


# Each shipped language by its own plain name: Qt 6.11 and later name a language with its
# region ("español de España", "American English"), which reads oddly in a language menu.
OWN_NAMES = {"en": "English", "es": "Español"}


def available_languages() -> list[Language]:
    """English and every language with a compiled catalogue, each named in its own words."""
    codes = {SOURCE_LANGUAGE}
    folder = translations_folder()
    if folder.is_dir():
        codes.update(p.stem.removeprefix("lovebridge_") for p in folder.glob("lovebridge_*.qm"))
    languages = []
    for code in sorted(codes):
        native = OWN_NAMES.get(code) or QLocale(code).nativeLanguageName() or code
        languages.append(Language(code, native[:1].upper() + native[1:]))
    return languages


def locale_for(choice: str, system: QLocale | None = None) -> QLocale:
    """The locale for a Preferences choice: a language's own, or the system's."""
    system = system or QLocale.system()
    if choice and choice != SYSTEM:
        chosen = QLocale(choice)
        if chosen.language() == system.language():
            return system  # the system's own region: Español on a Mexican system is es_MX
        if chosen.language() == QLocale.Language.English:
            return QLocale(FALLBACK_LOCALE)  # the English LoveBridge is written in
        return chosen
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(FALLBACK_LOCALE)
    return system


class Interpreter:
    """Holds the installed translators (Qt keeps only a pointer) and installs them."""

    def __init__(self) -> None:
        self.translators: list[QTranslator] = []
        self.locale = QLocale(FALLBACK_LOCALE)

    def install(self, app: QCoreApplication, choice: str) -> QLocale:
        """Install the catalogues for `choice` on `app`; return the locale now in force."""
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators.clear()
        self.locale = locale_for(choice)
        QLocale.setDefault(self.locale)
        own = QTranslator(app)
        folder = str(translations_folder())
        if own.load(self.locale, "lovebridge", "_", folder, ".qm"):
            self._add(app, own)
        else:
            # A language LoveBridge does not speak yet reads in English, with English plural
            # forms ("3 photos", never "3 photo(s)").
            logger.info("no LoveBridge catalogue for the language %s", self.locale.name())
            if own.load(QLocale(FALLBACK_LOCALE), "lovebridge", "_", folder, ".qm"):
                self._add(app, own)
        qt_own = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(self.locale, "qtbase", "_", qt_folder, ".qm"):
            self._add(app, qt_own)
        if isinstance(app, QGuiApplication):
            app.setLayoutDirection(self.locale.textDirection())
        return self.locale

    def catalogues(self) -> list[str]:
        """The file names of the catalogues in force ('lovebridge_es.qm', 'qtbase_es.qm')."""
        return [Path(translator.filePath()).name for translator in self.translators]

    def uninstall(self, app: QCoreApplication) -> None:
        """Back to the source language (tests switch languages within one process)."""
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators.clear()
        self.locale = QLocale(FALLBACK_LOCALE)
        QLocale.setDefault(self.locale)
        if isinstance(app, QGuiApplication):
            app.setLayoutDirection(self.locale.textDirection())

    def _add(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self.translators.append(translator)


def content_language() -> str:
    """The language code ('es') for LoveBridge's own content sets (core.content_translations)."""
    return QLocale().name().split("_")[0]


def install_language(app: QCoreApplication, choice: str) -> Interpreter:
    """Set the interface language for `app` from a Preferences choice ("system" or a code)."""
    interpreter = Interpreter()
    interpreter.install(app, choice)
    return interpreter  # the caller keeps it: Qt holds the translators only by pointer
