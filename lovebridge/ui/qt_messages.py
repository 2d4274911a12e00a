"""Qt's own messages, redacted: Qt prints what it was handed (a whole `mailto:` link, a file
path, a label's text), so each message loses its URLs and quoted parts before it is logged or
printed to stderr (the system journal, on a desktop)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from lovebridge.log_privacy import redact

logger = logging.getLogger("lovebridge.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def handle_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Log and print one of Qt's messages without the words it may quote."""
    level = _LEVELS.get(kind, logging.WARNING)
    text = redact(message)
    category = context.category or "qt"
    if logger.isEnabledFor(level):
        logger.log(level, "%s: %s", category, text)
    if level >= logging.WARNING:
        sys.stderr.write(f"{category}: {text}\n")


def install_qt_message_handler() -> object:
    """Route Qt's messages through `handle_qt_message`; returns the handler it replaced."""
    return qInstallMessageHandler(handle_qt_message)
