"""The privacy lock's screens: lock screen, Privacy preferences, recovery code, idle watcher."""
