"""Logs that cannot hold a word of a note, by construction (Qt-free, imported early and cheaply).

An exception is written as its type and its frames (file, line, function) only: never its
message, which may quote a note, a memory or a SQL statement's parameters. Text from outside
(Qt's own messages) is redacted: URLs — a `mailto:` link carries the whole note — and anything
quoted are replaced before a line reaches the log or stderr.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from types import TracebackType

# A URL (scheme, colon, something not a space) runs to the end of the message: a decoded
# mailto: link holds spaces and line breaks, so a shorter match would leave the note behind.
_URL = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]{1,30}:(?!:)\S.*", re.DOTALL)
_QUOTED = re.compile(r"'.*'|\".*\"", re.DOTALL)
REDACTED = "[redacted]"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def redact(text: str) -> str:
    """`text` without URLs or quoted parts (Qt's messages quote what they were given)."""
    return _QUOTED.sub(REDACTED, _URL.sub(REDACTED, text))


def describe_exception(exc_info: ExcInfo) -> str:
    """Type and frames of an exception and of its causes; no message anywhere."""
    lines: list[str] = []
    error: BaseException | None = exc_info[1]
    tb = exc_info[2]
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        lines.append(f"{type(error).__module__}.{type(error).__qualname__} (message withheld)")
        for frame in traceback.extract_tb(tb):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        error = error.__cause__ or error.__context__
        tb = error.__traceback__ if error is not None else None
        if error is not None:
            lines.append("raised while handling:")
    return "\n".join(lines)


class PrivateFormatter(logging.Formatter):
    """A formatter whose tracebacks name types and frames only."""

    def formatException(self, ei) -> str:  # noqa: N802, ANN001 - logging's API
        return describe_exception(ei)

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's API
        return stack_info  # frames only: a stack has no exception text

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # never reuse a traceback text another formatter cached
        return super().format(record)


def private_stderr_handler() -> logging.Handler:
    """What Python prints when no log handler is set up yet (its `lastResort`), made private."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(PrivateFormatter("%(levelname)s %(name)s: %(message)s"))
    return handler


def install_private_fallback() -> None:
    """Warnings logged before the log file exists reach stderr without exception texts."""
    logging.lastResort = private_stderr_handler()
