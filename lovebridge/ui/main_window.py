"""The main window now lives in the shell package; this name stays for existing imports."""

from lovebridge.ui.shell.rooms import DATES, SCRAPBOOK, WRITE
from lovebridge.ui.shell.window import MainWindow, library_modules

__all__ = ["DATES", "SCRAPBOOK", "WRITE", "MainWindow", "library_modules"]
