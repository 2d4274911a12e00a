"""Qt-free domain logic: profile, templates, coach, scrapbook queries, plans, crypto."""
