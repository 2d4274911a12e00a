"""Alembic migrations applied at start-up, with a copy of the database set aside first."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from lovebridge.store.errors import NewerDatabaseError

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
PRE_MIGRATION_DIR = "pre-migration"

# Tables Alembic cannot see through the models (FTS5 virtual tables and their shadow tables)
# are created by hand in migrations; autogenerate must leave them alone.
HAND_MADE_TABLE_PREFIXES = ("fts_",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Skip hand-made tables when comparing models with the database."""
    return not (type_ == "table" and name and name.startswith(HAND_MADE_TABLE_PREFIXES))


def alembic_config() -> Config:
    """An Alembic config pointing at the scripts shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this LoveBridge knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(store) -> str | None:  # noqa: ANN001 - Store, avoided to keep imports light
    """The schema revision recorded in the database, or None for an empty database."""
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(store) -> bool:  # noqa: ANN001
    """Bring the database to the newest schema. Returns True when a migration ran.

    A revision this LoveBridge does not know means a newer LoveBridge wrote the file:
    refuse, and leave it untouched.
    """
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(store)
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise NewerDatabaseError(
                "This scrapbook was saved by a newer version of LoveBridge. Please update "
                "LoveBridge to open it; your data has not been changed."
            ) from exc
        copy_aside(store, current)
    logger.info("migrating database from %s to %s", current, head)
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True


def copy_aside(store, revision: str) -> Path:  # noqa: ANN001
    """Snapshot the database before migrating, so an upgrade can always be undone by hand."""
    folder = store.path.parent / "backups" / PRE_MIGRATION_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.snapshot_to(folder / f"lovebridge-{revision}-{stamp}.db")
    logger.info("database copied aside before migration")
    return target
