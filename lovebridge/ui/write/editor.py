"""The writing surface: a rich-text editor that caps runaway pastes, and its highlighter."""

from __future__ import annotations

import re
from collections.abc import Container

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from lovebridge.core.write.messages import MAX_MESSAGE_CHARS
from lovebridge.core.write.placeholders import MARKER_RE
from lovebridge.render.content import marked
from lovebridge.ui.theme import current_colours

_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


class DraftHighlighter(QSyntaxHighlighter):
    """Blanks still to fill get a soft accent background; unknown words a wavy underline."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._dictionary: Container[str] | None = None
        self.refresh_colours()

    def refresh_colours(self) -> None:
        colours = current_colours()
        self._blank = QTextCharFormat()
        self._blank.setBackground(QColor(colours.highlight_soft))
        self._blank.setForeground(QColor(colours.accent))
        self._spelling = QTextCharFormat()
        self._spelling.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._spelling.setUnderlineColor(QColor(colours.accent))
        self.rehighlight()

    def is_misspelt(self, word: str) -> bool:
        """Whether `word` would be underlined (False while no dictionary is loaded)."""
        return (self._dictionary is not None and len(word) >= 3 and word.isascii()
                and not word[0].isupper() and word.lower() not in self._dictionary)

    def dictionary(self) -> Container[str] | None:
        return self._dictionary

    def set_dictionary(self, dictionary: Container[str] | None) -> None:
        """Words known to be spelt right (None switches spell-checking off)."""
        self._dictionary = dictionary
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self._dictionary is not None:
            for match in _WORD_RE.finditer(text):
                # Capitalised words (names, places) and other scripts are not ours to judge.
                if self.is_misspelt(match.group(0)):
                    self.setFormat(match.start(), len(match.group(0)), self._spelling)
        for match in MARKER_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._blank)


class DraftEditor(QTextEdit):
    """Rich text with a size cap, and keys that reach the suggestions without the mouse."""

    capped = Signal(int)  # how many characters of a paste were left out
    add_word_requested = Signal(str)  # "Add to dictionary" on an underlined word
    suggestions_requested = Signal()  # Ctrl+Down / Alt+Down: move into the suggestions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setAccessibleName(self.tr("Your note"))
        self.setPlaceholderText(self.tr("Start with their name, or pick a suggestion…"))
        self.setTabChangesFocus(True)
        self.highlighter = DraftHighlighter(self.document())

    def spelling_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu: for an underlined word, what might have been meant and
        "Add to dictionary" above the usual editing actions."""
        menu = self.createStandardContextMenu(pos)
        cursor = self.cursorForPosition(pos)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word or not self.highlighter.is_misspelt(word):
            return menu
        first = menu.actions()[0] if menu.actions() else None
        dictionary = self.highlighter.dictionary()
        offered = dictionary.suggestions(word) if hasattr(dictionary, "suggestions") else []
        for suggestion in offered:
            action = QAction(suggestion, menu)
            action.setObjectName("spellSuggestion")
            action.triggered.connect(
                lambda _c=False, s=suggestion: cursor.insertText(s))
            menu.insertAction(first, action)
        if not offered:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            menu.insertAction(first, none)
        add = QAction(self.tr("Add “{word}” to dictionary").format(word=word), menu)
        add.setObjectName("spellAddWord")
        add.triggered.connect(lambda _c=False, w=word: self.add_word_requested.emit(w))
        menu.insertAction(first, add)
        menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.spelling_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def exact_text(self) -> str:
        """Every character as typed, including line separators (toPlainText folds them)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def marked_text(self) -> str:
        """The text with its bold and italic as marks the card's renderer draws
        (lovebridge.render.content); the words are those of toPlainText()."""
        runs: list[tuple[str, bool, bool]] = []
        block = self.document().begin()
        while block.isValid():
            if runs:
                runs.append(("\n", False, False))
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid():
                    style = fragment.charFormat()
                    runs.append((fragment.text().replace("\u2028", "\n"),
                                 style.fontWeight() >= QFont.Weight.DemiBold,
                                 style.fontItalic()))
                fragments += 1
            if not runs:
                runs.append(("", False, False))
            block = block.next()
        return marked(runs)

    def room_left(self) -> int:
        """Characters that can still be added (a selection will be replaced)."""
        selected = len(self.textCursor().selectedText())
        return MAX_MESSAGE_CHARS - len(self.toPlainText()) + selected

    def insertFromMimeData(self, source: QMimeData) -> None:
        room = self.room_left()
        text = source.text() if source.hasText() else ""
        if source.hasHtml() and len(source.html()) <= room * 4 and len(text) <= room:
            super().insertFromMimeData(source)
            return
        if len(text) > room:
            self.textCursor().insertText(text[:max(room, 0)])
            self.capped.emit(len(text) - max(room, 0))
            return
        super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        if event.key() == Qt.Key.Key_Down and mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.suggestions_requested.emit()
            return
        adds_text = bool(event.text()) and (
            event.text().isprintable() or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))
        if adds_text and self.room_left() <= 0 and not self.textCursor().hasSelection():
            self.capped.emit(len(event.text()))
            return
        super().keyPressEvent(event)
