"""What a note says, independent of how it is drawn: the renderer lays this out on paper."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NoteContent:
    """The text of a note (with bold and italic marks, see `marked`) and who it is between;
    `title` goes on a folded card's front."""

    text: str
    recipient: str = ""
    sender: str = ""
    title: str = ""

    def is_empty(self) -> bool:
        """True when there is nothing to print at all."""
        return not (plain(self.text).strip() or self.title.strip() or self.recipient.strip())


# Bold and italic travel inside the note's text as private-use marks (never typed, never
# printed): on at the first, off at the second. The card draws a word bold or italic when any
# of its letters is; everything else reads the text without them (see `plain`).
BOLD_ON, BOLD_OFF, ITALIC_ON, ITALIC_OFF = "\ue000", "\ue001", "\ue002", "\ue003"
MARKS = BOLD_ON + BOLD_OFF + ITALIC_ON + ITALIC_OFF
_NO_MARKS = {ord(mark): None for mark in MARKS}


def plain(text: str) -> str:
    """`text` without its bold and italic marks."""
    return text.translate(_NO_MARKS)


def marked(runs: list[tuple[str, bool, bool]]) -> str:
    """Runs of (text, bold, italic) as one text with marks where the style changes."""
    parts: list[str] = []
    bold = italic = False
    for text, run_bold, run_italic in runs:
        text = plain(text)  # a pasted mark must not switch styles
        if not text:
            continue
        if run_bold != bold:
            parts.append(BOLD_ON if run_bold else BOLD_OFF)
            bold = run_bold
        if run_italic != italic:
            parts.append(ITALIC_ON if run_italic else ITALIC_OFF)
            italic = run_italic
        parts.append(text)
    if bold:
        parts.append(BOLD_OFF)
    if italic:
        parts.append(ITALIC_OFF)
    return "".join(parts)


def styled_words(text: str) -> list[list[tuple[str, bool, bool]]]:
    """Each line of `text` as its words, each with (word, bold, italic)."""
    bold = italic = False
    lines: list[list[tuple[str, bool, bool]]] = []
    for line in text.split("\n"):
        words: list[tuple[str, bool, bool]] = []
        for chunk in line.split():
            letters, any_bold, any_italic = [], False, False
            for char in chunk:
                if char in MARKS:
                    bold = char == BOLD_ON if char in (BOLD_ON, BOLD_OFF) else bold
                    italic = char == ITALIC_ON if char in (ITALIC_ON, ITALIC_OFF) else italic
                    continue
                letters.append(char)
                any_bold, any_italic = any_bold or bold, any_italic or italic
            if letters:
                words.append(("".join(letters), any_bold, any_italic))
        lines.append(words)
    return lines
