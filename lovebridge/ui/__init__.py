"""Widgets only: the main window, one sub-package per room, and shared widgets."""
