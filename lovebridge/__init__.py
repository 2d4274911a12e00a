"""LoveBridge: a private desktop app for couples."""

APP_NAME = "LoveBridge"
APP_ID = "lovebridge"

# A literal, not importlib.metadata: reading the installed metadata costs ~25 ms at every start.
# tests/test_version.py checks it matches pyproject.toml.
__version__ = "0.1.0"
