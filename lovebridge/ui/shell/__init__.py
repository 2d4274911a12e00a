"""The shell: the main window and what belongs to the whole app rather than to one room."""
