"""The Scrapbook room: shared memories, photos, search, on this day, the trash and books."""
