"""Logging to a rotating file in the log folder. Messages and memories are never logged."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from lovebridge.log_privacy import PrivateFormatter, install_private_fallback

LOG_FILENAME = "lovebridge.log"


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send LoveBridge's log records to `log_dir/lovebridge.log` (rotating, owner-only)."""
    log_file = log_dir / LOG_FILENAME
    root = logging.getLogger("lovebridge")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    # Exceptions as types and frames only: their messages may quote a note (log_privacy.py).
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    install_private_fallback()  # other libraries' warnings, on stderr
    if os.name == "posix":
        os.chmod(log_file, 0o600)
    return log_file
