"""Where a note goes: each channel's length limit, whether it is public, and the mailto link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

SMS_SEGMENT = 160
QR_COMFORTABLE_CHARS = 1000  # past this, phone cameras struggle with the dense code


@dataclass(frozen=True)
class ChannelLimit:
    """How long a note may comfortably be on a channel."""

    label: str
    limit: int  # the hard or shown limit
    warn_after: int  # the coach speaks past this


@dataclass(frozen=True)
class Channel:
    key: str
    public: bool = False


CHANNELS = ("print", "text", "messaging", "email", "image", "social", "qr", "copy")
_LIMITS = {
    "text": ChannelLimit("a text message", SMS_SEGMENT, 3 * SMS_SEGMENT),
    "messaging": ChannelLimit("a messaging app", 1000, 1000),
    "qr": ChannelLimit("a QR code", QR_COMFORTABLE_CHARS, QR_COMFORTABLE_CHARS),
}
PUBLIC_CHANNELS = frozenset({"social"})


def channel_limit(channel: str) -> ChannelLimit | None:
    """The channel's limit, or None for channels without one (e-mail, print, copy)."""
    return _LIMITS.get(channel)


def sms_segments(text: str) -> int:
    """How many 160-character text segments the note would take (at least one)."""
    return max(1, -(-len(text) // SMS_SEGMENT))


def mailto_url(subject: str, body: str, to: str = "") -> str:
    """A percent-encoded `mailto:` link; line breaks become CRLF as RFC 6068 asks."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")
