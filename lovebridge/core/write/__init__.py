"""The Write room's Qt-free logic: templates, placeholders, suggestions, the coach, messages."""
