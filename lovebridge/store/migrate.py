"""Alembic migrations applied at start-up, with a copy of the database set aside first."""

from __future__ import annotations

import ast
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lovebridge.store.errors import NewerDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported inside the functions that use it: loading it costs more start-up time than
# everything else in the store, and a database already at the newest schema (every start but the
# first after an update) is recognised without it by `is_at_head`.

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
PRE_MIGRATION_DIR = "pre-migration"

# Tables Alembic cannot see through the models (FTS5 virtual tables and their shadow tables)
# are created by hand in migrations; autogenerate must leave them alone.
HAND_MADE_TABLE_PREFIXES = ("fts_",)
# `revision = '...'` / `down_revision: str | None = None` at the start of a line of a script.
ASSIGNMENT = re.compile(r"^(?P<name>\w+)\s*(?::[^=\n]*)?=(?P<value>[^\n]*)$", re.MULTILINE)


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Skip hand-made tables when comparing models with the database."""
    return not (type_ == "table" and name and name.startswith(HAND_MADE_TABLE_PREFIXES))


def alembic_config() -> Config:
    """An Alembic config pointing at the scripts shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this LoveBridge knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(store) -> str | None:  # noqa: ANN001 - Store, avoided to keep imports light
    """The schema revision recorded in the database, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(store) -> bool:  # noqa: ANN001
    """Bring the database to the newest schema. Returns True when a migration ran.

    A revision this LoveBridge does not know means a newer LoveBridge wrote the file:
    refuse, and leave it untouched.
    """
    if is_at_head(store):
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

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


def is_at_head(store) -> bool:  # noqa: ANN001
    """True when the database records exactly the newest revision; found without Alembic.

    Says False whenever it is unsure (no or several recorded revisions, a script it cannot read),
    so the full Alembic path decides those cases.
    """
    head = scripted_head()
    if head is None:
        return False
    with store.engine.connect() as connection:
        if connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first() is None:
            return False
        recorded = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return [row[0] for row in recorded] == [head]


def scripted_head() -> str | None:
    """The one head revision of the shipped scripts, read from their text; None if unsure."""
    revisions: set[str] = set()
    parents: set[str] = set()
    scripts = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    for script in scripts:
        if script.name == "__init__.py":
            continue
        found = literal_assignments(script, ("revision", "down_revision"))
        if not isinstance(found.get("revision"), str) or "down_revision" not in found:
            return None  # not a plain script: let Alembic read it
        revisions.add(found["revision"])
        down = found["down_revision"]
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(down)
        elif down is not None:
            return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def literal_assignments(script: Path, names: tuple[str, ...]) -> dict[str, object]:
    """Top-level `name = <literal>` lines of a script, read without running or parsing it all."""
    try:
        text = script.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, object] = {}
    for match in ASSIGNMENT.finditer(text):
        if match["name"] in names:
            if match["name"] in found:
                return {}  # said twice: unsure which counts
            try:
                found[match["name"]] = ast.literal_eval(match["value"].strip())
            except (ValueError, SyntaxError):
                return {}
    return found


def copy_aside(store, revision: str) -> Path:  # noqa: ANN001
    """Snapshot the database before migrating, so an upgrade can always be undone by hand."""
    folder = store.path.parent / "backups" / PRE_MIGRATION_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.snapshot_to(folder / f"lovebridge-{revision}-{stamp}.db")
    logger.info("database copied aside before migration")
    return target
