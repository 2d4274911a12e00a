"""What a note says, independent of how it is drawn: the renderer lays this out on paper."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NoteContent:
    """The plain text of a note and who it is between; `title` goes on a folded card's front."""

    text: str
    recipient: str = ""
    sender: str = ""
    title: str = ""

    def is_empty(self) -> bool:
        """True when there is nothing to print at all."""
        return not (self.text.strip() or self.title.strip() or self.recipient.strip())
