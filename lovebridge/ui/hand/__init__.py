"""Preferences › My handwriting: print the sheet, read photos of it, review, redo, draw."""
