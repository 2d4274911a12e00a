"""The scrapbook's Qt-free logic: memories, photo import, search, on-this-day, trash, books."""
