"""LoveBridge: a private desktop app for couples."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "LoveBridge"
APP_ID = "lovebridge"

try:
    __version__ = version("lovebridge")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
