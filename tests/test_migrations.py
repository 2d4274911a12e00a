"""Migrations: models and migration scripts agree; empty and old databases reach head."""

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lovebridge.store import open_store
from lovebridge.store.migrate import copy_aside, head_revision, include_object
from lovebridge.store.models import Base

FIXTURES = Path(__file__).parent / "fixtures"


def test_empty_database_upgrades_to_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "lovebridge.db")
    with store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    store.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    store = open_store(tmp_path / "lovebridge.db")
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    store.close()
    assert differences == []


def test_committed_old_databases_upgrade_and_keep_their_data(tmp_path: Path) -> None:
    """Every fixture DB of an earlier schema opens, migrates and keeps its rows."""
    fixtures = sorted(FIXTURES.glob("schema-*.db"))
    assert fixtures, "at least the first released schema is kept as a fixture"
    for fixture in fixtures:
        db = tmp_path / fixture.name
        shutil.copy(fixture, db)
        with sqlite3.connect(db) as raw:
            names = raw.execute("SELECT partner_a, partner_b FROM profile").fetchall()
        store = open_store(db)
        store.close()
        with sqlite3.connect(db) as raw:
            assert raw.execute("SELECT partner_a, partner_b FROM profile").fetchall() == names
            version = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == head_revision()


def test_database_is_copied_aside_before_a_migration(tmp_path: Path) -> None:
    fixture = sorted(FIXTURES.glob("schema-*.db"))[0]
    db = tmp_path / "lovebridge.db"
    shutil.copy(fixture, db)
    store = open_store(db, migrate=False)
    copy = copy_aside(store, "0001_initial")
    store.close()
    assert copy.parent == tmp_path / "backups" / "pre-migration"
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT partner_a FROM profile").fetchone() == ("Robin",)
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
