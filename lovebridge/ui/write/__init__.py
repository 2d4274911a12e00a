"""The Write room: the message editor, suggestions, the coach and sending notes on."""
