"""Sharing with the partner's laptop: the Preferences › Sharing page and the status line."""
